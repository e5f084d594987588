package org.ehcworkflow.annualreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.ehcworkflow.calendar.SchoolYears;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.document.DocumentType;
import org.ehcworkflow.plan.Plan;
import org.ehcworkflow.plan.PlanEvent;
import org.ehcworkflow.plan.PlanStatus;
import org.ehcworkflow.testing.ProcessTestBeans;
import org.ehcworkflow.testing.ProcessTestSupport;
import static org.ehcworkflow.testing.ProcessTestSupport.*;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code ehc-annual-review} and {@code ehc-phase-transfer} (with the shared
 * {@code ehc-plan-finalisation}) and the daily {@code ehc-review-cycle-starts}, the engine's clock moved to fire each
 * timer.
 */
@Deployment(resources = {"bpmn/ehc-annual-review.bpmn", "bpmn/ehc-panel-decision.bpmn", "bpmn/ehc-phase-transfer.bpmn",
    "bpmn/ehc-plan-finalisation.bpmn", "bpmn/ehc-phase-transfer-cohort.bpmn",
    "bpmn/ehc-review-cycle-starts.bpmn", "forms/arrange-review-meeting.form", "forms/gather-review-advice.form",
    "forms/review-report.form", "forms/review-decision.form", "forms/consult-on-ceasing.form",
    "forms/record-ceasing-appeal.form", "forms/record-tribunal-decision.form", "forms/start-phase-transfer.form",
    "forms/record-representations.form", "forms/record-setting-response.form", "forms/finalise-plan.form"})
class LivingPlanProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml")
      .assertClassCoverageAtLeast(0.9).build();

  static final String REVIEW = "ehc-annual-review";
  static final String TRANSFER = "ehc-phase-transfer";
  static final String COHORT = "ehc-phase-transfer-cohort";
  static final String CYCLE_STARTS = "ehc-review-cycle-starts";
  static final String ARRANGE_MEETING = "Task_ArrangeReviewMeeting";
  static final String GATHER_ADVICE = "Task_GatherReviewAdvice";
  static final String SEND_REPORT = "Task_SubmitReviewReport";
  static final String DECIDE = "Task_DecideAfterReview";
  static final String CONSULT_ON_CEASING = "Task_ConsultOnCeasing";
  static final String RECORD_APPEAL = "Task_RecordCeasingAppeal";
  static final String RECORD_TRIBUNAL = "Task_RecordTribunalDecision";
  static final String RECORD_REPRESENTATIONS = "Task_RecordRepresentations";
  static final String RECORD_SETTING_RESPONSE = "Task_RecordSettingResponse";
  static final String FINALISE_PLAN = "Task_FinalisePlan";

  ProcessTestBeans beans;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    beans = new ProcessTestBeans().register();
    clockAt(LocalDate.of(2026, 3, 2));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  void aReviewHeldInTimeMaintainsThePlanAndStartsTheNextCycle() {
    ProcessInstance review = planIssuedAndReviewStarted("EHC-2026-00001", "2026-03-02", 2019, 11);
    assertThat(review).isWaitingAt("Gateway_WaitForReviewDue");
    assertThat(timerDue("Timer_PrepareReview")).isEqualTo(at("2026-12-22", LocalTime.of(9, 0)));
    assertThat(variable(review, "annualReviewDue")).isEqualTo("2027-03-02");

    clockAt(LocalDate.of(2026, 12, 22));
    runDueJobs();
    assertThat(task(ARRANGE_MEETING)).hasCandidateGroup("coordinators").hasCandidateGroup("setting100001")
        .hasDueDate(endOfDay("2027-03-02"));
    assertThatThrownBy(() -> taskService().complete(task(ARRANGE_MEETING).getId(), Map.of("meetingDate", "2027-01-04")))
        .hasMessageContaining("less than 2 weeks' notice").hasMessageContaining("2027-01-05 at the earliest");
    complete(task(ARRANGE_MEETING), withVariables("meetingDate", "2027-01-20"));
    runDueJobs();
    assertThat(beans.notifications.withTemplate("review-invitation")).extracting(n -> n.recipient().id())
        .containsExactlyInAnyOrder("EHC-2026-00001", "SCHOOL_OR_SETTING", "HEALTH", "SOCIAL_CARE");
    assertThat(beans.notifications.withTemplate("review-invitation").get(0).personalisation())
        .containsEntry("meetingDate", "2027-01-20").containsEntry("deadline", "2027-01-06");
    assertThat(task(GATHER_ADVICE)).hasDueDate(endOfDay("2027-01-06"));
    assertThat(timerDue("Timer_ReviewAdviceReminder")).as("a week before the deadline, worked out from it")
        .isEqualTo(at("2026-12-30", LocalTime.of(9, 0)));
    assertThat(runtimeService().getVariables(review.getId()).keySet()).as("no reminder stored")
        .noneMatch(name -> name.endsWith("RemindOn"));
    complete(task(GATHER_ADVICE), withVariables("adviceSummary", "setting, health and EP advice"));
    runDueJobs();
    assertThat(beans.notifications.withTemplate("review-advice-circulated")).hasSize(2);
    assertThat(review).isWaitingAt("Timer_ReviewMeetingDay");

    clockAt(LocalDateTime.of(2027, 1, 20, 18, 0));
    runDueJobs();
    assertThat(review).hasPassed("Task_AskForReviewReport");
    assertThat(beans.notifications.withTemplate("review-report-request")).as("the setting is asked, with a link")
        .singleElement().satisfies(n -> assertThat(n.recipient().id()).isEqualTo("SCHOOL_OR_SETTING"))
        .satisfies(n -> assertThat(n.personalisation()).containsEntry("deadline", "2027-02-03")
            .containsEntry("meetingDate", "2027-01-20").containsKey("responseLink"));
    assertThat(task(SEND_REPORT)).as("the plan's own setting alone, and the coordinators")
        .hasCandidateGroup("setting100001").hasCandidateGroup("coordinators").hasDueDate(endOfDay("2027-02-03"));
    assertThat(taskService().getIdentityLinksForTask(task(SEND_REPORT).getId())).extracting(l -> l.getGroupId())
        .doesNotContain("schools");
    complete(task(SEND_REPORT), withVariables("meetingHeldOn", "2027-01-20", "reviewRecommendation", "maintain"));
    assertThat(beans.register.plans.get("EHC-2026-00001").lastReviewedOn()).isEqualTo("2027-01-20");
    assertThat(task(DECIDE)).hasDueDate(endOfDay("2027-02-17"));
    complete(task(DECIDE), withVariables("reviewDecision", "maintain", "decisionReason", "needs met"));
    runDueJobs();

    assertThat(review).hasPassed("Task_NotifyPlanMaintained", "Task_StartNextReview", "EndEvent_ReviewCompleted")
        .isEnded();
    assertThat(beans.documents.typesFor("EHC-2026-00001")).containsExactly(DocumentType.REVIEW_DECISION_MAINTAIN);
    assertThat(beans.notifications.withTemplate("review-decision-maintain").get(0).personalisation())
        .containsEntry("appealDue", "2027-03-20");
    ProcessInstance next = runningReview("EHC-2026-00001");
    assertThat(variable(next, "annualReviewDue")).as("12 months from the meeting").isEqualTo("2028-01-20");
    assertThat(beans.register.plans.get("EHC-2026-00001").nextReviewDue()).isEqualTo("2028-01-20");
    assertThat(beans.caseFile.breaches("EHC-2026-00001")).isEmpty();
  }

  @Test
  void anAmendmentServesProposedAmendmentsConsultsAndIssuesTheAmendedPlanWithinEightWeeks() {
    ProcessInstance review = planIssuedAndReviewStarted("EHC-2025-00002", "2025-05-01", 2016, 11);
    heldMeeting("2026-03-16", "2026-03-02");
    clockAt(LocalDate.of(2026, 3, 30));
    complete(task(DECIDE), withVariables("reviewDecision", "amend", "decisionReason", "new needs"));
    assertThat(variable(review, "amendedPlanDue")).isEqualTo("2026-05-25");
    runDueJobs();
    assertThat(task(RECORD_REPRESENTATIONS)).hasDueDate(endOfDay("2026-04-13"));
    assertThat(beans.notifications.withTemplate("proposed-amendments").get(0).personalisation())
        .containsEntry("representationsDue", "2026-04-13").containsEntry("amendedPlanDue", "2026-05-25");
    complete(task(RECORD_REPRESENTATIONS), withVariables("requestedSetting", "100002"));
    runDueJobs();
    complete(task(RECORD_SETTING_RESPONSE), withVariables("settingResponse", "agreed"));
    clockAt(LocalDate.of(2026, 4, 14));
    runDueJobs();
    assertThat(task(FINALISE_PLAN)).hasDueDate(endOfDay("2026-05-25"));
    complete(task(FINALISE_PLAN), withVariables("namedSetting", "Elm Secondary", "namedSettingCode", "100002",
        "namedSettingUpperAge", 16));
    runDueJobs();

    assertThat(review).hasPassed("CallActivity_AmendPlan", "Task_RecordAmendedPlan", "EndEvent_ReviewCompleted");
    Plan plan = beans.register.plans.get("EHC-2025-00002");
    assertThat(plan.settingCode()).isEqualTo("100002");
    assertThat(plan.settingUpperAge()).isEqualTo(16);
    assertThat(plan.nextReviewDue()).as("12 months from the meeting, whatever the amendment did")
        .isEqualTo("2027-03-16");
    assertThat(beans.documents.typesFor("EHC-2025-00002"))
        .containsExactly(DocumentType.PROPOSED_AMENDMENTS, DocumentType.AMENDED_PLAN);
    assertThat(beans.register.history("EHC-2025-00002")).extracting(PlanEvent::kind)
        .containsExactly(PlanEvent.Kind.ONBOARDED, PlanEvent.Kind.REVIEWED, PlanEvent.Kind.AMENDED);
    assertThat(variable(runningReview("EHC-2025-00002"), "annualReviewDue")).isEqualTo("2027-03-16");
  }

  @Test
  void aPlanCeasesOnlyOnceTheAppealWindowHasClosed() {
    ProcessInstance review = planIssuedAndReviewStarted("EHC-2025-00003", "2025-05-01", 2008, 19);
    heldMeeting("2026-03-16", "2026-03-02");
    complete(task(DECIDE), withVariables("reviewDecision", "cease", "decisionReason", "left education"));
    assertThatThrownBy(() -> taskService().complete(task(CONSULT_ON_CEASING).getId(),
        Map.of("ceaseAfterConsultation", true, "ceasingReason", "BORED")))
        .hasMessageContaining("ceasingReason 'BORED' is not one of");
    complete(task(CONSULT_ON_CEASING), withVariables("ceaseAfterConsultation", true,
        "ceasingReason", "LEFT_EDUCATION_OVER_18"));
    runDueJobs();
    assertThat(task(RECORD_APPEAL)).as("2 months from the notice of 2026-03-16").hasDueDate(endOfDay("2026-05-16"));
    assertThat(beans.register.plans.get("EHC-2025-00003").status()).as("maintained while appealable")
        .isEqualTo(PlanStatus.MAINTAINED);

    clockAt(LocalDate.of(2026, 5, 17));
    runDueJobs();
    assertThat(review).hasPassed("Timer_CeasingAppealWindowCloses", "Task_CeasePlan", "EndEvent_PlanCeased").isEnded();
    assertThat(beans.register.plans.get("EHC-2025-00003").status()).isEqualTo(PlanStatus.CEASED);
    assertThat(beans.documents.typesFor("EHC-2025-00003")).containsExactly(DocumentType.DECISION_TO_CEASE);
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(REVIEW).count())
        .as("no next cycle for a ceased plan").isZero();
  }

  @Test
  void aPlanUnderAppealStaysMaintainedAndTheTribunalCanKeepIt() {
    ProcessInstance review = planIssuedAndReviewStarted("EHC-2025-00004", "2025-05-01", 2012, 16);
    heldMeeting("2026-03-16", "2026-03-02");
    complete(task(DECIDE), withVariables("reviewDecision", "cease", "decisionReason", "needs met"));
    complete(task(CONSULT_ON_CEASING), withVariables("ceaseAfterConsultation", true,
        "ceasingReason", "NO_LONGER_NECESSARY"));
    runDueJobs();
    clockAt(LocalDate.of(2026, 4, 20));
    complete(task(RECORD_APPEAL), withVariables("appealLodgedOn", "2026-04-20"));
    assertThat(task(RECORD_TRIBUNAL)).hasDueDate(endOfDay("2026-07-13"));
    clockAt(LocalDate.of(2026, 6, 1));
    runDueJobs();
    assertThat(review).isWaitingAt(RECORD_TRIBUNAL);
    assertThat(beans.register.plans.get("EHC-2025-00004").status()).isEqualTo(PlanStatus.MAINTAINED);
    complete(task(RECORD_TRIBUNAL), withVariables("tribunalOutcome", "planKept"));
    runDueJobs();
    assertThat(review).hasPassed("Task_StartNextReview").hasNotPassed("Task_CeasePlan").isEnded();
    assertThat(beans.register.plans.get("EHC-2025-00004").status()).isEqualTo(PlanStatus.MAINTAINED);
    assertThat(variable(runningReview("EHC-2025-00004"), "annualReviewDue")).isEqualTo("2027-03-16");
  }

  @Test
  void ceasingCanBeDroppedAfterConsultation() {
    planIssuedAndReviewStarted("EHC-2025-00005", "2025-05-01", 2012, 16);
    heldMeeting("2026-03-16", "2026-03-02");
    complete(task(DECIDE), withVariables("reviewDecision", "cease", "decisionReason", "x"));
    complete(task(CONSULT_ON_CEASING), withVariables("ceaseAfterConsultation", false));
    runDueJobs();
    assertThat(beans.documents.typesFor("EHC-2025-00005")).containsExactly(DocumentType.REVIEW_DECISION_MAINTAIN);
  }

  @Test
  void theTribunalCanUpholdTheDecisionToCease() {
    ProcessInstance second = planIssuedAndReviewStarted("EHC-2025-00006", "2025-05-01", 2012, 16);
    heldMeeting("2026-03-16", "2026-03-02");
    complete(taskOf(DECIDE, second), withVariables("reviewDecision", "cease", "decisionReason", "x"));
    complete(taskOf(CONSULT_ON_CEASING, second), withVariables("ceaseAfterConsultation", true,
        "ceasingReason", "NO_LONGER_NECESSARY"));
    runDueJobs();
    clockAt(LocalDate.of(2026, 3, 20));
    complete(taskOf(RECORD_APPEAL, second), withVariables("appealLodgedOn", "2026-03-20"));
    complete(taskOf(RECORD_TRIBUNAL, second), withVariables("tribunalOutcome", "ceaseUpheld"));
    runDueJobs();
    assertThat(second).hasPassed("Task_CeasePlan").isEnded();
    assertThat(beans.register.plans.get("EHC-2025-00006").status()).isEqualTo(PlanStatus.CEASED);
  }

  @Test
  void aChildUnderFiveIsReviewedOnTheShorterCycle() {
    ProcessInstance review = planIssued("EHC-2026-00007", "2026-03-02", LocalDate.of(2023, 1, 1), 7);
    assertThat(variable(review, "annualReviewDue")).isEqualTo("2026-09-02");
    assertThat(timerDue("Timer_PrepareReview")).isEqualTo(at("2026-06-24", LocalTime.of(9, 0)));
  }

  @Test
  void everyLateStepIsRecordedAsABreachAndManagersAreTold() {
    // Onboarded overdue: due 2026-02-01, so preparation starts at once and the breach fires at once.
    ProcessInstance review = planIssuedAndReviewStarted("EHC-2025-00008", "2025-02-01", 2012, 16);
    assertThat(timerDue("Timer_PrepareReview")).as("at once, not at 09:00 tomorrow")
        .isEqualTo(at("2026-03-02", LocalTime.of(10, 0)));
    runDueJobs();
    assertThat(review).hasPassed("Timer_AnnualReviewDeadline", "Task_RecordAnnualReviewBreach");
    complete(task(ARRANGE_MEETING), withVariables("meetingDate", "2026-03-20"));
    runDueJobs();
    clockAt(LocalDate.of(2026, 3, 7));
    runDueJobs();
    assertThat(review).hasPassed("Task_RemindReviewAdvice", "Task_RecordReviewAdviceBreach");
    complete(task(GATHER_ADVICE), withVariables("adviceSummary", "late"));
    clockAt(LocalDateTime.of(2026, 3, 28, 10, 0));
    runDueJobs();
    assertThat(review).hasPassed("Task_RemindReviewReport");
    clockAt(LocalDate.of(2026, 4, 4));
    runDueJobs();
    assertThat(review).hasPassed("Task_RecordReviewReportBreach");
    assertThatThrownBy(() -> taskService().complete(task(SEND_REPORT).getId(),
        Map.of("meetingHeldOn", "2026-03-20", "reviewRecommendation", "amend")))
        .as("year 11: the report covers preparing for adulthood").hasMessageContaining("preparingForAdulthoodCovered");
    complete(task(SEND_REPORT), withVariables("meetingHeldOn", "2026-03-20", "reviewRecommendation", "amend",
        "preparingForAdulthoodCovered", true));
    clockAt(LocalDate.of(2026, 4, 18));
    runDueJobs();
    assertThat(review).hasPassed("Task_RemindReviewDecision", "Task_RecordReviewDecisionBreach");
    complete(task(DECIDE), withVariables("reviewDecision", "amend", "decisionReason", "x"));
    runDueJobs();
    clockAt(LocalDate.of(2026, 6, 14));
    runDueJobs();
    assertThat(review).hasPassed("Task_RemindAmendedPlan", "Task_RecordAmendedPlanBreach",
        "Task_RemindAnnualReview");
    assertThat(beans.caseFile.breaches("EHC-2025-00008")).extracting(b -> b.timeLimit()).containsExactly(
        TimeLimit.ANNUAL_REVIEW, TimeLimit.REVIEW_ADVICE_CIRCULATED, TimeLimit.REVIEW_REPORT,
        TimeLimit.REVIEW_DECISION, TimeLimit.AMENDED_PLAN);
    assertThat(beans.notifications.withTemplate("deadline-breached")).hasSize(5);
  }

  // --- phase transfer ---

  @Test
  void theYearlyCohortStartsOneTransferPerChildWithItsStatutoryDeadline() {
    // The cohort timer was computed when the model was deployed, by the clock of setUp (2026-03-02).
    planOnly("EHC-Y6", 2020, 11);     // year 6 in 2026/27: primary to secondary
    planOnly("EHC-Y11", 2015, 16);    // year 11: secondary to post-16
    planOnly("EHC-N", 2027, 4);       // nursery: early years to school
    planOnly("EHC-Y2", 2024, 7);      // year 2 in an infant school
    planOnly("EHC-Y4", 2022, 11);     // year 4: no transfer this year
    planOnly("EHC-Y11-SF", 2015, 18); // year 11 in a school with a sixth form: stays
    planOnly("EHC-FIRST", 2022, 9);   // year 4 in a first school (to age 9): to middle school
    planOnly("EHC-MIDDLE", 2018, 13); // year 8 in a middle school (to age 13): to secondary

    Job cohort = managementService().createJobQuery().processDefinitionKey(COHORT).timers().singleResult();
    assertThat(cohort.getDuedate()).isEqualTo(at("2026-09-01", LocalTime.of(6, 0)));
    clockAt(LocalDateTime.of(2026, 9, 1, 6, 0));
    runDueJobs();

    assertThat(transferDue("EHC-Y6")).isEqualTo("2027-02-15");
    assertThat(transferDue("EHC-Y11")).isEqualTo("2027-03-31");
    assertThat(transferDue("EHC-N")).isEqualTo("2027-02-15");
    assertThat(transferDue("EHC-Y2")).isEqualTo("2027-02-15");
    assertThat(transferVariable("EHC-Y2", "transferKind")).isEqualTo("INFANT_TO_JUNIOR");
    assertThat(transferVariable("EHC-Y11", "transferTimeLimit")).isEqualTo("PHASE_TRANSFER_POST_16");
    assertThat(transferVariable("EHC-FIRST", "transferKind")).isEqualTo("PRIMARY_TO_MIDDLE");
    assertThat(transferVariable("EHC-MIDDLE", "transferKind")).isEqualTo("MIDDLE_TO_SECONDARY");
    assertThat(transferDue("EHC-MIDDLE")).isEqualTo("2027-02-15");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(TRANSFER).count()).isEqualTo(6);
    assertThat(managementService().createJobQuery().processDefinitionKey(COHORT).timers().singleResult()
        .getDuedate()).as("next year's run is waiting").isEqualTo(at("2027-09-01", LocalTime.of(6, 0)));

    int again = beans.transfers.startCohort(runtimeService(), 2026);
    assertThat(again).as("a second run starts nothing").isZero();
  }

  @Test
  void theTransferReviewTakesThePlaceOfTheAnnualReviewAndTheCycleContinuesFromIt() {
    clockAt(LocalDate.of(2026, 9, 1));
    ProcessInstance waiting = planIssuedAndReviewStarted("EHC-2026-00010", "2026-05-01", 2020, 11);
    assertThat(waiting).isWaitingAt("Gateway_WaitForReviewDue");
    ProcessInstance transfer = startTransfer("EHC-2026-00010", Map.of());
    runDueJobs();
    assertThat(variable(transfer, "reviewBroughtForward")).isEqualTo("broughtForward");
    assertThat(waiting).hasPassed("Event_BroughtForwardForTransfer").isWaitingAt("SubProcess_ReviewMeeting");
    assertThat(variable(waiting, "reviewKind")).isEqualTo("PHASE_TRANSFER");
    assertThat(transfer).isWaitingAt("Task_AwaitNewSettingNamed");
    assertThat(timerDue("Timer_TransferDeadline")).isEqualTo(endOfDay("2027-02-15"));

    complete(task(ARRANGE_MEETING), withVariables("meetingDate", "2026-10-01"));
    runDueJobs();
    complete(task(GATHER_ADVICE), withVariables("adviceSummary", "x"));
    clockAt(LocalDateTime.of(2026, 10, 1, 18, 0));
    runDueJobs();
    complete(task(SEND_REPORT), withVariables("meetingHeldOn", "2026-10-01", "reviewRecommendation", "amend"));
    assertThatThrownBy(() -> taskService().complete(task(DECIDE).getId(),
        Map.of("reviewDecision", "maintain", "decisionReason", "x")))
        .hasMessageContaining("a phase transfer review amends the plan to name the new setting");
    complete(task(DECIDE), withVariables("reviewDecision", "amend", "decisionReason", "secondary transfer"));
    runDueJobs();
    complete(task(RECORD_REPRESENTATIONS), withVariables("requestedSetting", ""));
    clockAt(LocalDate.of(2026, 10, 20));
    runDueJobs();
    complete(task(FINALISE_PLAN), withVariables("namedSetting", "Elm Secondary", "namedSettingCode", "100002",
        "namedSettingUpperAge", 16));
    runDueJobs();

    assertThat(transfer).hasPassed("Task_AwaitNewSettingNamed", "EndEvent_TransferComplete").isEnded();
    assertThat(waiting).hasPassed("Task_ReportToPhaseTransfer", "Task_StartNextReview").isEnded();
    assertThat(beans.register.plans.get("EHC-2026-00010").settingCode()).isEqualTo("100002");
    ProcessInstance next = runningReview("EHC-2026-00010");
    assertThat(variable(next, "annualReviewDue")).as("the cycle continues from the transfer review")
        .isEqualTo("2027-10-01");
    assertThat(variable(next, "reviewKind")).isEqualTo("ANNUAL");
    assertThat(beans.caseFile.breaches("EHC-2026-00010")).isEmpty();
  }

  @Test
  void aTransferStartedByHandIsCheckedAndItsDeadlineIsEnforced() {
    clockAt(LocalDate.of(2026, 11, 22));
    planOnly("EHC-P16", 2013, 19);
    assertThatThrownBy(() -> startTransfer("EHC-NONE", Map.of()))
        .hasMessageContaining("'EHC-NONE' has no maintained plan");
    assertThatThrownBy(() -> startTransfer("EHC-P16", Map.of("transferDay", "2027-02-30")))
        .hasMessageContaining("transferDay must be a real date");
    assertThatThrownBy(() -> startTransfer("EHC-P16", Map.of("transferKind", "SIDEWAYS")))
        .hasMessageContaining("transferKind 'SIDEWAYS' is not one of");
    ProcessInstance transfer = startTransfer("EHC-P16",
        Map.of("transferDay", "2027-06-01", "transferKind", "POST_16_TO_POST_16"));
    assertThat(variable(transfer, "transferDue")).as("5 months before the move").isEqualTo("2027-01-01");
    assertThatThrownBy(() -> startTransfer("EHC-P16", Map.of())).hasMessageContaining("already has a phase transfer");
    runDueJobs();
    assertThat(variable(transfer, "reviewBroughtForward")).as("no review was running").isEqualTo("started");

    clockAt(LocalDate.of(2027, 1, 2));
    runDueJobs();
    assertThat(transfer).hasPassed("Task_RemindTransfer", "Task_RecordTransferBreach")
        .isWaitingAt("Task_AwaitNewSettingNamed");
    assertThat(beans.caseFile.breaches("EHC-P16")).extracting(b -> b.timeLimit())
        .contains(TimeLimit.PHASE_TRANSFER_BETWEEN_POST_16);
    assertThat(beans.register.history("EHC-P16")).extracting(PlanEvent::kind)
        .contains(PlanEvent.Kind.TRANSFER_STARTED);
  }

  @Test
  void aCycleWaitingInTheRegisterStartsOnItsDayOnceAndATransferReviewTakesItsPlace() {
    Plan waiting = onboardedWithCycleLater("EHC-W1", 2018, 11);
    onboardedWithCycleLater("EHC-W2", 2013, 19);
    assertThat(beans.reviews.cycleStartsOn(waiting)).as("4 weeks before the 10 weeks' preparation")
        .isEqualTo(LocalDate.of(2026, 10, 4));
    assertThat(runningReview("EHC-W1")).isNull();

    ProcessInstance transfer = startTransfer("EHC-W2",
        Map.of("transferDay", "2027-06-01", "transferKind", "POST_16_TO_POST_16"));
    runDueJobs();
    assertThat(variable(transfer, "reviewBroughtForward")).as("its cycle was waiting").isEqualTo("started");
    assertThat(beans.register.cyclesWaiting).as("the transfer review took the waiting cycle's place")
        .containsOnlyKeys("EHC-W1");

    assertThat(runDailyCycleStarts(LocalDate.of(2026, 10, 3))).isEqualTo(0);
    assertThat(runningReview("EHC-W1")).as("not before its day").isNull();
    assertThat(runDailyCycleStarts(LocalDate.of(2026, 10, 4))).isEqualTo(1);
    ProcessInstance review = runningReview("EHC-W1");
    assertThat(variable(review, "annualReviewDue")).as("12 months from issue").isEqualTo("2027-01-10");
    assertThat(variable(review, "reviewKind")).isEqualTo("ANNUAL");
    assertThat(managementService().createJobQuery().processInstanceId(review.getId()).timers().singleResult()
        .getDuedate()).as("preparation 10 weeks before").isEqualTo(at("2026-11-01", LocalTime.of(9, 0)));
    assertThat(runDailyCycleStarts(LocalDate.of(2026, 10, 5))).as("none started twice").isEqualTo(0);
    assertThat(runningReview("EHC-W2")).as("the transfer review alone").isNotNull();
    assertThat(beans.register.cyclesWaiting).isEmpty();
  }

  @Test
  void ceasingThePlanEndsItsTransfer() {
    clockAt(LocalDate.of(2026, 9, 1));
    planIssuedAndReviewStarted("EHC-2026-00011", "2026-01-10", 2015, 16);
    ProcessInstance transfer = startTransfer("EHC-2026-00011", Map.of());
    runDueJobs();
    complete(task(ARRANGE_MEETING), withVariables("meetingDate", "2026-09-20"));
    runDueJobs();
    complete(task(GATHER_ADVICE), withVariables("adviceSummary", "x"));
    clockAt(LocalDateTime.of(2026, 9, 20, 18, 0));
    runDueJobs();
    complete(task(SEND_REPORT), withVariables("meetingHeldOn", "2026-09-20", "reviewRecommendation", "cease",
        "preparingForAdulthoodCovered", true));
    complete(task(DECIDE), withVariables("reviewDecision", "cease", "decisionReason", "left education"));
    complete(task(CONSULT_ON_CEASING), withVariables("ceaseAfterConsultation", true,
        "ceasingReason", "NO_LONGER_RESPONSIBLE"));
    runDueJobs();
    clockAt(LocalDate.of(2026, 12, 1));
    runDueJobs();
    assertThat(transfer).isEnded();
    assertThat(variable(transfer, "transferOutcome")).isEqualTo("ceased");
  }

  // --- helpers ---

  /** A plan issued on the day given (the child in reception in {@code receptionYear}) and its review started. */
  private ProcessInstance planIssuedAndReviewStarted(String caseReference, String issuedOn, int receptionYear,
      int settingUpperAge) {
    planOnly(caseReference, issuedOn, receptionYear, settingUpperAge);
    return beans.reviews.start(runtimeService(), caseReference, ReviewKind.ANNUAL, Map.of());
  }

  private ProcessInstance planIssued(String caseReference, String issuedOn, LocalDate born, int settingUpperAge) {
    Plan plan = new Plan(caseReference, null, born, SchoolYears.receptionYear(born, 0), null, "100001", "Oak",
        settingUpperAge, LocalDate.parse(issuedOn), null, null, PlanStatus.MAINTAINED, null, null, Plan.Source.ASSESSMENT);
    beans.register.enter(plan.withNextReviewDue(beans.reviews.nextDue(plan)), PlanEvent.Kind.ISSUED, "", "test");
    return beans.reviews.start(runtimeService(), caseReference, ReviewKind.ANNUAL, Map.of());
  }

  private void planOnly(String caseReference, int receptionYear, int settingUpperAge) {
    planOnly(caseReference, "2026-01-10", receptionYear, settingUpperAge);
  }

  private void planOnly(String caseReference, String issuedOn, int receptionYear, int settingUpperAge) {
    Plan plan = new Plan(caseReference, null, null, receptionYear, null, "100001", "Oak", settingUpperAge,
        LocalDate.parse(issuedOn), null, null, PlanStatus.MAINTAINED, null, null, Plan.Source.ONBOARDED);
    beans.register.enter(plan.withNextReviewDue(beans.reviews.nextDue(plan)), PlanEvent.Kind.ONBOARDED, "", "test");
  }

  /** A plan onboarded from the register, issued on 10 January 2026, whose review cycle waits for its day. */
  private Plan onboardedWithCycleLater(String caseReference, int receptionYear, int settingUpperAge) {
    Plan plan = new Plan(caseReference, null, null, receptionYear, null, "100001", "Oak", settingUpperAge,
        LocalDate.of(2026, 1, 10), null, null, PlanStatus.MAINTAINED, null, null, Plan.Source.ONBOARDED);
    plan = plan.withNextReviewDue(beans.reviews.nextDue(plan));
    assertThat(beans.register.enterAll(List.of(plan), List.of(beans.reviews.cycleStartsOn(plan)),
        PlanEvent.Kind.ONBOARDED, "", "test")).containsExactly(true);
    return plan;
  }

  /** The daily run on that morning, its timer and its step run as the job executor would: cycles started. */
  private static Object runDailyCycleStarts(LocalDate day) {
    clockAt(day.atTime(5, 30));
    Job timer = managementService().createJobQuery().processDefinitionKey(CYCLE_STARTS).timers().singleResult();
    managementService().executeJob(timer.getId());
    // Process tests start one cycle per batch, so a run with cycles to start loops: each batch is a job of its own.
    String run = null;
    for (Job step = batchJob(); step != null; step = batchJob()) {
      run = step.getProcessInstanceId();
      managementService().executeJob(step.getId());
    }
    assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(run).singleResult()
        .getEndTime()).as("the run ended").isNotNull();
    return historyService().createHistoricVariableInstanceQuery().processInstanceId(run)
        .variableName("cyclesStarted").singleResult().getValue();
  }

  private static Job batchJob() {
    return managementService().createJobQuery().processDefinitionKey(CYCLE_STARTS).messages().singleResult();
  }

  /** Completes the meeting steps for a meeting on {@code meetingDate}, arranged on {@code arrangedOn}. */
  private void heldMeeting(String meetingDate, String arrangedOn) {
    clockAt(LocalDate.parse(arrangedOn));
    runDueJobs();
    complete(task(ARRANGE_MEETING), withVariables("meetingDate", meetingDate));
    runDueJobs();
    complete(task(GATHER_ADVICE), withVariables("adviceSummary", "advice"));
    clockAt(LocalDate.parse(meetingDate).atTime(18, 0));
    runDueJobs();
    complete(task(SEND_REPORT), withVariables("meetingHeldOn", meetingDate, "reviewRecommendation", "amend",
        "preparingForAdulthoodCovered", true));
  }

  private ProcessInstance startTransfer(String caseReference, Map<String, Object> variables) {
    Map<String, Object> all = new HashMap<>(variables);
    all.put("caseReference", caseReference);
    return runtimeService().startProcessInstanceByKey(TRANSFER, all);
  }

  private static String transferDue(String caseReference) {
    return transferVariable(caseReference, "transferDue");
  }

  private static String transferVariable(String caseReference, String name) {
    ProcessInstance transfer = runtimeService().createProcessInstanceQuery().processDefinitionKey(TRANSFER)
        .processInstanceBusinessKey(caseReference).singleResult();
    return (String) runtimeService().getVariable(transfer.getId(), name);
  }

  private static ProcessInstance runningReview(String caseReference) {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(REVIEW)
        .processInstanceBusinessKey(caseReference).singleResult();
  }

  private static Object variable(ProcessInstance instance, String name) {
    return historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  /** The review's open task of that activity, in the review's own instance or one it called (the panel's). */
  private static Task taskOf(String activityId, ProcessInstance review) {
    return ProcessTestSupport.taskOf(runtimeService(), taskService(), review.getId(), activityId);
  }

}
