package org.ehcworkflow.family;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.ehcworkflow.calendar.StatutoryCalendar;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.disagreement.DisagreementVariables;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.casefile.CaseFile.StepRecord;
import org.ehcworkflow.document.Documents;
import org.ehcworkflow.needsassessment.Caseload;
import org.ehcworkflow.notification.AddressBook;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.TaskInputs;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the family's page shows, in plain English: where the case is now, the statutory dates ahead, each decision
 * with its reasons and the family's rights (mediation and appeal, with their last days), the documents issued to
 * them, their named coordinator, what they may send now, and their messages.
 */
public class FamilyCase {

  static final String REPRESENTATIONS_TASK = "Task_RecordRepresentations";
  static final String DISAGREEMENT_TASK = "Task_RecordDisagreement";
  static final String SECTION_A_STEP = "Family_SectionAViews";
  static final String REVIEW_VIEWS_STEP = "Family_ReviewViews";

  /** While the assessment gathers advice and drafts, the family's views go into section A (reg 6(1)(a), 7). */
  private static final Set<String> ASSESSING = Set.of("Task_SendAdviceRequest", "Task_ProvideAdvice",
      "Task_DecideWhetherToIssuePlan", "Task_DraftPlan");
  /** Before the review meeting, the family's views are gathered for it (reg 20(2), 20(4)). */
  private static final Set<String> BEFORE_REVIEW = Set.of("Task_ArrangeReviewMeeting", "Task_InviteToReviewMeeting",
      "Task_GatherReviewAdvice", "Timer_ReviewMeetingDay");

  /** Which views the family may send now. */
  public enum Views { SECTION_A, REVIEW }
  static final String MESSAGE_STEP = "Family_Message";
  static final String LATE_REPRESENTATIONS_STEP = "Family_LateRepresentations";

  /** Where the case is, by the step that is waiting, as a family would say it. */
  private static final Map<String, String> NOW = Map.ofEntries(
      Map.entry("Task_DecideWhetherToAssess", "We are deciding whether to carry out an education, health and care "
          + "(EHC) needs assessment."),
      Map.entry("Task_SendAdviceRequest", "We are asking the professionals who know your child for their advice."),
      Map.entry("Task_ProvideAdvice", "We are gathering advice about your child's needs from the professionals "
          + "involved."),
      Map.entry("Task_DecideWhetherToIssuePlan", "We have the advice and are deciding whether to issue an EHC plan."),
      Map.entry("Task_DraftPlan", "We are writing the draft EHC plan."),
      Map.entry("Task_ServeDraftPlan", "We are sending you the draft EHC plan."),
      Map.entry(REPRESENTATIONS_TASK, "The draft EHC plan has been sent to you. You can comment on it, ask for a "
          + "school or college to be named and ask for a meeting."),
      Map.entry("Task_ConsultSetting", "We are asking the school or college you asked for whether it can meet your "
          + "child's needs."),
      Map.entry("Task_RecordSettingResponse", "We are asking the school or college you asked for whether it can meet "
          + "your child's needs."),
      Map.entry("Timer_RepresentationsPeriodEnds", "We are waiting for your 15 days to comment on the draft to end "
          + "before we finalise the plan."),
      Map.entry("Task_FinalisePlan", "We are preparing the final EHC plan."),
      Map.entry("Task_RecordDisagreement", "We have sent you our decision. You can ask for mediation or appeal: see "
          + "your rights below."),
      Map.entry("Task_HoldMediation", "You asked for mediation. We are arranging it: it must take place within 30 "
          + "days of your request."),
      Map.entry("Task_IssueMediationCertificate", "You told the mediation adviser you do not want mediation. The "
          + "adviser's certificate, which you need to appeal, is on its way."),
      Map.entry("Task_IssueCertificateAfterMediation", "Mediation has ended without agreement. The adviser's "
          + "certificate, which you need to appeal, is on its way."),
      Map.entry("Task_RecordAppeal", "You can appeal to the tribunal: see the last day to appeal below."),
      Map.entry("Task_RecordTribunalDecision", "Your appeal is with the tribunal. We are waiting for its decision."),
      Map.entry("Task_DraftOrderedPlan", "The tribunal ordered us to make an EHC plan. We are writing the draft."),
      Map.entry("Task_ArrangeOrderedAssessment", "The tribunal ordered an EHC needs assessment. We are arranging it."),
      Map.entry("Task_DecideAfterOrderedAssessment", "We are deciding, after the assessment the tribunal ordered, "
          + "whether to issue an EHC plan."),
      Map.entry("Task_DraftPlanAfterOrderedAssessment", "We are writing the draft EHC plan."),
      Map.entry("Task_AmendPlanAsOrdered", "The tribunal ordered changes to the EHC plan. We are making them."),
      Map.entry("Timer_PrepareReview", "Your child's EHC plan is in place. We will review it at least once a year."),
      Map.entry("Task_ArrangeReviewMeeting", "We are arranging your child's annual review meeting."),
      Map.entry("Task_InviteToReviewMeeting", "We are inviting you and the professionals to the annual review "
          + "meeting."),
      Map.entry("Task_GatherReviewAdvice", "We are gathering advice for the annual review meeting."),
      Map.entry("Timer_ReviewMeetingDay", "The annual review meeting is arranged."),
      Map.entry("Task_SubmitReviewReport", "The review meeting has been held. The school is writing the review report."),
      Map.entry("Task_DecideAfterReview", "We are deciding, after the review, whether to keep, change or end the plan."),
      Map.entry("Task_ConsultOnCeasing", "We are thinking about ending the EHC plan and will ask for your views first."),
      Map.entry("Task_RecordCeasingAppeal", "We have decided to end the EHC plan. You can appeal: see your rights "
          + "below."),
      Map.entry("Task_AwaitNewSettingNamed", "Your child moves to a new phase of education next year. The plan will "
          + "name the new school or college."));

