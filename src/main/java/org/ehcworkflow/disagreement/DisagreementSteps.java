package org.ehcworkflow.disagreement;

import static org.ehcworkflow.process.TaskInputs.pastDate;
import static org.ehcworkflow.casefile.TaskFacts.record;
import static org.ehcworkflow.process.TaskInputs.rejectInvalid;
import static org.ehcworkflow.process.TaskInputs.requireOneOf;
import static org.ehcworkflow.process.TaskInputs.requireText;
import static org.ehcworkflow.process.TaskInputs.text;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ehcworkflow.calendar.DeadlineSchedule;
import org.ehcworkflow.calendar.StatutoryCalendar;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.plan.PlanRegister;
import org.ehcworkflow.plan.PlanVariables;
import org.ehcworkflow.process.Codes;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.InputRejected;
import org.ehcworkflow.process.IsoDates;
import org.ehcworkflow.process.ProcessVariable;
import org.ehcworkflow.process.Refusal;

/**
 * The steps of {@code ehc-disagreement} and {@code ehc-tribunal-order}: each start checks its inputs and starts the
 * clocks that count from the family's or the tribunal's recorded date (never from "now"); each task checks what the
 * officer recorded, keeps it on the case's record and works out the next deadline. Bad input is refused with the
 * field named and changes nothing.
 */
public class DisagreementSteps {

  /** The tribunal aims to decide about 12 weeks after an appeal is registered; a due date, not a statutory limit. */
  static final int TRIBUNAL_WEEKS = 12;

  private final CaseFile caseFile;
  private final DeadlineSchedule schedule;
  private final StatutoryCalendar calendar;
  private final PlanRegister register;

  public DisagreementSteps(CaseFile caseFile, DeadlineSchedule schedule, StatutoryCalendar calendar,
      PlanRegister register) {
    this.caseFile = caseFile;
    this.schedule = schedule;
    this.calendar = calendar;
    this.register = register;
  }

  /** Start of {@code ehc-disagreement}: what the family did, on which day, against which decision. */
  public void opened(DelegateExecution execution) {
    AppealableDecision decision = rejectInvalid(() -> Codes.parse(AppealableDecision.class,
        DisagreementVariables.DECISION.name(), DisagreementVariables.DECISION.get(execution)));
    String caseReference = execution.getProcessBusinessKey();
    boolean aboutAPlan = decision == AppealableDecision.PLAN_CONTENTS || decision == AppealableDecision.NOT_TO_AMEND;
    if (aboutAPlan ? register.find(caseReference).isEmpty() : caseFile.find(caseReference).isEmpty()) {
      throw Refusal.notFound("caseReference " + caseReference + (aboutAPlan ? " has no plan in the register"
          : " is not a case"));
    }
    long disputed = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(DisagreementVariables.DISAGREEMENT_PROCESS).processInstanceBusinessKey(caseReference)
        .variableValueEquals(DisagreementVariables.DECISION.name(), decision.name()).active().count();
    if (disputed > 0) {
      throw Refusal.conflict("decision " + decision + " of case " + caseReference + " is already in dispute");
    }
    LocalDate notified = requiredDate(execution, DisagreementVariables.DECISION_NOTIFIED_ON);
    String route = DisagreementVariables.DISAGREEMENT.get(execution);
    if (route == null || !DisagreementVariables.DISAGREEMENT.codes().contains(route)) {
      throw InputRejected.because(DisagreementVariables.DISAGREEMENT.name() + " must be one of "
          + DisagreementVariables.DISAGREEMENT.codes() + (route == null ? "" : ", got '" + route + "'"));
    }
    LocalDate on = requiredDate(execution, DisagreementVariables.DISAGREEMENT_DATE);
    notAfterToday(DisagreementVariables.DISAGREEMENT_DATE, on);
    if (on.isBefore(notified)) {
      throw InputRejected.because(DisagreementVariables.DISAGREEMENT_DATE.name() + " " + on
          + " is before the decision was notified on " + notified);
    }
    schedule.start(execution, notified, TimeLimit.MEDIATION_CONTACT);
    DisagreementVariables.APPEAL_DUE.set(execution, calendar.appealDue(notified, null).toString());
    caseFile.recordStep(new CaseFile.StepRecord(caseReference, execution.getProcessInstanceId(), "Disagreement",
        facts(DisagreementVariables.DECISION, decision.name(), DisagreementVariables.DECISION_NOTIFIED_ON,
            notified.toString(), DisagreementVariables.DISAGREEMENT, route, DisagreementVariables.DISAGREEMENT_DATE,
            on.toString()), Set.of(), EngineClock.today(), "process:" + DisagreementVariables.DISAGREEMENT_PROCESS));
    switch (route) {
      case "mediation" -> schedule.start(execution, on, TimeLimit.MEDIATION_HELD);
      case "mediationDeclined" -> schedule.start(execution, on, TimeLimit.MEDIATION_CERTIFICATE);
      default -> appealLodged(execution, on);
    }
  }

