package org.ehcworkflow.disagreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.ehcworkflow.testing.ProcessTestSupport.clockAt;
import static org.ehcworkflow.testing.ProcessTestSupport.endOfDay;
import static org.ehcworkflow.testing.ProcessTestSupport.runDueJobs;
import static org.ehcworkflow.testing.ProcessTestSupport.task;
import static org.ehcworkflow.testing.ProcessTestSupport.timerDue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.ehcworkflow.calendar.SchoolYears;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.casefile.CaseStatus;
import org.ehcworkflow.document.DocumentType;
import org.ehcworkflow.plan.Plan;
import org.ehcworkflow.plan.PlanEvent;
import org.ehcworkflow.plan.PlanStatus;
import org.ehcworkflow.testing.ProcessTestBeans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code ehc-disagreement} (mediation, certificates, the appeal window, the tribunal's decision) and
 * {@code ehc-tribunal-order} (each order with its reg 44(2) limits), with the engine's clock moved to fire each timer.
 */
@Deployment(resources = {"bpmn/ehc-disagreement.bpmn", "bpmn/ehc-tribunal-order.bpmn", "bpmn/ehc-panel-decision.bpmn",
    "bpmn/ehc-plan-finalisation.bpmn", "stubs/ehc-annual-review.bpmn", "forms/hold-mediation.form",
    "forms/issue-mediation-certificate.form", "forms/record-appeal.form", "forms/record-appeal-decision.form",
    "forms/arrange-ordered-assessment.form", "forms/decide-after-ordered-assessment.form", "forms/draft-plan.form",
    "forms/finalise-plan.form", "forms/record-representations.form", "forms/record-setting-response.form"})
class DisagreementProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml")
      .assertClassCoverageAtLeast(0.9).build();

  static final String CASE = "EHC-2026-00042";

  ProcessTestBeans beans;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    beans = new ProcessTestBeans().register();
    beans.caseFile.open(new CaseFile.OpenedCase(CASE, "pi", "PARENT", LocalDate.parse("2025-09-01"), null, null,
        CaseStatus.NO_PLAN));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  void declinedMediationGetsItsCertificateInThreeWorkingDaysAndTheWindowThenCloses() {
    clockAt(LocalDate.of(2026, 3, 2));
    ProcessInstance instance = disagree("NOT_TO_ASSESS", "2026-01-20", "mediationDeclined", "2026-03-02");
    assertThat(instance).isWaitingAt("Task_IssueMediationCertificate");
    assertThat(task("Task_IssueMediationCertificate")).hasCandidateGroup("coordinators")
        .as("3 working days after Monday 2 March (reg 34)").hasDueDate(endOfDay("2026-03-05"));
    runDueJobs();
    assertThat(beans.notifications.withTemplate("deadline-reminder")).singleElement()
        .satisfies(n -> assertThat(n.personalisation()).containsEntry("deadline", "2026-03-05"));

    clockAt(LocalDate.of(2026, 3, 6));
    runDueJobs();
    assertThat(beans.caseFile.breaches(CASE)).extracting(CaseFile.Breach::timeLimit)
        .containsExactly(TimeLimit.MEDIATION_CERTIFICATE);
    assertThatThrownBy(() -> taskService().complete(task("Task_IssueMediationCertificate").getId(),
        Map.of("certificateIssuedOn", "2026-03-01"))).hasMessageContaining("certificateIssuedOn 2026-03-01 is before");
    assertThatThrownBy(() -> taskService().complete(task("Task_IssueMediationCertificate").getId(),
        Map.of("certificateIssuedOn", "2026-03-09"))).hasMessageContaining("is in the future");
    complete(task("Task_IssueMediationCertificate"), withVariables("certificateIssuedOn", "2026-03-06"));

    assertThat(task("Task_RecordAppeal")).as("1 month from the certificate is later than 2 months from the decision")
        .hasDueDate(endOfDay("2026-04-06"));
    assertThat(timerDue("Timer_AppealWindowCloses")).isEqualTo(endOfDay("2026-04-06"));
    clockAt(LocalDate.of(2026, 4, 7));
    runDueJobs();
    assertThat(instance).hasPassed("Timer_AppealWindowCloses", "EndEvent_NotAppealed").isEnded();
    assertThat(beans.caseFile.steps(CASE)).anySatisfy(step -> assertThat(step.facts())
        .containsEntry("certificateIssuedOn", "2026-03-06").containsEntry("appealDue", "2026-04-06"));
  }

  @Test
  void mediationIsHeldWithinThirtyDaysAndAnAgreementEndsTheDisagreement() {
    clockAt(LocalDate.of(2026, 3, 2));
    ProcessInstance instance = disagree("NOT_TO_ISSUE", "2026-02-16", "mediation", "2026-03-02");
    assertThat(task("Task_HoldMediation")).as("30 days from the request (reg 37)").hasDueDate(endOfDay("2026-04-01"));
    clockAt(LocalDate.of(2026, 3, 25));
    runDueJobs();
    assertThat(beans.notifications.withTemplate("deadline-reminder")).hasSize(1);
    assertThat(beans.caseFile.breaches(CASE)).isEmpty();

    assertThatThrownBy(() -> taskService().complete(task("Task_HoldMediation").getId(),
        Map.of("mediationHeldOn", "2026-02-27", "mediationOutcome", "agreed", "mediationAgreement", "assess")))
        .hasMessageContaining("mediationHeldOn 2026-02-27 is before mediation was requested");
    assertThatThrownBy(() -> taskService().complete(task("Task_HoldMediation").getId(),
        Map.of("mediationHeldOn", "2026-03-20", "mediationOutcome", "agreed")))
        .hasMessageContaining("mediationAgreement is required");
    assertThatThrownBy(() -> taskService().complete(task("Task_HoldMediation").getId(),
        Map.of("mediationHeldOn", "2026-03-20", "mediationOutcome", "maybe")))
        .hasMessageContaining("mediationOutcome must be one of");
    complete(task("Task_HoldMediation"), withVariables("mediationHeldOn", "2026-03-20", "mediationOutcome", "agreed",
        "mediationAgreement", "the authority will reconsider with new evidence"));
    assertThat(instance).hasPassed("EndEvent_SettledAtMediation").isEnded();
    assertThat(beans.caseFile.steps(CASE)).anySatisfy(step -> assertThat(step.facts())
        .containsEntry("mediationOutcome", "agreed").containsEntry("mediationHeldOn", "2026-03-20"));
  }

  @Test
  void failedMediationThenAppealThenAnOrderToMakeAPlanIsCompliedWithThroughTheSharedFinalisation() {
    clockAt(LocalDate.of(2026, 2, 2));
    ProcessInstance instance = disagree("NOT_TO_ISSUE", "2026-01-20", "mediation", "2026-02-02");
    clockAt(LocalDate.of(2026, 2, 20));
    complete(task("Task_HoldMediation"), withVariables("mediationHeldOn", "2026-02-20", "mediationOutcome", "notAgreed"));
    assertThat(task("Task_IssueCertificateAfterMediation")).as("3 working days after Friday 20 February (reg 39)")
        .hasDueDate(endOfDay("2026-02-25"));
    clockAt(LocalDate.of(2026, 2, 24));
    complete(task("Task_IssueCertificateAfterMediation"), withVariables("certificateIssuedOn", "2026-02-24"));
    assertThat(task("Task_RecordAppeal")).hasDueDate(endOfDay("2026-03-24"));

    clockAt(LocalDate.of(2026, 3, 10));
    assertThatThrownBy(() -> taskService().complete(task("Task_RecordAppeal").getId(), Map.of("appealAnswer", "appealed")))
        .hasMessageContaining("appealLodgedOn is required");
    complete(task("Task_RecordAppeal"), withVariables("appealAnswer", "appealed", "appealLodgedOn", "2026-03-10"));
    assertThat(task("Task_RecordTribunalDecision")).hasDueDate(endOfDay("2026-06-02"));

    clockAt(LocalDate.of(2026, 6, 1));
    assertThatThrownBy(() -> taskService().complete(task("Task_RecordTribunalDecision").getId(),
        Map.of("tribunalOutcome", "orderToAssess", "tribunalDecisionDate", "2026-06-01")))
        .hasMessageContaining("'orderToAssess' cannot follow an appeal against the decision not to issue");
    complete(task("Task_RecordTribunalDecision"), withVariables("tribunalOutcome", "orderToMakePlan",
        "tribunalDecisionDate", "2026-06-01"));
    assertThat(instance).isWaitingAt("CallActivity_ComplyWithOrder");
    assertThat(task("Task_DraftOrderedPlan")).as("5 weeks from the order").hasDueDate(endOfDay("2026-07-06"));
    assertThat(timerDue("Timer_OrderToMakePlanDraftDeadline")).isEqualTo(endOfDay("2026-07-06"));

    clockAt(LocalDate.of(2026, 7, 7));
    runDueJobs();
    assertThat(beans.caseFile.breaches(CASE)).extracting(CaseFile.Breach::timeLimit)
        .containsExactly(TimeLimit.ORDER_TO_MAKE_PLAN_DRAFT);
    complete(task("Task_DraftOrderedPlan"));
    runDueJobs();
    complete(task("Task_RecordRepresentations"), withVariables("requestedSetting", "100001"));
    runDueJobs();
    complete(task("Task_RecordSettingResponse"), withVariables("settingResponse", "agreed"));
    clockAt(LocalDate.of(2026, 7, 23));
    runDueJobs();
    assertThat(task("Task_FinalisePlan")).as("11 weeks from the order").hasDueDate(endOfDay("2026-08-17"));
    assertThat(timerDue("Timer_OrderedFinalDeadline")).isEqualTo(endOfDay("2026-08-17"));
    complete(task("Task_FinalisePlan"), withVariables("namedSetting", "Oak Primary School", "namedSettingCode", "100001",
        "namedSettingUpperAge", 11, "childYearGroup", 3));
    runDueJobs();

    assertThat(instance).hasPassed("EndEvent_OrderComplied").isEnded();
    assertThat(beans.documents.typesFor(CASE)).containsExactly(DocumentType.DRAFT_PLAN, DocumentType.FINAL_PLAN);
    assertThat(beans.register.find(CASE)).hasValueSatisfying(plan -> {
      assertThat(plan.issuedOn()).isEqualTo("2026-07-23");
      assertThat(plan.settingCode()).isEqualTo("100001");
    });
    assertThat(beans.caseFile.cases.get(CASE).status()).isEqualTo(CaseStatus.PLAN_ISSUED);
    assertThat(beans.caseFile.breaches(CASE)).as("the final plan was in time").hasSize(1);
  }

  @Test
  void anOrderToAssessIsNotifiedInTwoWeeksAndADecisionNotToIssueIsOverdueAfterTen() {
    clockAt(LocalDate.of(2026, 3, 2));
    disagree("NOT_TO_ASSESS", "2026-02-16", "appeal", "2026-03-02");
    assertThat(task("Task_RecordTribunalDecision")).as("12 weeks after the appeal").hasDueDate(endOfDay("2026-05-25"));
    clockAt(LocalDate.of(2026, 5, 4));
    assertThatThrownBy(() -> taskService().complete(task("Task_RecordTribunalDecision").getId(),
        Map.of("tribunalOutcome", "orderToAssess", "tribunalDecisionDate", "2026-02-20")))
        .hasMessageContaining("tribunalDecisionDate 2026-02-20 is before the appeal was lodged");
    assertThatThrownBy(() -> taskService().complete(task("Task_RecordTribunalDecision").getId(),
        Map.of("tribunalOutcome", "upheld", "tribunalDecisionDate", "2026-05-04")))
        .hasMessageContaining("tribunalOutcome must be one of");
    complete(task("Task_RecordTribunalDecision"), withVariables("tribunalOutcome", "orderToAssess",
        "tribunalDecisionDate", "2026-05-04"));
    ProcessInstance order = orderInstance();
    assertThat(task("Task_ArrangeOrderedAssessment")).as("2 weeks from the order").hasDueDate(endOfDay("2026-05-18"));
    clockAt(LocalDate.of(2026, 5, 11));
    runDueJobs();
    assertThat(beans.notifications.withTemplate("deadline-reminder")).singleElement()
        .satisfies(n -> assertThat(n.personalisation()).containsEntry("deadline", "2026-05-18"));
    assertThatThrownBy(() -> taskService().complete(task("Task_ArrangeOrderedAssessment").getId(), Map.of()))
        .hasMessageContaining("assessmentArrangements is required");
    complete(task("Task_ArrangeOrderedAssessment"), withVariables("assessmentArrangements", "EP and health advice"));
    runDueJobs();
    assertThat(beans.documents.typesFor(CASE)).containsExactly(DocumentType.DECISION_TO_ASSESS);

    assertThat(task("Task_DecideAfterOrderedAssessment")).hasCandidateGroup("sendPanel")
        .as("10 weeks from the order").hasDueDate(endOfDay("2026-07-13"));
    clockAt(LocalDate.of(2026, 7, 14));
    runDueJobs();
    assertThat(beans.caseFile.breaches(CASE)).extracting(CaseFile.Breach::timeLimit)
        .containsExactly(TimeLimit.ORDER_TO_ASSESS_NOT_ISSUE);
    complete(task("Task_DecideAfterOrderedAssessment"), withVariables("orderedIssueDecision", "doNotIssue",
        "decisionReason", "needs met from the school's resources"));
    runDueJobs();
    assertThat(order).hasPassed("EndEvent_NoPlanAfterOrder").isEnded();
    assertThat(beans.documents.typesFor(CASE)).containsExactly(DocumentType.DECISION_TO_ASSESS,
        DocumentType.DECISION_NOT_TO_ISSUE);
    assertThat(beans.caseFile.cases.get(CASE).status()).isEqualTo(CaseStatus.NO_PLAN);
  }

  @Test
  void aPlanAfterAnOrderedAssessmentIsDueInFourteenWeeksAndItsBreachIsRecordedUnderThatLimit() {
    clockAt(LocalDate.of(2026, 5, 4));
    ProcessInstance order = order("orderToAssess", "2026-05-04");
    complete(task("Task_ArrangeOrderedAssessment"), withVariables("assessmentArrangements", "EP advice"));
    runDueJobs();
    complete(task("Task_DecideAfterOrderedAssessment"), withVariables("orderedIssueDecision", "issue",
        "decisionReason", "needs a plan"));
    assertThat(task("Task_DraftPlanAfterOrderedAssessment")).hasDueDate(endOfDay("2026-08-10"));
    complete(task("Task_DraftPlanAfterOrderedAssessment"));
    runDueJobs();
    assertThat(timerDue("Timer_OrderedFinalDeadline")).as("14 weeks from the order").isEqualTo(endOfDay("2026-08-10"));
    assertThat(timerDue("Timer_OrderedFinalReminder")).isEqualTo(
        org.ehcworkflow.testing.ProcessTestSupport.at("2026-08-03", java.time.LocalTime.of(9, 0)));
    complete(task("Task_RecordRepresentations"));
    clockAt(LocalDate.of(2026, 8, 11));
    runDueJobs();
    assertThat(beans.notifications.withTemplate("deadline-reminder")).anySatisfy(n -> assertThat(n.personalisation())
        .containsEntry("deadline", "2026-08-10"));
    assertThat(beans.caseFile.breaches(CASE)).extracting(CaseFile.Breach::timeLimit)
        .containsExactly(TimeLimit.ORDER_TO_ASSESS_FINAL);
    complete(task("Task_FinalisePlan"), withVariables("namedSetting", "Elm Academy", "namedSettingCode", "100002",
        "namedSettingUpperAge", 16, "childYearGroup", 8));
    runDueJobs();
    assertThat(order).hasPassed("Task_EnterOrderedPlanInRegister", "EndEvent_OrderedPlanIssued").isEnded();
    assertThat(beans.caseFile.cases.get(CASE).status()).isEqualTo(CaseStatus.PLAN_ISSUED);
  }

  @Test
  void anOrderOnlyToNameASchoolAmendsThePlanWithinTwoWeeksAndTheRegisterNamesIt() {
    enterPlanNamingOak();
    clockAt(LocalDate.of(2026, 1, 12));
    ProcessInstance instance = disagree("PLAN_CONTENTS", "2025-12-01", "appeal", "2026-01-12");
    clockAt(LocalDate.of(2026, 4, 1));
    assertThatThrownBy(() -> taskService().complete(task("Task_RecordTribunalDecision").getId(),
        Map.of("tribunalOutcome", "orderToMakePlan", "tribunalDecisionDate", "2026-04-01")))
        .hasMessageContaining("cannot follow an appeal against the special educational needs, provision or school");
    complete(task("Task_RecordTribunalDecision"), withVariables("tribunalOutcome", "orderToNameSchool",
        "tribunalDecisionDate", "2026-04-01"));
    assertThat(task("Task_AmendPlanAsOrdered")).as("reg 44(2)(f): 2 weeks from the order, not 5")
        .hasDueDate(endOfDay("2026-04-15"));
    assertThat(taskService().getVariable(task("Task_AmendPlanAsOrdered").getId(), "namedSetting"))
        .as("the form starts from the setting the plan names").isEqualTo("Oak");
    clockAt(LocalDate.of(2026, 4, 8));
    runDueJobs();
    assertThat(beans.notifications.withTemplate("deadline-reminder")).extracting(n -> n.personalisation().get("deadline"))
        .containsExactly("2026-04-15");
    complete(task("Task_AmendPlanAsOrdered"), withVariables("namedSetting", "Elm Academy", "namedSettingCode", "100002",
        "namedSettingUpperAge", 16));
    runDueJobs();
    assertThat(instance).hasPassed("EndEvent_OrderComplied").isEnded();
    assertThat(beans.documents.typesFor(CASE)).containsExactly(DocumentType.AMENDED_PLAN);
    assertThat(beans.register.find(CASE)).hasValueSatisfying(plan -> assertThat(plan.settingCode()).isEqualTo("100002"));
    assertThat(beans.caseFile.breaches(CASE)).isEmpty();
  }

  @Test
  void anOrderToAmendIsDueInFiveWeeksAndAnOrderToNameASchoolLeftPastTwoWeeksIsABreachUnderItsOwnLimit() {
    enterPlanNamingOak();
    clockAt(LocalDate.of(2026, 4, 1));
    order("orderToAmend", "2026-04-01");
    assertThat(task("Task_AmendPlanAsOrdered")).as("reg 44(2)(e): 5 weeks from the order")
        .hasDueDate(endOfDay("2026-05-06"));
    taskService().complete(task("Task_AmendPlanAsOrdered").getId());
    runDueJobs();
    order("orderToNameSchool", "2026-04-01");
    clockAt(LocalDate.of(2026, 4, 16));
    runDueJobs();
    assertThat(beans.caseFile.breaches(CASE)).extracting(CaseFile.Breach::timeLimit)
        .containsExactly(TimeLimit.ORDER_TO_NAME_SCHOOL);
    assertThat(task("Task_AmendPlanAsOrdered")).as("the breach is recorded and the step stays open").isNotNull();
  }

  private void enterPlanNamingOak() {
    LocalDate born = LocalDate.parse("2015-03-01");
    beans.register.enter(new Plan(CASE, null, born, SchoolYears.receptionYear(born, 0), null, "100001", "Oak",
        11, LocalDate.parse("2025-12-01"), null, null, PlanStatus.MAINTAINED, null, null, Plan.Source.ASSESSMENT),
        PlanEvent.Kind.ISSUED, "", "test");
  }

  @Test
  void everyStepLeftPastItsLimitIsRecordedAsABreach() {
    clockAt(LocalDate.of(2026, 3, 2));
    disagree("NOT_TO_ISSUE", "2026-02-16", "mediation", "2026-03-02");
    clockAt(LocalDate.of(2026, 4, 2));
    runDueJobs();
    complete(task("Task_HoldMediation"), withVariables("mediationHeldOn", "2026-04-02", "mediationOutcome", "notAgreed"));
    assertThat(task("Task_IssueCertificateAfterMediation"))
        .as("3 working days after Thursday 2 April 2026, over Good Friday and Easter Monday").hasDueDate(endOfDay("2026-04-09"));
    runDueJobs();
    clockAt(LocalDate.of(2026, 4, 10));
    runDueJobs();
    order("orderToAssess", "2026-04-10");
    order("orderToAmend", "2026-04-10");
    clockAt(LocalDate.of(2026, 5, 16));
    runDueJobs();
    assertThat(beans.caseFile.breaches(CASE)).extracting(CaseFile.Breach::timeLimit).containsExactlyInAnyOrder(
        TimeLimit.MEDIATION_HELD, TimeLimit.CERTIFICATE_AFTER_MEDIATION, TimeLimit.ORDER_TO_ASSESS_NOTICE,
        TimeLimit.ORDER_TO_AMEND);
    assertThat(beans.notifications.withTemplate("deadline-reminder")).extracting(n -> n.personalisation().get("deadline"))
        .containsExactlyInAnyOrder("2026-04-01", "2026-04-09", "2026-04-24", "2026-05-15");
  }

  @Test
  void aFamilyNotAppealingOrAnAppealDismissedLeavesTheDecisionStanding() {
    clockAt(LocalDate.of(2026, 3, 2));
    ProcessInstance declined = disagree("NOT_TO_ASSESS", "2026-02-16", "mediationDeclined", "2026-03-02");
    complete(task("Task_IssueMediationCertificate"), withVariables("certificateIssuedOn", "2026-03-02"));
    complete(task("Task_RecordAppeal"), withVariables("appealAnswer", "notAppealing"));
    assertThat(declined).hasPassed("EndEvent_NotAppealing").isEnded();

    ProcessInstance appealed = disagree("NOT_TO_ISSUE", "2026-02-16", "appeal", "2026-03-02");
    complete(task("Task_RecordTribunalDecision"), withVariables("tribunalOutcome", "dismissed",
        "tribunalDecisionDate", "2026-03-02"));
    assertThat(appealed).hasPassed("EndEvent_AppealDecidedNoOrder").isEnded();
  }

  @Test
  void aDisagreementOrOrderWithBadInputIsRefusedAndNothingStarts() {
    clockAt(LocalDate.of(2026, 3, 2));
    assertThatThrownBy(() -> disagree("NOT_TO_ASSESS", "2026-02-16", "mediation", "2026-02-10"))
        .hasMessageContaining("disagreementDate 2026-02-10 is before the decision was notified on 2026-02-16");
    assertThatThrownBy(() -> disagree("TO_GRUMBLE", "2026-02-16", "mediation", "2026-03-02"))
        .hasMessageContaining("decision");
    assertThatThrownBy(() -> disagree("NOT_TO_ASSESS", "2026-02-16", "complain", "2026-03-02"))
        .hasMessageContaining("disagreement must be one of");
    assertThatThrownBy(() -> disagree("NOT_TO_ASSESS", "2026-02-30", "mediation", "2026-03-02"))
        .hasMessageContaining("decisionNotifiedOn");
    assertThatThrownBy(() -> disagree("NOT_TO_ASSESS", "2026-02-16", "mediation", "2026-03-09"))
        .hasMessageContaining("disagreementDate 2026-03-09 is in the future");
    assertThatThrownBy(() -> order("dismissed", "2026-03-02")).hasMessageContaining("orderType must be one of");
    assertThatThrownBy(() -> order("orderToAssess", null)).hasMessageContaining("orderDate is required");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  // --- helpers ---

  private static ProcessInstance disagree(String decision, String notifiedOn, String disagreement, String on) {
    return runtimeService().startProcessInstanceByKey(DisagreementVariables.DISAGREEMENT_PROCESS, CASE, new HashMap<>(
        Map.of("caseReference", CASE, "decision", decision, "decisionNotifiedOn", notifiedOn, "disagreement",
            disagreement, "disagreementDate", on)));
  }

  private static ProcessInstance order(String type, String on) {
    Map<String, Object> variables = new HashMap<>(Map.of("caseReference", CASE, "orderType", type));
    variables.put("orderDate", on);
    return runtimeService().startProcessInstanceByKey(DisagreementVariables.ORDER_PROCESS, CASE, variables);
  }

  private static ProcessInstance orderInstance() {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(DisagreementVariables.ORDER_PROCESS)
        .singleResult();
  }
}