  /** What each statutory date means for the family. */
  private static final Map<TimeLimit, String> DATES = Map.ofEntries(
      Map.entry(TimeLimit.DECISION_TO_ASSESS, "We must tell you whether we will carry out an EHC needs assessment."),
      Map.entry(TimeLimit.ADVICE, "Advice is due from a professional we asked."),
      Map.entry(TimeLimit.DECISION_TO_ISSUE, "We must tell you whether we will issue an EHC plan."),
      Map.entry(TimeLimit.DRAFT_PLAN, "The latest day we can send you the draft plan."),
      Map.entry(TimeLimit.REPRESENTATIONS, "The last day of your 15 days to comment on the draft plan."),
      Map.entry(TimeLimit.FINAL_PLAN, "We must issue the final EHC plan (20 weeks from the request)."),
      Map.entry(TimeLimit.ANNUAL_REVIEW, "Your child's annual review must be held."),
      Map.entry(TimeLimit.REVIEW_DECISION, "We must tell you our decision after the review."),
      Map.entry(TimeLimit.AMENDED_PLAN, "We must issue the amended plan."),
      Map.entry(TimeLimit.MEDIATION_HELD, "Mediation must take place by this day."),
      Map.entry(TimeLimit.MEDIATION_CERTIFICATE, "The mediation certificate is due."),
      Map.entry(TimeLimit.CERTIFICATE_AFTER_MEDIATION, "The mediation certificate is due."),
      Map.entry(TimeLimit.ORDER_TO_MAKE_PLAN_DRAFT, "We must send you the draft plan the tribunal ordered."),
      Map.entry(TimeLimit.ORDER_TO_MAKE_PLAN_FINAL, "We must issue the final plan the tribunal ordered."),
      Map.entry(TimeLimit.ORDER_TO_ASSESS_NOTICE, "We must tell you that the assessment the tribunal ordered will "
          + "be carried out."),
      Map.entry(TimeLimit.ORDER_TO_ASSESS_NOT_ISSUE, "If we decide not to issue a plan after the ordered assessment, "
          + "we must tell you by this day."),
      Map.entry(TimeLimit.ORDER_TO_ASSESS_FINAL, "We must issue the final plan after the ordered assessment."),
      Map.entry(TimeLimit.ORDER_TO_AMEND, "We must issue the plan with the changes the tribunal ordered."),
      Map.entry(TimeLimit.ORDER_TO_NAME_SCHOOL, "We must issue the plan naming the school or college the tribunal "
          + "ordered."));

  public record DateAhead(LocalDate date, String what, String law) {
  }

  public record Decision(long documentId, String title, LocalDate issuedOn, String reasons, LocalDate mediationBy,
      LocalDate appealBy) {
  }

  public record Representations(LocalDate due, boolean late, boolean taskOpen) {
  }

  public record Message(LocalDate on, String from, String text) {
  }