  /** Mediation held (reg 37): its end date, and whether it settled the disagreement. */
  public void mediationHeld(DelegateTask task) {
    LocalDate requested = LocalDate.parse(DisagreementVariables.DISAGREEMENT_DATE.get(task));
    LocalDate held = pastDate(task, DisagreementVariables.MEDIATION_HELD_ON, true);
    notBefore(DisagreementVariables.MEDIATION_HELD_ON, held, "mediation was requested", requested);
    String outcome = requireOneOf(task, DisagreementVariables.MEDIATION_OUTCOME);
    String agreement = text(task, DisagreementVariables.MEDIATION_AGREEMENT);
    if (outcome.equals("agreed") && (agreement == null || agreement.isBlank())) {
      throw InputRejected.because(DisagreementVariables.MEDIATION_AGREEMENT.name()
          + " is required when mediation reached an agreement: the authority must act on what was agreed");
    }
    if (outcome.equals("notAgreed")) {
      schedule.start(task.getExecution(), held, TimeLimit.CERTIFICATE_AFTER_MEDIATION);
    }
    record(caseFile, task, facts(DisagreementVariables.MEDIATION_HELD_ON, held.toString(),
        DisagreementVariables.MEDIATION_OUTCOME, outcome, DisagreementVariables.MEDIATION_AGREEMENT, agreement),
        Set.of(DisagreementVariables.MEDIATION_AGREEMENT.name()));
  }

  /**
   * A mediation certificate issued (reg 34 when mediation is declined, reg 39 after mediation): the last day to appeal
   * becomes the later of 2 months from the decision and 1 month from the certificate (HESC r20(1)(c)).
   */
  public void certificateIssued(DelegateTask task) {
    LocalDate since = LocalDate.parse(text(task, DisagreementVariables.MEDIATION_HELD_ON) != null
        ? DisagreementVariables.MEDIATION_HELD_ON.get(task) : DisagreementVariables.DISAGREEMENT_DATE.get(task));
    LocalDate issued = pastDate(task, DisagreementVariables.CERTIFICATE_ISSUED_ON, true);
    notBefore(DisagreementVariables.CERTIFICATE_ISSUED_ON, issued, "the step it certifies", since);
    LocalDate notified = LocalDate.parse(DisagreementVariables.DECISION_NOTIFIED_ON.get(task));
    String appealDue = calendar.appealDue(notified, issued).toString();
    DisagreementVariables.APPEAL_DUE.set(task.getExecution(), appealDue);
    record(caseFile, task, facts(DisagreementVariables.CERTIFICATE_ISSUED_ON, issued.toString(),
        DisagreementVariables.APPEAL_DUE, appealDue), Set.of());
  }

