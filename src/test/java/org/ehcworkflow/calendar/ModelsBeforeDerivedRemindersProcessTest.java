package org.ehcworkflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.ehcworkflow.testing.ProcessTestSupport.at;
import static org.ehcworkflow.testing.ProcessTestSupport.clockAt;
import static org.ehcworkflow.testing.ProcessTestSupport.endOfDay;
import static org.ehcworkflow.testing.ProcessTestSupport.runDueJobs;
import static org.ehcworkflow.testing.ProcessTestSupport.task;
import static org.ehcworkflow.testing.ProcessTestSupport.timerDue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.ehcworkflow.annualreview.ReviewKind;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.casefile.CaseStatus;
import org.ehcworkflow.plan.Plan;
import org.ehcworkflow.plan.PlanEvent;
import org.ehcworkflow.plan.PlanStatus;
import org.ehcworkflow.testing.ProcessTestBeans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Instances of the models shipped before 2026-12-07 run on to the end after an upgrade: those models' reminder
 * timers read reminder variables ({@code ${reviewAdviceCirculatedRemindOn}T09:00:00}) which the application no longer
 * stores for current models, and a review cycle waits up to a year, an assessment 20 weeks. The models here are the
 * ones shipped before that day, unchanged ({@code src/test/resources/models-before-2026-12-07}); the steps they call
 * are today's.
 */
class ModelsBeforeDerivedRemindersProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml")
      .build();

  ProcessTestBeans beans;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    beans = new ProcessTestBeans().register();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  @Deployment(resources = {"models-before-2026-12-07/ehc-annual-review.bpmn", "bpmn/ehc-panel-decision.bpmn",
      "bpmn/ehc-plan-finalisation.bpmn", "forms/arrange-review-meeting.form", "forms/gather-review-advice.form",
      "forms/review-report.form", "forms/review-decision.form", "forms/consult-on-ceasing.form",
      "forms/record-ceasing-appeal.form", "forms/record-tribunal-decision.form", "forms/record-representations.form",
      "forms/record-setting-response.form", "forms/finalise-plan.form"})
  void aReviewOnTheModelBeforeDerivedRemindersGetsEveryReminderItsTimersRead() {
    clockAt(LocalDate.of(2026, 3, 2));
    Plan plan = new Plan("EHC-2025-00002", null, null, 2016, null, "100001", "Oak", 11, LocalDate.of(2025, 5, 1),
        null, null, PlanStatus.MAINTAINED, null, null, Plan.Source.ONBOARDED);
    plan = plan.withNextReviewDue(beans.reviews.nextDue(plan));
    beans.register.enter(plan, PlanEvent.Kind.ONBOARDED, "", "test");
    // Started as the application started it before the upgrade: with its reminder day stored.
    ProcessInstance review = beans.reviews.start(runtimeService(), plan.caseReference(), ReviewKind.ANNUAL,
        Map.of("annualReviewRemindOn", "2026-04-24"));
    runDueJobs();
    assertThat(timerDue("Timer_AnnualReviewReminder")).isEqualTo(at("2026-04-24", LocalTime.of(9, 0)));

    complete(task("Task_ArrangeReviewMeeting"), withVariables("meetingDate", "2026-04-20"));
    assertThat(runtimeService().getVariable(review.getId(), "reviewAdviceCirculatedRemindOn")).isEqualTo("2026-03-30");
    runDueJobs();
    assertThat(timerDue("Timer_ReviewAdviceReminder")).as("a week before the advice's deadline of 6 April")
        .isEqualTo(at("2026-03-30", LocalTime.of(9, 0)));
    complete(task("Task_GatherReviewAdvice"), withVariables("adviceSummary", "advice"));
    clockAt(LocalDateTime.of(2026, 4, 20, 18, 0));
    runDueJobs();
    assertThat(timerDue("Timer_ReviewReportReminder")).as("a week before the report's deadline of 4 May")
        .isEqualTo(at("2026-04-27", LocalTime.of(9, 0)));
    complete(task("Task_SubmitReviewReport"), withVariables("meetingHeldOn", "2026-04-20", "reviewRecommendation",
        "amend", "preparingForAdulthoodCovered", true));
    assertThat(timerDue("Timer_ReviewDecisionReminder")).as("a week before the decision's deadline of 18 May")
        .isEqualTo(at("2026-05-11", LocalTime.of(9, 0)));

    // The decision is taken in the current ehc-panel-decision, which hands its variables back to the old review.
    clockAt(LocalDate.of(2026, 4, 27));
    complete(task("Task_DecideAfterReview"), withVariables("reviewDecision", "amend", "decisionReason", "new needs"));
    assertThat(timerDue("Timer_AmendedPlanReminder")).as("a week before the amended plan's deadline of 22 June")
        .isEqualTo(at("2026-06-15", LocalTime.of(9, 0)));
    clockAt(LocalDate.of(2026, 6, 15).atTime(10, 0));
    runDueJobs();
    assertThat(review).hasPassed("Timer_AmendedPlanReminder");
    assertThat(beans.notifications.withTemplate("deadline-reminder")).isNotEmpty();
  }

  @Test
  @Deployment(resources = {"models-before-2026-12-07/ehc-needs-assessment.bpmn", "bpmn/ehc-panel-decision.bpmn",
      "bpmn/ehc-plan-finalisation.bpmn", "stubs/ehc-annual-review.bpmn", "stubs/ehc-disagreement.bpmn",
      "forms/open-case.form", "forms/case-file.form", "forms/decide-whether-to-assess.form",
      "forms/provide-advice.form", "forms/decide-whether-to-issue.form", "forms/draft-plan.form",
      "forms/record-representations.form", "forms/record-setting-response.form", "forms/finalise-plan.form",
      "forms/record-disagreement.form"})
  void anAssessmentOnTheModelBeforeDerivedRemindersGetsEveryReminderItsTimersRead() {
    clockAt(LocalDate.of(2026, 1, 6));
    ProcessInstance assessment = runtimeService().startProcessInstanceByKey("ehc-needs-assessment",
        new HashMap<>(Map.of("requestReceivedDate", "2026-01-05", "requesterType", "PARENT")));
    assertThat(runtimeService().getVariables(assessment.getId())).containsEntry("decisionToAssessRemindOn", "2026-02-09")
        .containsEntry("finalPlanRemindOn", "2026-05-18");
    assertThat(timerDue("Timer_DecisionToAssessReminder")).isEqualTo(at("2026-02-09", LocalTime.of(9, 0)));
    assertThat(timerDue("Timer_FinalPlanReminder")).isEqualTo(at("2026-05-18", LocalTime.of(9, 0)));
    runDueJobs();

    // Each advice request keeps its own deadline and reminder day in its own scope, as that model declares them.
    complete(task("Task_DecideWhetherToAssess"), withVariables("assessDecision", "assess", "decisionReason",
        "evidence of needs", "askHealth", true));
    clockAt(LocalDate.of(2026, 2, 2));
    runDueJobs();
    assertThat(task("Task_ProvideAdvice")).hasDueDate(endOfDay("2026-03-16"));
    assertThat(timerDue("Timer_AdviceReminder")).as("a week before the advice's deadline of 16 March")
        .isEqualTo(at("2026-03-09", LocalTime.of(9, 0)));
    assertThat(runtimeService().getVariable(assessment.getId(), "adviceRemindOn")).as("not the case's own")
        .isNull();
    clockAt(LocalDate.of(2026, 3, 9).atTime(10, 0));
    runDueJobs();
    assertThat(assessment).hasPassed("Timer_AdviceReminder", "Task_RemindAdviceGiver");
  }

  @Test
  @Deployment(resources = {"models-before-2026-12-07/ehc-disagreement.bpmn",
      "models-before-2026-12-07/ehc-tribunal-order.bpmn", "bpmn/ehc-panel-decision.bpmn",
      "bpmn/ehc-plan-finalisation.bpmn", "stubs/ehc-annual-review.bpmn", "forms/hold-mediation.form",
      "forms/issue-mediation-certificate.form", "forms/record-appeal.form", "forms/record-appeal-decision.form",
      "forms/arrange-ordered-assessment.form", "forms/decide-after-ordered-assessment.form", "forms/draft-plan.form",
      "forms/finalise-plan.form", "forms/record-representations.form", "forms/record-setting-response.form"})
  void aDisagreementOnTheModelBeforeDerivedRemindersAndTheOrderItCallsGetEveryReminderTheirTimersRead() {
    String caseReference = "EHC-2026-00042";
    beans.caseFile.open(new CaseFile.OpenedCase(caseReference, "pi", "PARENT", LocalDate.parse("2025-09-01"), null,
        null, CaseStatus.NO_PLAN));
    clockAt(LocalDate.of(2026, 2, 2));
    ProcessInstance disagreement = runtimeService().startProcessInstanceByKey("ehc-disagreement", caseReference,
        new HashMap<>(Map.of("caseReference", caseReference, "decision", "NOT_TO_ISSUE", "decisionNotifiedOn",
            "2026-01-20", "disagreement", "mediation", "disagreementDate", "2026-02-02")));
    assertThat(timerDue("Timer_MediationHeldReminder")).as("a week before mediation's 30 days end on 4 March")
        .isEqualTo(at("2026-02-25", LocalTime.of(9, 0)));
    clockAt(LocalDate.of(2026, 2, 20));
    complete(task("Task_HoldMediation"), withVariables("mediationHeldOn", "2026-02-20", "mediationOutcome",
        "notAgreed"));
    assertThat(runtimeService().getVariable(disagreement.getId(), "certificateAfterMediationRemindOn"))
        .as("3 working days: on the day mediation ended, as that model had it").isEqualTo("2026-02-20");
    clockAt(LocalDate.of(2026, 2, 24));
    complete(task("Task_IssueCertificateAfterMediation"), withVariables("certificateIssuedOn", "2026-02-24"));
    clockAt(LocalDate.of(2026, 3, 10));
    complete(task("Task_RecordAppeal"), withVariables("appealAnswer", "appealed", "appealLodgedOn", "2026-03-10"));

    // The old disagreement calls the tribunal order's model of its own deployment, started by today's step.
    clockAt(LocalDate.of(2026, 6, 1));
    complete(task("Task_RecordTribunalDecision"), withVariables("tribunalOutcome", "orderToMakePlan",
        "tribunalDecisionDate", "2026-06-01"));
    assertThat(timerDue("Timer_OrderToMakePlanDraftReminder")).as("a week before the draft's 5 weeks end on 6 July")
        .isEqualTo(at("2026-06-29", LocalTime.of(9, 0)));
    complete(task("Task_DraftOrderedPlan"));
    runDueJobs();
    assertThat(timerDue("Timer_OrderedFinalReminder")).as("a week before the final plan's 11 weeks end on 17 August")
        .isEqualTo(at("2026-08-10", LocalTime.of(9, 0)));
  }
}
