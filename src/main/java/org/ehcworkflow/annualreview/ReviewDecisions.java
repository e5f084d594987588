package org.ehcworkflow.annualreview;

import static org.ehcworkflow.process.TaskInputs.code;
import static org.ehcworkflow.process.TaskInputs.currentUser;
import static org.ehcworkflow.process.TaskInputs.date;
import static org.ehcworkflow.process.TaskInputs.requireBoolean;
import static org.ehcworkflow.process.TaskInputs.requireOneOf;
import static org.ehcworkflow.process.TaskInputs.requireText;
import static org.ehcworkflow.process.TaskInputs.optionalBoolean;
import static org.ehcworkflow.casefile.TaskFacts.record;
import static org.ehcworkflow.process.TaskInputs.text;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ehcworkflow.casefile.CaseFile;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ehcworkflow.calendar.DeadlineSchedule;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.plan.Plan;
import org.ehcworkflow.plan.PlanRegister;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.InputRejected;

/**
 * Server-side checks of what officers and settings submit in the review's tasks, from {@code complete} listeners
 * ({@code ${reviewDecisions.meetingArranged(task)}}). A rejection keeps the task open and changes nothing; an
 * accepted step sets the deadlines it starts.
 */
public class ReviewDecisions {

  /** Notice of the meeting: invitations go out on completion, at least 2 weeks before it (reg 20(3), 21(3)). */
  static final int NOTICE_DAYS = 14;
  /** The SEND tribunal aims to decide an appeal within about 12 weeks: when officers should look for the outcome. */
  static final int TRIBUNAL_WEEKS = 12;

  private final PlanRegister register;
  private final DeadlineSchedule schedule;
  private final AnnualReviews reviews;
  private final CaseFile caseFile;

  public ReviewDecisions(PlanRegister register, DeadlineSchedule schedule, AnnualReviews reviews, CaseFile caseFile) {
    this.caseFile = caseFile;
    this.register = register;
    this.schedule = schedule;
    this.reviews = reviews;
  }

  /** The meeting date: 2 weeks' notice at least; the report and decision deadlines count from it. */
  public void meetingArranged(DelegateTask task) {
    LocalDate meeting = date(task, AnnualReviewVariables.MEETING_DATE, true);
    LocalDate earliest = EngineClock.today().plusDays(NOTICE_DAYS);
    if (meeting.isBefore(earliest)) {
      throw InputRejected.because("meetingDate " + meeting + " gives less than 2 weeks' notice: invitations go out "
          + "today, so the meeting can be on " + earliest + " at the earliest (SEND Regs 2014 reg 20(3))");
    }
    AnnualReviewVariables.MEETING_DATE.set(task, meeting.toString());
    schedule.start(task.getExecution(), meeting, TimeLimit.REVIEW_INVITATIONS, TimeLimit.REVIEW_ADVICE_CIRCULATED,
        TimeLimit.REVIEW_REPORT, TimeLimit.REVIEW_DECISION);
  }

  public void adviceGathered(DelegateTask task) {
    String summary = requireText(task, AnnualReviewVariables.ADVICE_SUMMARY,
        "say what advice was gathered and circulated");
    record(caseFile, task, Map.of(AnnualReviewVariables.ADVICE_SUMMARY.name(), summary),
        Set.of(AnnualReviewVariables.ADVICE_SUMMARY.name()));
  }