  /** Whether the family appealed within the window, and when. */
  public void appealAnswered(DelegateTask task) {
    String answer = requireOneOf(task, DisagreementVariables.APPEAL_ANSWER);
    LocalDate lodged = null;
    if (answer.equals("appealed")) {
      lodged = pastDate(task, DisagreementVariables.APPEAL_LODGED_ON, true);
      notBefore(DisagreementVariables.APPEAL_LODGED_ON, lodged, "the decision was notified",
          LocalDate.parse(DisagreementVariables.DECISION_NOTIFIED_ON.get(task)));
      appealLodged(task.getExecution(), lodged);
    }
    record(caseFile, task, facts(DisagreementVariables.APPEAL_ANSWER, answer, DisagreementVariables.APPEAL_LODGED_ON,
        lodged == null ? null : lodged.toString()), Set.of());
  }

  /** The tribunal's decision: an order must fit the decision appealed against; it starts the compliance process. */
  public void tribunalDecided(DelegateTask task) {
    TribunalOutcome outcome = rejectInvalid(() -> TribunalOutcome.ofCode(DisagreementVariables.TRIBUNAL_OUTCOME.name(),
        text(task, DisagreementVariables.TRIBUNAL_OUTCOME)));
    AppealableDecision decision = AppealableDecision.valueOf(DisagreementVariables.DECISION.get(task));
    if (!decision.allows(outcome)) {
      throw InputRejected.because(DisagreementVariables.TRIBUNAL_OUTCOME.name() + " '" + outcome.code()
          + "' cannot follow an appeal against " + decision.meaning() + "; the orders that can are "
          + decision.orders().stream().map(TribunalOutcome::code).toList());
    }
    LocalDate decided = pastDate(task, DisagreementVariables.TRIBUNAL_DECISION_DATE, true);
    notBefore(DisagreementVariables.TRIBUNAL_DECISION_DATE, decided, "the appeal was lodged",
        LocalDate.parse(DisagreementVariables.APPEAL_LODGED_ON.get(task)));
    record(caseFile, task, facts(DisagreementVariables.TRIBUNAL_OUTCOME, outcome.code(),
        DisagreementVariables.TRIBUNAL_DECISION_DATE, decided.toString()), Set.of());
  }

  /** Start of {@code ehc-tribunal-order}: the order and its date, and the clocks of reg 44(2) that count from it. */
  public void orderReceived(DelegateExecution execution) {
    String type = DisagreementVariables.ORDER_TYPE.get(execution);
    TribunalOutcome order = rejectInvalid(() -> TribunalOutcome.ofCode(DisagreementVariables.ORDER_TYPE.name(),
        type));
    if (!order.isOrder()) {
      throw InputRejected.because(DisagreementVariables.ORDER_TYPE.name() + " must be one of "
          + DisagreementVariables.ORDER_TYPE.codes() + ", got '" + type + "'");
    }
    LocalDate ordered = requiredDate(execution, DisagreementVariables.ORDER_DATE);
    notAfterToday(DisagreementVariables.ORDER_DATE, ordered);
    // A disagreement started before 2026-12-07 calls the tribunal order's model of its own deployment, which reads
    // the reminder days: start() gives it them, and the final limit's under the name that model reads.
    schedule.start(execution, ordered, order.timeLimits().toArray(TimeLimit[]::new));
    TimeLimit finalLimit = order.finalLimit();
    schedule.legacyReminderAlso(execution, finalLimit, "orderedFinalRemindOn");
    DisagreementVariables.ORDERED_FINAL_LIMIT.set(execution, finalLimit.name());
    Object finalDue = execution.getVariable(finalLimit.dueVariable());
    DisagreementVariables.ORDERED_FINAL_DUE.set(execution, finalDue.toString());
    // The shared steps' own names for the same days: the draft and final plan forms show them.
    execution.setVariable("finalDue", finalDue);
    if (order == TribunalOutcome.ORDER_TO_MAKE_PLAN) {
      execution.setVariable(TimeLimit.DRAFT_PLAN.dueVariable(),
          execution.getVariable(TimeLimit.ORDER_TO_MAKE_PLAN_DRAFT.dueVariable()));
    } else if (order == TribunalOutcome.ORDER_TO_ASSESS) {
      execution.setVariable(TimeLimit.DRAFT_PLAN.dueVariable(), finalDue);
    }
    execution.setVariable(TimeLimit.FINAL_PLAN.dueVariable(), finalDue);
    if (!order.equals(TribunalOutcome.ORDER_TO_MAKE_PLAN) && !order.equals(TribunalOutcome.ORDER_TO_ASSESS)) {
      // An amendment keeps the setting section I names unless the order changes it.
      register.find(execution.getProcessBusinessKey()).ifPresent(plan -> {
        PlanVariables.NAMED_SETTING.set(execution, plan.settingName());
        PlanVariables.NAMED_SETTING_CODE.set(execution, plan.settingCode());
        if (plan.settingUpperAge() != null) {
          execution.setVariable(PlanVariables.NAMED_SETTING_UPPER_AGE.name(), plan.settingUpperAge());
        }
      });
    }
    caseFile.recordStep(new CaseFile.StepRecord(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
        "TribunalOrder", facts(DisagreementVariables.ORDER_TYPE, order.code(), DisagreementVariables.ORDER_DATE,
            ordered.toString()), Set.of(), EngineClock.today(), "process:" + DisagreementVariables.ORDER_PROCESS));
  }

