package org.ehcworkflow.needsassessment;

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
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.casefile.CaseStatus;
import org.ehcworkflow.casefile.ExceptionReason;
import org.ehcworkflow.document.DocumentType;
import org.ehcworkflow.testing.ProcessTestBeans;
import static org.ehcworkflow.testing.ProcessTestSupport.*;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code ehc-needs-assessment}, with the engine's clock moved to fire each statutory timer. */
@Deployment(resources = {"bpmn/ehc-needs-assessment.bpmn", "bpmn/ehc-panel-decision.bpmn", "bpmn/ehc-plan-finalisation.bpmn",
    "stubs/ehc-annual-review.bpmn", "stubs/ehc-disagreement.bpmn", "forms/open-case.form", "forms/case-file.form",
    "forms/decide-whether-to-assess.form", "forms/provide-advice.form", "forms/decide-whether-to-issue.form",
    "forms/draft-plan.form", "forms/record-representations.form", "forms/record-setting-response.form",
    "forms/finalise-plan.form", "forms/record-disagreement.form"})
class NeedsAssessmentProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml")
      .assertClassCoverageAtLeast(0.9).build();

  static final String DECIDE_WHETHER_TO_ASSESS = "Task_DecideWhetherToAssess";
  static final String REVIEW_CASE_FILE = "Task_ReviewCaseFile";
  static final String PROVIDE_ADVICE = "Task_ProvideAdvice";
  static final String DECIDE_WHETHER_TO_ISSUE = "Task_DecideWhetherToIssuePlan";
  static final String DRAFT_PLAN = "Task_DraftPlan";
  static final String RECORD_REPRESENTATIONS = "Task_RecordRepresentations";
  static final String RECORD_SETTING_RESPONSE = "Task_RecordSettingResponse";
  static final String FINALISE_PLAN = "Task_FinalisePlan";
  static final String RECORD_DISAGREEMENT = "Task_RecordDisagreement";

  ProcessTestBeans beans;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    beans = new ProcessTestBeans().register();
    clockAt(LocalDate.of(2026, 1, 6));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  void finalPlanIsIssuedAfterAssessmentAdviceDraftAndConsultation() {
    ProcessInstance instance = open("2026-01-05");
    String caseReference = instance.getBusinessKey();
    assertThat(caseReference).matches("EHC-2026-\\d{5}");
    assertThat(instance).isWaitingAt(DECIDE_WHETHER_TO_ASSESS, REVIEW_CASE_FILE);
    assertThat(task(DECIDE_WHETHER_TO_ASSESS)).hasCandidateGroup("sendPanel")
        .hasDueDate(endOfDay("2026-02-16"));
    assertThat(task(REVIEW_CASE_FILE)).hasCandidateGroup("coordinators").hasDueDate(endOfDay("2026-05-25"));
    assertThat(timerDue("Timer_DecisionToAssessDeadline")).isEqualTo(endOfDay("2026-02-16"));
    assertThat(timerDue("Timer_FinalPlanDeadline")).isEqualTo(endOfDay("2026-05-25"));
    runDueJobs();
    assertThat(beans.notifications.withTemplate("assessment-considered")).hasSize(3);

    complete(task(DECIDE_WHETHER_TO_ASSESS), withVariables("assessDecision", "assess",
        "decisionReason", "evidence of needs", "askEducationalPsychology", true, "askHealth", true));
    clockAt(LocalDate.of(2026, 2, 2));
    runDueJobs();
    List<Task> adviceTasks = tasks(PROVIDE_ADVICE);
    assertThat(adviceTasks).hasSize(2);
    assertThat(adviceTasks).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(endOfDay("2026-03-16")));
    assertThat(beans.notifications.withTemplate("advice-request")).extracting(n -> n.recipient().id())
        .containsExactlyInAnyOrder("EDUCATIONAL_PSYCHOLOGY", "HEALTH");
    adviceTasks.forEach(t -> complete(t, withVariables("adviceSummary", "report filed")));

    assertThat(task(DECIDE_WHETHER_TO_ISSUE)).hasCandidateGroup("sendPanel").hasDueDate(endOfDay("2026-04-27"));
    complete(task(DECIDE_WHETHER_TO_ISSUE), withVariables("issueDecision", "issue", "decisionReason", "needs"));
    assertThat(task(DRAFT_PLAN)).hasCandidateGroup("coordinators").hasDueDate(endOfDay("2026-05-10"));
    complete(task(DRAFT_PLAN));
    clockAt(LocalDate.of(2026, 3, 30));
    runDueJobs();
    assertThat(task(RECORD_REPRESENTATIONS)).hasDueDate(endOfDay("2026-04-13"));
    complete(task(RECORD_REPRESENTATIONS), withVariables("requestedSetting", "100001"));
    runDueJobs();
    assertThat(task(RECORD_SETTING_RESPONSE)).as("the requested setting alone, and the coordinators")
        .hasCandidateGroup("setting100001").hasCandidateGroup("coordinators").hasDueDate(endOfDay("2026-04-14"));
    assertThat(beans.notifications.withTemplate("setting-consultation")).singleElement()
        .satisfies(n -> assertThat(n.recipient().id()).as("the requested setting alone").isEqualTo("SCHOOL_OR_SETTING/100001"));
    complete(task(RECORD_SETTING_RESPONSE), withVariables("settingResponse", "agreed"));
    assertThat(instance).isWaitingAt("CallActivity_FinalisePlan");
    assertThat(calledInstance(instance)).isWaitingAt("Timer_RepresentationsPeriodEnds");

    clockAt(LocalDate.of(2026, 4, 14));
    runDueJobs();
    assertThat(task(FINALISE_PLAN)).hasDueDate(endOfDay("2026-05-25"));
    assertThatThrownBy(() -> taskService().complete(task(FINALISE_PLAN).getId(), Map.of("namedSetting", "Oak Primary School")))
        .hasMessageContaining("childYearGroup is required");
    complete(task(FINALISE_PLAN), withVariables("namedSetting", "Oak Primary School", "namedSettingCode", "100001",
        "namedSettingUpperAge", 11, "childYearGroup", 4, "sen2SettingType", "MSTRM", "sen2PersonalBudget", "dp"));
    runDueJobs();
    assertThat(beans.sen2.details(caseReference)).as("the SEN2 items given with the final plan")
        .hasValueSatisfying(d -> {
          assertThat(d.settingType()).isEqualTo("MSTRM");
          assertThat(d.personalBudget()).isEqualTo("DP");
        });

    assertThat(instance).hasPassed("CallActivity_FinalisePlan", "Task_EnterPlanInRegister", "EndEvent_PlanIssued").isEnded();
    assertThat(finalisationPassed(instance, "Task_ServeDraftPlan", "Task_ConsultSetting", "Task_IssueFinalPlan")).isTrue();
    var plan = beans.register.plans.get(caseReference);
    assertThat(plan.issuedOn()).isEqualTo("2026-04-14");
    assertThat(plan.nextReviewDue()).as("12 months from issue").isEqualTo("2027-04-14");
    assertThat(plan.yearGroupIn(2025)).isEqualTo(4);
    assertThat(plan.settingCode()).isEqualTo("100001");
    assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("ehc-annual-review")
        .processInstanceBusinessKey(caseReference).count()).as("its first review cycle started").isOne();
    assertThat(beans.caseFile.cases.get(caseReference).status()).isEqualTo(CaseStatus.PLAN_ISSUED);
    assertThat(beans.documents.typesFor(caseReference)).containsExactly(DocumentType.DECISION_TO_ASSESS,
        DocumentType.DRAFT_PLAN, DocumentType.FINAL_PLAN);
    assertThat(beans.caseFile.breaches(caseReference)).isEmpty();
  }

  @Test
  void decisionNotToAssessIsNotifiedWithRightsAndTheAppealWindowCloses() {
    ProcessInstance instance = open("2026-01-05");
    complete(task(DECIDE_WHETHER_TO_ASSESS), withVariables("assessDecision", "doNotAssess", "decisionReason", "x"));
    runDueJobs();
    assertThat(instance).isWaitingAt(RECORD_DISAGREEMENT);
    assertThat(task(RECORD_DISAGREEMENT)).hasDueDate(endOfDay("2026-03-06"));
    assertThat(beans.notifications.withTemplate("decision-not-to-assess")).singleElement()
        .satisfies(n -> assertThat(n.personalisation()).containsEntry("appealDue", "2026-03-06"));
    assertThat(beans.caseFile.cases.get(instance.getBusinessKey()).status()).isEqualTo(CaseStatus.NOT_ASSESSED);

    clockAt(LocalDate.of(2026, 3, 7));
    runDueJobs();
    assertThat(instance).hasPassed("Timer_AppealWindowCloses", "EndEvent_DecisionUnchallenged").isEnded();
  }

  @Test
  void decisionNotToIssueAfterAssessmentCanBeTakenToAppeal() {
    ProcessInstance instance = open("2026-01-05");
    assess(instance, "askSocialCare");
    complete(task(PROVIDE_ADVICE), withVariables("adviceSummary", "advice"));
    complete(task(DECIDE_WHETHER_TO_ISSUE), withVariables("issueDecision", "doNotIssue", "decisionReason", "x"));
    runDueJobs();
    assertThat(beans.caseFile.cases.get(instance.getBusinessKey()).status()).isEqualTo(CaseStatus.NO_PLAN);
    assertThat(beans.documents.typesFor(instance.getBusinessKey())).contains(DocumentType.DECISION_NOT_TO_ISSUE);
    complete(task(RECORD_DISAGREEMENT), withVariables("disagreement", "appeal", "disagreementDate", "2026-01-06"));
    assertThat(instance).hasPassed("CallActivity_MediationAndAppeal", "EndEvent_DecisionDisputed",
        "EndEvent_DecisionNotified").isEnded();
    String called = historyService().createHistoricProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey("ehc-disagreement").singleResult().getId();
    Map<String, Object> passed = new HashMap<>();
    historyService().createHistoricVariableInstanceQuery().processInstanceId(called).list()
        .forEach(v -> passed.put(v.getName(), v.getValue()));
    assertThat(passed).as("the disagreement process is told the decision, its notice day and what the family did")
        .containsEntry("decision", "NOT_TO_ISSUE").containsEntry("decisionNotifiedOn", "2026-01-06")
        .containsEntry("disagreement", "appeal").containsEntry("disagreementDate", "2026-01-06")
        .containsEntry("caseReference", instance.getBusinessKey());
    assertThat(beans.caseFile.steps(instance.getBusinessKey()))
        .anySatisfy(step -> assertThat(step.facts()).containsEntry("disagreement", "appeal")
            .containsEntry("disagreementDate", "2026-01-06"));
  }

  @Test
  void caseWithdrawnByTheOfficerEndsAllOpenWork() {
    ProcessInstance instance = open("2026-01-05");
    complete(task(REVIEW_CASE_FILE), withVariables("caseFileAction", "withdraw", "withdrawalReason", "moved away"));
    runDueJobs();
    assertThat(instance).hasPassed("Event_WithdrawnByOfficer", "EndEvent_Withdrawn").isEnded();
    assertThat(beans.caseFile.cases.get(instance.getBusinessKey()).status()).isEqualTo(CaseStatus.WITHDRAWN);
    assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void adviceFromTheSchoolGoesToTheChildsOwnSettingAloneOrToTheCoordinators() {
    ProcessInstance atOak = start(Map.of("requestReceivedDate", "2026-01-05", "requesterType", "PARENT",
        "currentSettingCode", "100001"));
    assess(atOak, "askSchoolOrSetting");
    Task oak = taskService().createTaskQuery().processInstanceId(atOak.getId()).taskDefinitionKey(PROVIDE_ADVICE)
        .singleResult();
    assertThat(taskService().getIdentityLinksForTask(oak.getId())).extracting(l -> l.getGroupId())
        .containsExactly("setting100001");

    ProcessInstance noSetting = open("2026-01-05");
    assess(noSetting, "askSchoolOrSetting");
    Task unknown = taskService().createTaskQuery().processInstanceId(noSetting.getId())
        .taskDefinitionKey(PROVIDE_ADVICE).singleResult();
    assertThat(taskService().getIdentityLinksForTask(unknown.getId())).as("never every school")
        .extracting(l -> l.getGroupId()).containsExactly("coordinators");
  }

  @Test
  void caseWithdrawnThroughTheApiDuringAdvice() {
    ProcessInstance instance = open("2026-01-05");
    assess(instance, "askHealth", "askSchoolOrSetting");
    assertThat(tasks(PROVIDE_ADVICE)).hasSize(2);
    runtimeService().createMessageCorrelation("CaseWithdrawn").processInstanceBusinessKey(instance.getBusinessKey())
        .setVariable("withdrawalReason", "family withdrew").correlate();
    runDueJobs();
    assertThat(instance).hasPassed("Event_WithdrawnThroughApi", "Task_IssueWithdrawalNotice").isEnded();
    assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void caseWithdrawnWhileTheDraftIsBeingPrepared() {
    ProcessInstance instance = open("2026-01-05");
    assess(instance, "askOther");
    assertThat(task(PROVIDE_ADVICE)).hasCandidateGroup("coordinators");
    complete(task(PROVIDE_ADVICE), withVariables("adviceSummary", "advice"));
    complete(task(DECIDE_WHETHER_TO_ISSUE), withVariables("issueDecision", "issue", "decisionReason", "x"));
    assertThat(instance).isWaitingAt(DRAFT_PLAN, REVIEW_CASE_FILE);
    complete(task(REVIEW_CASE_FILE), withVariables("caseFileAction", "withdraw", "withdrawalReason", "moved away"));
    runDueJobs();
    assertThat(instance).hasPassed("EndEvent_Withdrawn").hasNotPassed("Task_ServeDraftPlan").isEnded();
    assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void everyDeadlineOfTheAssessmentIsRemindedAndItsBreachRecordedWhileTheWorkGoesOn() {
    ProcessInstance instance = open("2026-01-05");
    String caseReference = instance.getBusinessKey();
    runDueJobs();
    clockAt(LocalDate.of(2026, 2, 17));
    runDueJobs();
    assertThat(instance).hasPassed("Timer_DecisionToAssessReminder", "Timer_DecisionToAssessDeadline",
        "Task_RecordDecisionToAssessBreach").isWaitingAt(DECIDE_WHETHER_TO_ASSESS);
    assessOnly("askEducationalPsychology");
    runDueJobs();
    clockAt(LocalDate.of(2026, 4, 1));
    runDueJobs();
    assertThat(instance).hasPassed("Timer_AdviceReminder", "Timer_AdviceDeadline", "Task_RecordAdviceBreach");
    complete(task(PROVIDE_ADVICE), withVariables("adviceSummary", "late advice"));
    clockAt(LocalDate.of(2026, 4, 28));
    runDueJobs();
    assertThat(instance).hasPassed("Timer_DecisionToIssueReminder", "Task_RecordDecisionToIssueBreach");
    complete(task(DECIDE_WHETHER_TO_ISSUE), withVariables("issueDecision", "issue", "decisionReason", "x"));
    clockAt(LocalDate.of(2026, 5, 11));
    runDueJobs();
    assertThat(instance).hasPassed("Timer_DraftPlanReminder", "Task_RemindDraftPlan", "Timer_DraftPlanDeadline",
        "Task_RecordDraftPlanBreach");
    complete(task(DRAFT_PLAN));
    runDueJobs();
    complete(task(RECORD_REPRESENTATIONS), withVariables("requestedSetting", "100002"));
    runDueJobs();
    clockAt(LocalDate.of(2026, 5, 27));
    runDueJobs();
    assertThat(finalisationPassed(instance, "Timer_SettingConsultationEnds", "Task_TellCoordinatorsConsultationOver"))
        .isTrue();
    assertThat(instance).hasPassed("Timer_FinalPlanReminder", "Task_RemindFinalPlan", "Timer_FinalPlanDeadline", "Task_RecordFinalPlanBreach");
    complete(task(RECORD_SETTING_RESPONSE), withVariables("settingResponse", "noReply"));
    runDueJobs();
    complete(task(FINALISE_PLAN), withVariables("namedSetting", "a special school for autism", "childYearGroup", 9));
    runDueJobs();
    assertThat(instance).hasPassed("EndEvent_PlanIssued").isEnded();

    assertThat(beans.caseFile.breaches(caseReference)).extracting(b -> b.timeLimit()).containsExactly(
        TimeLimit.DECISION_TO_ASSESS, TimeLimit.ADVICE, TimeLimit.DECISION_TO_ISSUE, TimeLimit.DRAFT_PLAN,
        TimeLimit.FINAL_PLAN);
    assertThat(beans.notifications.withTemplate("deadline-breached")).hasSize(5)
        .allSatisfy(n -> assertThat(n.recipient().id()).isEqualTo("managers"));
    assertThat(beans.notifications.withTemplate("deadline-reminder")).hasSizeGreaterThanOrEqualTo(4);
  }

  /**
   * A breach step runs in its timer's job (no continuation of its own): when it fails, the timer's job is rolled back
   * and retried alone, the officer's task is untouched, and when the retries run out Cockpit shows the incident on
   * the breach timer. Retried once the fault is fixed, the breach is recorded and the managers told once.
   */
  @Test
  void aBreachStepThatFailsRetriesItsTimerAloneAndEndsAsAnIncidentOnThatTimer() {
    org.ehcworkflow.steps.RecordBreachDelegate recordBreach =
        new org.ehcworkflow.steps.RecordBreachDelegate(beans.caseFile, beans.notifications);
    java.util.concurrent.atomic.AtomicBoolean caseFileDown = new java.util.concurrent.atomic.AtomicBoolean(true);
    Mocks.register("recordBreach", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
      if (caseFileDown.get()) {
        throw new IllegalStateException("case file unavailable");
      }
      recordBreach.execute(execution);
    });
    ProcessInstance instance = open("2026-01-05");
    String caseReference = instance.getBusinessKey();
    runDueJobs();
    clockAt(LocalDate.of(2026, 2, 17));
    Job breachTimer = managementService().createJobQuery().activityId("Timer_DecisionToAssessDeadline").singleResult();
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThatThrownBy(() -> managementService().executeJob(breachTimer.getId()))
          .hasMessageContaining("case file unavailable");
    }

    assertThat(managementService().createJobQuery().jobId(breachTimer.getId()).singleResult().getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult())
        .satisfies(incident -> assertThat(incident.getActivityId()).isEqualTo("Timer_DecisionToAssessDeadline"));
    assertThat(beans.caseFile.breaches(caseReference)).isEmpty();
    assertThat(beans.notifications.withTemplate("deadline-breached")).isEmpty();
    assertThat(instance).isWaitingAt(DECIDE_WHETHER_TO_ASSESS).hasNotPassed("Task_RecordDecisionToAssessBreach");

    caseFileDown.set(false);
    managementService().setJobRetries(breachTimer.getId(), 1);
    runDueJobs();
    assertThat(beans.caseFile.breaches(caseReference)).extracting(b -> b.timeLimit())
        .containsExactly(TimeLimit.DECISION_TO_ASSESS);
    assertThat(beans.notifications.withTemplate("deadline-breached")).hasSize(1);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(instance).hasPassed("Task_RecordDecisionToAssessBreach").isWaitingAt(DECIDE_WHETHER_TO_ASSESS);
  }

  @Test
  void theAdviceTaskGoesToTheTeamTheCaseNamesAloneAndElseToTheTypesGroup() {
    ProcessInstance named = open("2026-01-05");
    beans.teams.put(named.getBusinessKey() + "/HEALTH", "NHS-NORTH");
    assess(named, "askHealth", "askSocialCare");
    assertThat(taskService().createTaskQuery().processInstanceId(named.getId()).taskDefinitionKey(PROVIDE_ADVICE)
        .taskCandidateGroup("teamNHSNORTH").count()).as("the named trust's own group").isEqualTo(1);
    assertThat(taskService().createTaskQuery().processInstanceId(named.getId()).taskDefinitionKey(PROVIDE_ADVICE)
        .taskCandidateGroup("health").count()).as("not every health team").isZero();
    assertThat(taskService().createTaskQuery().processInstanceId(named.getId()).taskDefinitionKey(PROVIDE_ADVICE)
        .taskCandidateGroup("socialCare").count()).as("no team named: the type's group").isEqualTo(1);
  }

  @Test
  void anAdviceExceptionIsRecordedAgainstThatAdviceGiverAndTheAdviceIsKept() {
    ProcessInstance instance = open("2026-01-05");
    assess(instance, "askHealth");
    Task advice = task(PROVIDE_ADVICE);
    assertThatThrownBy(() -> taskService().complete(advice.getId(), Map.of("adviceSummary", "seen twice",
        "adviceException", true))).hasMessageContaining("adviceExceptionReason");
    assertThatThrownBy(() -> taskService().complete(advice.getId(), Map.of("adviceSummary", "seen twice",
        "adviceException", "yes"))).hasMessageContaining("adviceException must be true or false");
    assertThat(beans.caseFile.exceptions(instance.getBusinessKey())).isEmpty();

    complete(advice, withVariables("adviceSummary", "seen twice; report filed", "adviceException", true,
        "adviceExceptionReason", "E_MISSED_APPOINTMENT", "adviceExceptionStartsOn", "2026-01-05"));
    assertThat(beans.caseFile.exceptions(instance.getBusinessKey())).singleElement().satisfies(e -> {
      assertThat(e.reason()).isEqualTo(ExceptionReason.E_MISSED_APPOINTMENT);
      assertThat(e.scope()).isEqualTo("HEALTH");
      assertThat(e.startsOn()).isEqualTo(LocalDate.of(2026, 1, 5));
    });
    assertThat(beans.caseFile.steps(instance.getBusinessKey())).anySatisfy(step -> {
      assertThat(step.step()).isEqualTo(PROVIDE_ADVICE);
      assertThat(step.facts()).containsEntry("adviceGiver", "HEALTH")
          .containsEntry("adviceSummary", "seen twice; report filed");
      assertThat(step.freeText()).containsExactly("adviceSummary");
    });
  }

  @Test
  void anExceptionToTheTimeLimitsIsRecordedAndTheDeadlineStays() {
    ProcessInstance instance = open("2026-01-05");
    complete(task(REVIEW_CASE_FILE), withVariables("caseFileAction", "recordException",
        "exceptionReason", "D_ABSENT_FROM_AREA", "exceptionStartsOn", "2026-01-10", "exceptionEndsOn", "2026-02-20",
        "exceptionDetails", "family abroad"));
    assertThat(beans.caseFile.exceptions(instance.getBusinessKey())).singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo(ExceptionReason.D_ABSENT_FROM_AREA));
    assertThat(instance).isWaitingAt(DECIDE_WHETHER_TO_ASSESS, REVIEW_CASE_FILE);
    assertThat(task(REVIEW_CASE_FILE)).hasDueDate(endOfDay("2026-05-25"));
    assertThat(timerDue("Timer_FinalPlanDeadline")).isEqualTo(endOfDay("2026-05-25"));
    complete(task(REVIEW_CASE_FILE), withVariables("caseFileAction", "none"));
    assertThat(instance).isWaitingAt(DECIDE_WHETHER_TO_ASSESS, REVIEW_CASE_FILE);
  }

  @Test
  void theCaseFileRecordsTheChildsSen2ItemsAndKeepsWhatIsLeftEmpty() {
    ProcessInstance instance = open("2026-01-05");
    String caseReference = instance.getBusinessKey();
    Task caseFile = task(REVIEW_CASE_FILE);
    assertThatThrownBy(() -> taskService().complete(caseFile.getId(), Map.of("caseFileAction", "recordSen2")))
        .as("the choice with nothing given").hasMessageContaining("sen2Sex");
    assertThatThrownBy(() -> taskService().complete(caseFile.getId(), Map.of("caseFileAction", "recordSen2",
        "sen2Sex", "F", "sen2Upn", "123"))).hasMessageContaining("sen2Upn '123'");
    assertThatThrownBy(() -> taskService().complete(caseFile.getId(), Map.of("caseFileAction", "recordSen2",
        "sen2NeedPrimary", "ASD", "sen2NeedSecondary", "ASD"))).hasMessageContaining("sen2NeedSecondary must differ");
    assertThat(beans.sen2.details(caseReference)).as("a refused form keeps nothing").isEmpty();
    assertThat(task(REVIEW_CASE_FILE).getId()).isEqualTo(caseFile.getId());

    complete(caseFile, withVariables("caseFileAction", "recordSen2", "sen2Sex", "f", "sen2Ethnicity", "WBRI",
        "sen2UpnUnknown", "UN3", "sen2NeedPrimary", "SLCN"));
    assertThat(beans.sen2.details(caseReference)).hasValueSatisfying(d -> {
      assertThat(d.sex()).isEqualTo("F");
      assertThat(d.upnUnknown()).isEqualTo("UN3");
      assertThat(d.needPrimary()).isEqualTo("SLCN");
    });
    assertThat(runtimeService().getVariables(instance.getId())).as("kept in one place, not as process variables")
        .doesNotContainKeys("sen2Sex", "sen2Ethnicity", "sen2UpnUnknown", "sen2NeedPrimary");
    complete(task(REVIEW_CASE_FILE), withVariables("caseFileAction", "recordSen2", "sen2Upn", "A12345678901B"));
    assertThat(beans.sen2.details(caseReference)).hasValueSatisfying(d -> {
      assertThat(d.upn()).isEqualTo("A12345678901B");
      assertThat(d.upnUnknown()).as("the UPN replaces the reason it was unknown").isNull();
      assertThat(d.sex()).as("left empty, kept").isEqualTo("F");
      assertThat(d.needPrimary()).isEqualTo("SLCN");
    });
    complete(task(REVIEW_CASE_FILE), withVariables("caseFileAction", "none"));
    assertThat(instance).isWaitingAt(DECIDE_WHETHER_TO_ASSESS, REVIEW_CASE_FILE);
  }

  @Test
  void anInvalidExceptionIsRefusedAndChangesNothing() {
    ProcessInstance instance = open("2026-01-05");
    Task caseFile = task(REVIEW_CASE_FILE);
    assertThatThrownBy(() -> taskService().complete(caseFile.getId(), Map.of("caseFileAction", "recordException",
        "exceptionReason", "Z_UNKNOWN", "exceptionStartsOn", "2026-01-10")))
        .hasMessageContaining("exceptionReason");
    assertThatThrownBy(() -> taskService().complete(caseFile.getId(), Map.of("caseFileAction", "recordException",
        "exceptionReason", "C_EXCEPTIONAL_PERSONAL_CIRCUMSTANCES", "exceptionStartsOn", "2026-02-30")))
        .hasMessageContaining("exceptionStartsOn");
    assertThat(beans.caseFile.exceptions(instance.getBusinessKey())).isEmpty();
    assertThat(task(REVIEW_CASE_FILE).getId()).isEqualTo(caseFile.getId());
  }

  @Test
  void aDecisionToAssessWithoutAdviceGiversIsRefused() {
    open("2026-01-05");
    Task decision = task(DECIDE_WHETHER_TO_ASSESS);
    assertThatThrownBy(() -> taskService().complete(decision.getId(), Map.of("assessDecision", "assess",
        "decisionReason", "needs unclear")))
        .hasMessageContaining("adviceGivers");
    assertThatThrownBy(() -> taskService().complete(decision.getId(), Map.of("assessDecision", "maybe")))
        .hasMessageContaining("assessDecision");
    assertThat(task(DECIDE_WHETHER_TO_ASSESS).getId()).isEqualTo(decision.getId());
  }

  @Test
  void aRefusedRequestOpensNoCaseAndTakesNoCaseNumber() {
    assertThatThrownBy(() -> start(Map.of())).hasMessageContaining("requestReceivedDate");
    assertThatThrownBy(() -> start(Map.of("requestReceivedDate", "2026-13-45"))).hasMessageContaining("requestReceivedDate");
    assertThatThrownBy(() -> start(Map.of("requestReceivedDate", "not a date"))).hasMessageContaining("requestReceivedDate");
    assertThatThrownBy(() -> start(Map.of("requestReceivedDate", "2026-01-07"))).hasMessageContaining("future");
    assertThatThrownBy(() -> start(Map.of("requestReceivedDate", "2026-01-05", "requesterType", "NEIGHBOUR")))
        .hasMessageContaining("requesterType");
    assertThatThrownBy(() -> start(Map.of("requestReceivedDate", "2026-01-05", "currentSettingCode", "999999")))
        .hasMessageContaining("currentSettingCode '999999' is not an active school or setting");
    assertThatThrownBy(() -> start(Map.of("requestReceivedDate", "2026-01-05", "coordinator", "nobody")))
        .hasMessageContaining("coordinator 'nobody' is not a member of the coordinators' group");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    assertThat(beans.caseFile.cases).isEmpty();
    assertThat(start(Map.of("requestReceivedDate", "2026-01-05")).getBusinessKey())
        .as("the first case opened after the refusals has the year's first number").isEqualTo("EHC-2026-00001");
  }

  @Test
  void aRequestedSettingOutsideThePartnerDirectoryIsRefused() {
    ProcessInstance instance = start(Map.of("requestReceivedDate", "2026-01-05", "currentSettingCode", "100002"));
    assertThat(beans.caseFile.cases.get(instance.getBusinessKey()).currentSettingCode()).isEqualTo("100002");
    assess(instance, "askOther");
    complete(task(PROVIDE_ADVICE), withVariables("adviceSummary", "advice"));
    complete(task(DECIDE_WHETHER_TO_ISSUE), withVariables("issueDecision", "issue", "decisionReason", "x"));
    complete(task(DRAFT_PLAN));
    runDueJobs();
    Task representations = task(RECORD_REPRESENTATIONS);
    assertThatThrownBy(() -> taskService().complete(representations.getId(), Map.of("requestedSetting", "Oak Primary")))
        .hasMessageContaining("requestedSetting 'Oak Primary' is not an active school or setting");
    assertThat(task(RECORD_REPRESENTATIONS).getId()).isEqualTo(representations.getId());
  }

  @Test
  void thePanelDecidesInItsOwnInstanceThatIsGivenWhatTheDecisionShowsAndGivesBackOnlyWhatThePanelDecided() {
    ProcessInstance instance = open("2026-01-05");
    ProcessInstance panel = runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .processDefinitionKey("ehc-panel-decision").singleResult();
    assertThat(panel.getBusinessKey()).as("the case's reference").isEqualTo(instance.getBusinessKey());
    assertThat(task(DECIDE_WHETHER_TO_ASSESS).getProcessInstanceId()).isEqualTo(panel.getId());
    assertThat(runtimeService().getVariables(panel.getId()).keySet()).as("the step's name routed the start, unstored")
        .containsExactlyInAnyOrder("caseReference", "requestReceivedDate", "decisionToAssessDue", "requesterType");
    assertThat(runtimeService().getVariable(panel.getId(), "decisionToAssessDue")).isEqualTo("2026-02-16");

    // The case changes a value it passed while the panel decides: the panel's copy does not overwrite it.
    runtimeService().setVariable(instance.getId(), "requestReceivedDate", "2026-01-06");
    complete(task(DECIDE_WHETHER_TO_ASSESS), withVariables("assessDecision", "assess", "decisionReason", "needs",
        "askHealth", true, "requestReceivedDate", "2026-01-05"));

    Map<String, Object> caseVariables = runtimeService().getVariables(instance.getId());
    assertThat(caseVariables).containsEntry("assessDecision", "assess").containsEntry("decisionReason", "needs")
        .containsEntry("adviceGivers", "HEALTH").containsEntry("askHealth", true)
        .containsEntry("requestReceivedDate", "2026-01-06").doesNotContainKey("panelDecision");
    assertThat(instance).hasPassed(DECIDE_WHETHER_TO_ASSESS);
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(panel.getId()).count()).isZero();
  }

  @Test
  void theSameCaseReferenceIsOpenedOnce() {
    runtimeService().startProcessInstanceByKey("ehc-needs-assessment", "LA-123", Map.of("requestReceivedDate", "2026-01-05"));
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("ehc-needs-assessment", "LA-123",
        Map.of("requestReceivedDate", "2026-01-05"))).hasMessageContaining("already open");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("ehc-needs-assessment")
        .processInstanceBusinessKey("LA-123").count()).isOne();
  }

  @Test
  void aRequestDateGivenAsADateIsReadAsALondonCalendarDay() {
    Date midnightLondon = Date.from(LocalDate.of(2026, 1, 5).atStartOfDay(LONDON).toInstant());
    ProcessInstance instance = start(Map.of("requestReceivedDate", midnightLondon));
    assertThat(runtimeService().getVariable(instance.getId(), "requestReceivedDate")).isEqualTo("2026-01-05");
    assertThat(runtimeService().getVariable(instance.getId(), "finalPlanDue")).isEqualTo("2026-05-25");
  }

  // --- helpers ---

  private ProcessInstance open(String requestReceivedDate) {
    return start(Map.of("requestReceivedDate", requestReceivedDate, "requesterType", "PARENT"));
  }

  private ProcessInstance start(Map<String, Object> variables) {
    return runtimeService().startProcessInstanceByKey("ehc-needs-assessment", new HashMap<>(variables));
  }

  private void assess(ProcessInstance instance, String... adviceGivers) {
    assessOnly(adviceGivers);
    runDueJobs();
  }

  private void assessOnly(String... adviceGivers) {
    Map<String, Object> variables = new HashMap<>(Map.of("assessDecision", "assess", "decisionReason", "x"));
    for (String giver : adviceGivers) {
      variables.put(giver, true);
    }
    complete(task(DECIDE_WHETHER_TO_ASSESS), variables);
  }

  /** The running instance of ehc-plan-finalisation that a case called. */
  private static ProcessInstance calledInstance(ProcessInstance caller) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId())
        .processDefinitionKey("ehc-plan-finalisation").singleResult();
  }

  /** Whether the case's ehc-plan-finalisation (running or ended) passed every one of the activities. */
  private static boolean finalisationPassed(ProcessInstance caller, String... activityIds) {
    String called = historyService().createHistoricProcessInstanceQuery().superProcessInstanceId(caller.getId())
        .processDefinitionKey("ehc-plan-finalisation").singleResult().getId();
    return java.util.Arrays.stream(activityIds).allMatch(id -> historyService().createHistoricActivityInstanceQuery()
        .processInstanceId(called).activityId(id).finished().count() > 0);
  }

  @SuppressWarnings("unused")
  private static long historicInstances() {
    return historyService().createHistoricProcessInstanceQuery().count();
  }
}