  /**
   * The setting's report: the day the meeting was held becomes the plan's last review, and the next review falls
   * due 12 months from it (or the under-5 cycle) whatever the decision. From year 9 the review covers preparing
   * for adulthood (reg 20(6)).
   */
  public void reportReceived(DelegateTask task) {
    LocalDate held = date(task, AnnualReviewVariables.MEETING_HELD_ON, true);
    if (held.isAfter(EngineClock.today())) {
      throw InputRejected.because("meetingHeldOn " + held + " is in the future: send the report after the meeting");
    }
    String recommendation = requireOneOf(task, AnnualReviewVariables.RECOMMENDATION);
    Boolean covered = optionalBoolean(task, AnnualReviewVariables.PREPARING_FOR_ADULTHOOD_COVERED);
    if (Boolean.TRUE.equals(AnnualReviewVariables.PREPARING_FOR_ADULTHOOD.get(task)) && !Boolean.TRUE.equals(covered)) {
      throw InputRejected.because("preparingForAdulthoodCovered: from year 9 the review must cover preparing for "
          + "adulthood and independent living (SEND Regs 2014 reg 20(6))");
    }
    String caseReference = task.getExecution().getProcessBusinessKey();
    Plan plan = register.find(caseReference)
        .orElseThrow(() -> InputRejected.because("case " + caseReference + " has no plan in the register"));
    LocalDate nextDue = reviews.cycle().reviewDue(held, plan.underFiveOn(held));
    register.recordReview(caseReference, held, nextDue, "review meeting held; next review due " + nextDue,
        currentUser(task));
    AnnualReviewVariables.MEETING_HELD_ON.set(task, held.toString());
    schedule.start(task.getExecution(), held, TimeLimit.REVIEW_DECISION);
    Map<String, String> report = new LinkedHashMap<>();
    report.put(AnnualReviewVariables.MEETING_HELD_ON.name(), held.toString());
    report.put(AnnualReviewVariables.RECOMMENDATION.name(), recommendation);
    report.put(AnnualReviewVariables.PREPARING_FOR_ADULTHOOD_COVERED.name(), Boolean.TRUE.equals(covered) ? "true" : null);
    report.put(AnnualReviewVariables.REPORT_SUMMARY.name(), text(task, AnnualReviewVariables.REPORT_SUMMARY));
    record(caseFile, task, report, Set.of(AnnualReviewVariables.REPORT_SUMMARY.name()));
  }

  /** Maintain, amend or cease; a transfer review must name the new setting, so it amends (or ceases). */
  public void decided(DelegateTask task) {
    String decision = requireOneOf(task, AnnualReviewVariables.DECISION);
    requireText(task, AnnualReviewVariables.DECISION_REASON, "the family's notice gives the reasons");
    if (decision.equals("maintain")
        && ReviewKind.PHASE_TRANSFER.name().equals(AnnualReviewVariables.REVIEW_KIND.get(task))) {
      throw InputRejected.because("reviewDecision: a phase transfer review amends the plan to name the new setting "
          + "(SEND Regs 2014 reg 18), or ceases it; it cannot leave the plan unchanged");
    }
    if (decision.equals("amend")) {
      // The notice of proposed amendments goes out as the amendment starts: its 8 weeks count from today.
      schedule.start(task.getExecution(), EngineClock.today(), TimeLimit.AMENDED_PLAN);
    }
  }

  public void ceasingConsulted(DelegateTask task) {
    boolean cease = requireBoolean(task, AnnualReviewVariables.CEASE_AFTER_CONSULTATION);
    if (cease) {
      code(task, AnnualReviewVariables.CEASING_REASON, CeasingReason.class);
      AnnualReviewVariables.TRIBUNAL_OUTCOME.set(task, "noAppeal");
    }
    Map<String, String> consultation = new LinkedHashMap<>();
    consultation.put(AnnualReviewVariables.CEASE_AFTER_CONSULTATION.name(), Boolean.toString(cease));
    consultation.put(AnnualReviewVariables.CEASING_REASON.name(), cease ? text(task, AnnualReviewVariables.CEASING_REASON) : null);
    consultation.put(AnnualReviewVariables.CONSULTATION_NOTES.name(), text(task, AnnualReviewVariables.CONSULTATION_NOTES));
    record(caseFile, task, consultation, Set.of(AnnualReviewVariables.CONSULTATION_NOTES.name()));
  }

  /** An appeal keeps the plan in place until the tribunal decides. */
  public void ceasingAppealed(DelegateTask task) {
    LocalDate lodged = date(task, AnnualReviewVariables.APPEAL_LODGED_ON, true);
    if (lodged.isAfter(EngineClock.today())) {
      throw InputRejected.because("appealLodgedOn " + lodged + " is in the future");
    }
    AnnualReviewVariables.TRIBUNAL_DECISION_EXPECTED.set(task, lodged.plusWeeks(TRIBUNAL_WEEKS).toString());
  }

  public void tribunalDecided(DelegateTask task) {
    requireOneOf(task, AnnualReviewVariables.TRIBUNAL_OUTCOME);
  }
}