  /** The ordered assessment is arranged and the family told (reg 44(2)(b)). */
  public void orderedAssessmentNotified(DelegateTask task) {
    String arrangements = requireText(task, DisagreementVariables.ASSESSMENT_ARRANGEMENTS,
        "the family is told whose advice is sought");
    record(caseFile, task, facts(DisagreementVariables.ASSESSMENT_ARRANGEMENTS, arrangements),
        Set.of(DisagreementVariables.ASSESSMENT_ARRANGEMENTS.name()));
  }

  /** After the ordered assessment: issue a plan (within 14 weeks) or not (notified within 10 weeks), with reasons. */
  public void orderedIssueDecided(DelegateTask task) {
    String decision = requireOneOf(task, DisagreementVariables.ORDERED_ISSUE_DECISION);
    String reason = requireText(task, DisagreementVariables.DECISION_REASON, "the decision notice gives the reasons");
    record(caseFile, task, facts(DisagreementVariables.ORDERED_ISSUE_DECISION, decision,
        DisagreementVariables.DECISION_REASON, reason), Set.of(DisagreementVariables.DECISION_REASON.name()));
  }

  private static void appealLodged(DelegateExecution execution, LocalDate lodged) {
    DisagreementVariables.APPEAL_LODGED_ON.set(execution, lodged.toString());
    DisagreementVariables.TRIBUNAL_DECISION_EXPECTED.set(execution, lodged.plusWeeks(TRIBUNAL_WEEKS).toString());
  }

  private static LocalDate requiredDate(DelegateExecution execution, ProcessVariable<String> variable) {
    Object value = execution.getVariable(variable.name());
    if (value == null || value.toString().isBlank()) {
      throw InputRejected.because(variable.name() + " is required, as YYYY-MM-DD");
    }
    return rejectInvalid(() -> IsoDates.parse(variable.name(), value));
  }

  private static void notAfterToday(ProcessVariable<String> variable, LocalDate day) {
    if (day.isAfter(EngineClock.today())) {
      throw InputRejected.because(variable.name() + " " + day + " is in the future");
    }
  }

  private static void notBefore(ProcessVariable<String> variable, LocalDate day, String what, LocalDate earliest) {
    if (day.isBefore(earliest)) {
      throw InputRejected.because(variable.name() + " " + day + " is before " + what + " on " + earliest);
    }
  }

  /** Fields and values in order; a null value is left out. */
  private static Map<String, String> facts(Object... fieldsAndValues) {
    Map<String, String> facts = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      Object value = fieldsAndValues[i + 1];
      if (value != null) {
        facts.put(((ProcessVariable<?>) fieldsAndValues[i]).name(), value.toString());
      }
    }
    return facts;
  }
}