  public record View(String caseReference, String childGivenName, List<String> now, List<DateAhead> ahead,
      List<Decision> decisions, Optional<String> coordinator, Optional<Representations> representations,
      boolean mediationOpen, Optional<Views> views, List<Message> messages) {
  }

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final CaseFile caseFile;
  private final Documents documents;
  private final Caseload caseload;
  private final StatutoryCalendar calendar;

  private final AddressBook addresses;

  public FamilyCase(JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks, CaseFile caseFile,
      Documents documents, Caseload caseload, StatutoryCalendar calendar, AddressBook addresses) {
    this.addresses = addresses;
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.tasks = tasks;
    this.caseFile = caseFile;
    this.documents = documents;
    this.caseload = caseload;
    this.calendar = calendar;
  }

  /** The family's contact emails on the case or its plan (lower case), as the notices reach them. */
  public Set<String> contactEmails(String caseReference) {
    Set<String> emails = new LinkedHashSet<>();
    addresses.familyEmails(caseReference).forEach(e -> emails.add(e.trim().toLowerCase(java.util.Locale.ROOT)));
    return emails;
  }

  public View view(String caseReference) {
    LocalDate today = EngineClock.today();
    Set<String> active = activeActivities(caseReference);
    Set<String> now = new LinkedHashSet<>();
    active.stream().map(NOW::get).filter(t -> t != null).forEach(now::add);
    if (now.isEmpty()) {
      now.add(caseFile.find(caseReference).map(c -> switch (c.status()) {
        case OPEN -> "We are working on your child's case.";
        case NOT_ASSESSED -> "The case is closed: we decided not to carry out an EHC needs assessment.";
        case NO_PLAN -> "The case is closed: we decided not to issue an EHC plan.";
        case WITHDRAWN -> "The case is closed: the request was withdrawn.";
        case PLAN_ISSUED -> "The EHC plan has been issued.";
      }).orElse("Your child's EHC plan is in place."));
    }
    List<DateAhead> ahead = new ArrayList<>();
    jdbc.query("""
        select time_limit, due_date from deadline_ledger where case_reference = ? and completed_on is null
          and outcome is null and due_date >= ? order by due_date""", rs -> {
      TimeLimit limit = TimeLimit.valueOf(rs.getString(1));
      ahead.add(new DateAhead(rs.getDate(2).toLocalDate(), DATES.getOrDefault(limit, limit.title() + "."),
          limit.legalReference()));
    }, caseReference, Date.valueOf(today));
    Optional<Representations> representations = representations(caseReference, today);
    representations.filter(r -> r.taskOpen() && !r.late()).ifPresent(r -> ahead.add(new DateAhead(r.due(),
        DATES.get(TimeLimit.REPRESENTATIONS), TimeLimit.REPRESENTATIONS.legalReference())));
    if (active.contains("Task_RecordAppeal")) {
      // The appeal window after a mediation certificate: the later of its two limits (HESC r20(1)(c)).
      runtime.createProcessInstanceQuery().processDefinitionKey(DisagreementVariables.DISAGREEMENT_PROCESS)
          .processInstanceBusinessKey(caseReference).active().list().stream()
          .map(instance -> runtime.getVariable(instance.getId(), DisagreementVariables.APPEAL_DUE.name()))
          .filter(due -> due != null).map(due -> LocalDate.parse(due.toString())).filter(due -> !due.isBefore(today))
          .forEach(due -> ahead.add(new DateAhead(due, "The last day to appeal to the tribunal.",
              TimeLimit.APPEAL.legalReference())));
    }
    ahead.sort(java.util.Comparator.comparing(DateAhead::date));
    List<DateAhead> distinct = ahead.stream().distinct().toList();
    List<StepRecord> steps = caseFile.steps(caseReference);
    return new View(caseReference, caseFile.requestDetails(caseReference).map(CaseFile.ChildDetails::givenName)
        .orElse(null), List.copyOf(now), distinct, decisions(caseReference, steps),
        caseload.coordinatorName(caseReference), representations, active.contains(DISAGREEMENT_TASK),
        views(active), messages(steps));
  }

  /** The steps waiting in every running process of the case (assessment, finalisation, review, transfer). */
  private Set<String> activeActivities(String caseReference) {
    Set<String> active = new LinkedHashSet<>();
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseReference).active().list()
        .forEach(instance -> active.addAll(runtime.getActiveActivityIds(instance.getId())));
    return active;
  }

  /** Whether the family may comment on a draft now: while it is being finalised; late after the 15 days. */
  Optional<Representations> representations(String caseReference, LocalDate today) {
    Optional<Task> open = representationsTask(caseReference);
    if (open.isPresent()) {
      LocalDate due = LocalDate.parse(String.valueOf(tasks.getVariable(open.get().getId(), "representationsDue")));
      return Optional.of(new Representations(due, today.isAfter(due), true));
    }
    // After the officer recorded them, until the final plan is issued: still kept, as late representations.
    return runtime.createProcessInstanceQuery().processDefinitionKey("ehc-plan-finalisation")
        .processInstanceBusinessKey(caseReference).active().list().stream().findFirst()
        .map(instance -> runtime.getVariable(instance.getId(), "representationsDue"))
        .map(due -> LocalDate.parse(due.toString()))
        .map(due -> new Representations(due, true, false));
  }

  Optional<Task> representationsTask(String caseReference) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseReference).taskDefinitionKey(REPRESENTATIONS_TASK)
        .active().list().stream().findFirst();
  }

  /** The views the family may send now: for section A while the assessment runs, or for the annual review. */
  Optional<Views> views(String caseReference) {
    return views(activeActivities(caseReference));
  }

  private static Optional<Views> views(Set<String> active) {
    if (active.stream().anyMatch(ASSESSING::contains)) {
      return Optional.of(Views.SECTION_A);
    }
    if (active.stream().anyMatch(BEFORE_REVIEW::contains)) {
      return Optional.of(Views.REVIEW);
    }
    return Optional.empty();
  }

  /** The step waiting for the family's answer to a refusal: mediation, or not (reg 32-34). */
  Optional<Task> disagreementTask(String caseReference) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseReference).taskDefinitionKey(DISAGREEMENT_TASK)
        .active().list().stream().findFirst();
  }

  private List<Decision> decisions(String caseReference, List<StepRecord> steps) {
    List<Decision> decisions = new ArrayList<>();
    documents.list(caseReference).stream().filter(d -> !d.type().received()).forEach(d -> {
      LocalDate issued = d.createdAt().atZone(ZoneId.of("Europe/London")).toLocalDate();
      String step = switch (d.type()) {
        case DECISION_TO_ASSESS, DECISION_NOT_TO_ASSESS -> "Task_DecideWhetherToAssess";
        case DECISION_NOT_TO_ISSUE -> "Task_DecideWhetherToIssuePlan";
        default -> null;
      };
      String reasons = step == null ? null : steps.stream().filter(s -> s.step().equals(step))
          .map(s -> s.facts().get("decisionReason")).filter(r -> r != null).reduce((a, b) -> b).orElse(null);
      boolean appealable = d.type().appealable();
      decisions.add(new Decision(d.id(), d.type().title() + (d.version() > 1 ? " (version " + d.version() + ")" : ""),
          issued, reasons, appealable ? calendar.due(TimeLimit.MEDIATION_CONTACT, issued) : null,
          appealable ? calendar.appealDue(issued, null) : null));
    });
    return decisions;
  }

  private static List<Message> messages(List<StepRecord> steps) {
    List<Message> messages = new ArrayList<>();
    for (StepRecord step : steps) {
      if (step.step().equals(MESSAGE_STEP) && step.facts().get("message") != null) {
        messages.add(new Message(step.recordedOn(), "You", step.facts().get("message")));
      } else if (step.step().equals(SECTION_A_STEP) || step.step().equals(REVIEW_VIEWS_STEP)) {
        messages.add(new Message(step.recordedOn(), step.step().equals(SECTION_A_STEP)
            ? "You (your views, for section A of the plan)" : "You (your views, for the annual review)",
            step.facts().get("views")));
      } else if (step.step().equals(LATE_REPRESENTATIONS_STEP) && step.facts().get("representations") != null) {
        messages.add(new Message(step.recordedOn(), "You (comments on the draft, after the 15 days)",
            step.facts().get("representations")));
      } else if (step.step().equals(REPRESENTATIONS_TASK) && TaskInputs.FAMILY.equals(step.recordedBy())
          && step.facts().get("representations") != null) {
        messages.add(new Message(step.recordedOn(), "You (comments on the draft plan)",
            step.facts().get("representations")));
      }
    }
    return messages;
  }

  /** A document of this case that was issued to the family (never one received from a partner). */
  Optional<Documents.DocumentInfo> issuedDocument(String caseReference, long id) {
    return documents.find(id).filter(d -> d.caseReference().equals(caseReference) && !d.type().received());
  }
}
