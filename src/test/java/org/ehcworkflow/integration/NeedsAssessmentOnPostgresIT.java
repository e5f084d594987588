package org.ehcworkflow.integration;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.ehcworkflow.testing.ModelBeans;
import org.ehcworkflow.testing.ProcessTestBeans;
import org.springframework.context.ApplicationContext;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.ehcworkflow.calendar.TimeLimit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on real PostgreSQL: Flyway, the engine REST API with authentication, the project's API, and
 * one case from request to final plan with every async step run by the job executor.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ehc.demo.enabled=true", "ehc.metrics.refresh=PT1S", "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500"})
class NeedsAssessmentOnPostgresIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  @Test
  void theApplicationProvidesEveryBeanTheModelsNameWithTheClassTheProcessTestsUse() {
    new ProcessTestBeans().register();
    try {
      for (String name : ModelBeans.named()) {
        assertThat(context.containsBean(name)).as("bean %s named by a model", name).isTrue();
        assertThat(context.getBean(name).getClass()).as("bean %s", name)
            .isEqualTo(Mocks.get(name).getClass());
      }
    } finally {
      Mocks.reset();
    }
  }

  @Test
  void engineRestApiOpensACaseWithItsStatutoryDates() {
    // The engine's clock stands on the day after the request, so the job executor fires no timer yet.
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 1, 6).atTime(10, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
    try {
      opensACaseWithItsStatutoryDates();
    } finally {
      ClockUtil.reset();
    }
  }

  private void opensACaseWithItsStatutoryDates() {
    ResponseEntity<Map> started = post("/engine-rest/process-definition/key/ehc-needs-assessment/start", "demo",
        Map.of("variables", Map.of("requestReceivedDate", Map.of("value", "2026-01-05", "type", "String"))));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String instanceId = (String) started.getBody().get("id");

    // The panel decides in an instance of ehc-panel-decision that the case called.
    String panelInstanceId = (String) ((Map<?, ?>) rest.withBasicAuth("demo", "demo").getForEntity(
        "/engine-rest/process-instance?superProcessInstance=" + instanceId, List.class).getBody().get(0)).get("id");
    ResponseEntity<List> taskList = rest.withBasicAuth("demo", "demo").getForEntity("/engine-rest/task?processInstanceId="
        + panelInstanceId + "&taskDefinitionKey=Task_DecideWhetherToAssess", List.class);
    assertThat(((Map<?, ?>) taskList.getBody().get(0)).get("due").toString()).startsWith("2026-02-16");
    ResponseEntity<List> timers = rest.withBasicAuth("demo", "demo")
        .getForEntity("/engine-rest/job?timers=true&processInstanceId=" + instanceId, List.class);
    assertThat(timers.getBody()).extracting(j -> ((Map<?, ?>) j).get("dueDate").toString().substring(0, 10))
        .contains("2026-02-16", "2026-05-25");
  }

  @Test
  void engineRestApiRefusesABadRequestDateAndCreatesNothing() {
    long before = runtime.createProcessInstanceQuery().count();
    String tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();
    for (String bad : List.of("2026-13-45", tomorrow, "not a date")) {
      ResponseEntity<Map> refused = post("/engine-rest/process-definition/key/ehc-needs-assessment/start", "demo",
          Map.of("variables", Map.of("requestReceivedDate", Map.of("value", bad, "type", "String"))));
      assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").toString()).as(bad).contains("requestReceivedDate");
    }
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void tasklistsStartFormRouteValidatesTheSameWay() {
    String path = "/engine-rest/process-definition/key/ehc-needs-assessment/submit-form";
    ResponseEntity<Map> refused = post(path, "coordinator", Map.of("businessKey", "TL-BAD",
        "variables", Map.of("requestReceivedDate", Map.of("value", "2026-02-30"))));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains("requestReceivedDate");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("TL-BAD").count()).isZero();
    ResponseEntity<Map> started = post(path, "coordinator", Map.of("businessKey", "TL-GOOD",
        "variables", Map.of("requestReceivedDate", Map.of("value", "2026-01-05"), "requesterType", Map.of("value", "PARENT"))));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(post(path, "panel", Map.of("variables", Map.of("requestReceivedDate", Map.of("value", "2026-01-05"))))
        .getStatusCode().is2xxSuccessful()).as("only coordinators open cases").isFalse();
  }

  @Test
  void prometheusScrapesStatutoryGaugesWithCredentials() throws InterruptedException {
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    String scrape = "";
    // The gauges refresh every second here; wait until the demo data's breach and notices have been counted.
    for (int i = 0; i < 100 && !(scrape.contains("ehc_deadline_breaches{time_limit=\"DECISION_TO_ASSESS\"}")
        && scrape.contains("ehc_notices{status=")); i++) {
      Thread.sleep(200);
      scrape = rest.withBasicAuth("demo", "demo").getForObject("/actuator/prometheus", String.class);
    }
    assertThat(scrape)
        .contains("ehc_deadline_breaches{time_limit=\"DECISION_TO_ASSESS\"} 1.0")
        .contains("ehc_cases{status=\"OPEN\"}")
        .contains("ehc_tasks_open{step=\"Task_ReviewCaseFile\"}")
        .contains("ehc_service{measure=\"deadlines_due_within_7_days\"}")
        .contains("ehc_service{measure=\"incidents_open\"}")
        .contains("ehc_notices{status=");
    assertThat(rest.getForObject("/actuator/health", String.class)).contains("processEngine").contains("jobExecutor");
  }

  @Test
  void anonymousCallsAndWrongPasswordsAreRefused() {
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("socialcare", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/cases/DEMO-0001", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void partnersCannotOpenCasesAndSeeOnlyTheirOwnTasks() {
    ResponseEntity<Map> refused = post("/api/cases", "health", Map.of("requestReceivedDate", "2026-01-05"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<List> healthTasks = rest.withBasicAuth("health", "health").getForEntity("/engine-rest/task", List.class);
    assertThat(healthTasks.getBody()).allSatisfy(t -> assertThat(((Map<?, ?>) t).get("taskDefinitionKey"))
        .isEqualTo("Task_ProvideAdvice"));
    ResponseEntity<List> panelTasks = rest.withBasicAuth("panel", "panel").getForEntity("/engine-rest/task", List.class);
    assertThat(panelTasks.getBody()).isNotEmpty().allSatisfy(t -> assertThat(((Map<?, ?>) t).get("taskDefinitionKey"))
        .asString().startsWith("Task_Decide"));
  }

  @Test
  void coordinatorsWorkEveryCasesTasksThroughTheirProcessWideRights() {
    ResponseEntity<List> caseFiles = rest.withBasicAuth("coordinator", "coordinator")
        .getForEntity("/engine-rest/task?taskDefinitionKey=Task_ReviewCaseFile&processInstanceBusinessKey=DEMO-0001", List.class);
    assertThat(caseFiles.getBody()).hasSize(1);
    String taskId = (String) ((Map<?, ?>) caseFiles.getBody().get(0)).get("id");
    assertThat(jdbc.queryForObject("select count(*) from act_ru_authorization where resource_id_ = ?", Integer.class,
        taskId)).as("no per-task authorization for a process-wide group").isZero();
    ResponseEntity<Map> completed = post("/engine-rest/task/" + taskId + "/complete", "coordinator",
        Map.of("variables", Map.of("caseFileAction", Map.of("value", "none"))));
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("/engine-rest/task/" + taskId + "/complete", "health",
        Map.of("variables", Map.of("caseFileAction", Map.of("value", "none")))).getStatusCode().is2xxSuccessful())
        .isFalse();
  }

  @Test
  void everyRoleStartsFromATasklistFilterOrderedByStatutoryDeadline() {
    String filterId = filterId("coordinator", "Tasks by statutory deadline");
    ResponseEntity<List> listed = rest.withBasicAuth("coordinator", "coordinator")
        .getForEntity("/engine-rest/filter/" + filterId + "/list", List.class);
    List<String> due = ((List<?>) listed.getBody()).stream().map(t -> String.valueOf(((Map<?, ?>) t).get("due"))).toList();
    assertThat(due).isNotEmpty().isSortedAccordingTo(String::compareTo);
    assertThat(jdbc.queryForObject("select count(*) from pg_indexes where tablename = 'act_ru_task' "
        + "and indexname = 'ehc_task_due_date'", Integer.class)).as("the filter's sort has its index").isOne();
    // The partners open their team's filter, the panel its decisions' (who may see what: SecurityOnPostgresIT).
    String teamFilterId = filterId("health", "My team's tasks by statutory deadline");
    assertThat(rest.withBasicAuth("health", "health").getForEntity("/engine-rest/filter/" + teamFilterId + "/list",
        List.class).getBody()).allSatisfy(t -> assertThat(((Map<?, ?>) t).get("taskDefinitionKey"))
        .isEqualTo("Task_ProvideAdvice"));

    // Each card names its case, for the panel too, who may not read the case's process variables.
    HttpHeaders hal = new HttpHeaders();
    hal.setContentType(MediaType.APPLICATION_JSON);
    hal.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    ResponseEntity<Map> cards = rest.withBasicAuth("panel", "panel").exchange("/engine-rest/filter/"
        + filterId("panel", "Panel decisions by statutory deadline") + "/list",
        HttpMethod.POST, new HttpEntity<>("{}", hal), Map.class);
    List<?> panelTasks = (List<?>) ((Map<?, ?>) cards.getBody().get("_embedded")).get("task");
    assertThat(panelTasks).isNotEmpty().allSatisfy(task -> assertThat(
        (List<?>) ((Map<?, ?>) ((Map<?, ?>) task).get("_embedded")).get("variable"))
        .anySatisfy(v -> assertThat(((Map<?, ?>) v).get("name")).isEqualTo("caseReference")));
    // The panel reads what each case passed to its decision (ehc-panel-decision), never the case's own variables.
    ResponseEntity<List> processVariables = rest.withBasicAuth("panel", "panel")
        .getForEntity("/engine-rest/variable-instance?variableName=requestReceivedDate", List.class);
    assertThat(processVariables.getBody()).isNotEmpty().allSatisfy(v -> assertThat(runtime.createProcessInstanceQuery()
        .processInstanceId((String) ((Map<?, ?>) v).get("processInstanceId")).singleResult().getProcessDefinitionId())
        .startsWith("ehc-panel-decision:"));
    assertThat(runtime.createVariableInstanceQuery().variableName("requestReceivedDate").count())
        .as("the cases' own copies exist, and the panel does not see them").isGreaterThan(processVariables.getBody().size());
  }

  private Map<?, ?> readCase(String reference) {
    ResponseEntity<Map> read = rest.withBasicAuth("coordinator", "coordinator").getForEntity("/api/cases/" + reference,
        Map.class);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    return read.getBody();
  }

  private String filterId(String user, String name) {
    ResponseEntity<List> filters = rest.withBasicAuth(user, user).getForEntity("/engine-rest/filter?name=" + name,
        List.class);
    assertThat(filters.getBody()).as(user + " reads " + name).hasSize(1);
    return (String) ((Map<?, ?>) filters.getBody().get(0)).get("id");
  }

  @Test
  void aCaseRunsFromRequestToFinalPlanThroughTheApiAndTheJobExecutor() throws Exception {
    String received = LocalDate.now(ZoneId.of("Europe/London")).minusDays(20).toString();
    ResponseEntity<Map> opened = post("/api/cases", "coordinator", Map.of("requestReceivedDate", received,
        "requesterType", "PARENT", "caseReference", "IT-FULL-1",
        "child", Map.of("givenName", "Alex", "familyName", "Example", "dateOfBirth", "2019-04-01")));
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(((Map<?, ?>) opened.getBody().get("deadlines")).keySet()).extracting(Object::toString).contains("decisionToAssessDue", "finalPlanDue");
    assertThat(post("/api/cases", "coordinator", Map.of("requestReceivedDate", received, "caseReference", "IT-FULL-1"))
        .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(post("/api/cases", "coordinator", Map.of("requestReceivedDate", "2026-02-30")).getBody().toString())
        .contains("requestReceivedDate");
    String id = (String) opened.getBody().get("processInstanceId");
    // The case's dates are the instance's own, in the order of the law: the engine's values, one for each limit set.
    List<String> dueNames = Arrays.stream(TimeLimit.values()).map(TimeLimit::dueVariable).toList();
    Map<String, Object> held = runtime.getVariables(id, dueNames);
    Map<?, ?> shown = (Map<?, ?>) readCase("IT-FULL-1").get("deadlines");
    assertThat(shown).hasSize(held.size()).containsAllEntriesOf((Map) held);
    assertThat(shown.keySet()).extracting(Object::toString)
        .containsExactlyElementsOf(dueNames.stream().filter(held::containsKey).toList());

    complete(id, "Task_DecideWhetherToAssess", Map.of("assessDecision", "assess", "decisionReason", "needs",
        "askHealth", true));
    awaitTask(id, "Task_ProvideAdvice");
    // The plan is written section by section: health writes its own sections while its advice task is open.
    assertThat(put("/api/plans/IT-FULL-1/sections/C", "health", Map.of("text", "Sees the speech therapist monthly"))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(put("/api/plans/IT-FULL-1/sections/F", "health", Map.of("text", "not theirs")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(put("/api/plans/IT-FULL-1/sections/D", "socialcare", Map.of("text", "no task here")).getStatusCode())
        .as("a partner without a task in the case").isEqualTo(HttpStatus.FORBIDDEN);
    complete(id, "Task_ProvideAdvice", Map.of("adviceSummary", "report"));
    complete(id, "Task_DecideWhetherToIssuePlan", Map.of("issueDecision", "issue", "decisionReason", "needs"));
    awaitTask(id, "Task_DraftPlan");
    for (String[] section : new String[][] {{"B", "Speech, language and communication needs"},
        {"F", "Speech and language therapy, 1 hour a week"}, {"I", "Oak Primary School"}}) {
      assertThat(put("/api/plans/IT-FULL-1/sections/" + section[0], "coordinator", Map.of("text", section[1]))
          .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    // Section I is written early: serving the draft asks for a reason (blocking quality rule), and the draft's
    // document still names no school.
    complete(id, "Task_DraftPlan", Map.of("qualityOverrideReason", "section I kept for the final; the draft hides it"));
    awaitTask(id, "Task_RecordRepresentations");
    put("/api/plans/IT-FULL-1/sections/F", "coordinator", Map.of("text", "Speech and language therapy, 2 hours a week"));
    complete(id, "Task_RecordRepresentations", Map.of("requestedSetting", ""));
    // The family's 15 days must pass before the final plan: the timer is moved, not waited for.
    String finalisation = runtime.createProcessInstanceQuery().superProcessInstanceId(id).singleResult().getId();
    String timer = management.createJobQuery().processInstanceId(finalisation)
        .activityId("Timer_RepresentationsPeriodEnds").singleResult().getId();
    management.executeJob(timer);
    complete(id, "Task_FinalisePlan", Map.of("namedSetting", "Oak Primary School", "namedSettingCode", "100001",
        "namedSettingUpperAge", 11));
    awaitEnded(id);
    assertThat((Map<?, ?>) readCase("IT-FULL-1").get("deadlines")).as("no open deadline once the case has ended")
        .isEmpty();

    // The plan enters the register (year group from the date of birth on the case) and its first review starts.
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    assertThat(jdbc.queryForObject("select reception_year from ehc_plan where case_reference = 'IT-FULL-1'",
        Integer.class)).isEqualTo(2023);
    var review = runtime.createProcessInstanceQuery().processDefinitionKey("ehc-annual-review")
        .processInstanceBusinessKey("IT-FULL-1").singleResult();
    assertThat(runtime.getVariable(review.getId(), "annualReviewDue"))
        .as("12 months from issue: the child is over 5").isEqualTo(today.plusMonths(12).toString());

    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).activityId("EndEvent_PlanIssued")
        .count()).isOne();
    assertThat(jdbc.queryForObject("select status from ehc_case where case_reference = 'IT-FULL-1'", String.class))
        .isEqualTo("PLAN_ISSUED");
    assertThat(jdbc.queryForList("select document_type from case_document where case_reference = 'IT-FULL-1'",
        String.class)).contains("DRAFT_PLAN", "FINAL_PLAN");
    assertThat(jdbc.queryForObject("select count(*) from notification_outbox where case_reference = 'IT-FULL-1'",
        Integer.class)).isGreaterThanOrEqualTo(6);
    assertThat(jdbc.queryForObject("select child_given_name from case_request where case_reference = 'IT-FULL-1'",
        String.class)).isEqualTo("Alex");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).list())
        .noneMatch(v -> String.valueOf(v.getValue()).contains("Alex"));

    // The draft and the final plan are stored as PDF with checksums, downloadable by a coordinator.
    ResponseEntity<List> stored = rest.withBasicAuth("coordinator", "coordinator")
        .getForEntity("/api/cases/IT-FULL-1/documents", List.class);
    assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Map<String, Object>> byType = new java.util.HashMap<>();
    ((List<Map<String, Object>>) stored.getBody()).forEach(d -> byType.put((String) d.get("type"), d));
    assertThat(byType).containsKeys("DECISION_TO_ASSESS", "DRAFT_PLAN", "FINAL_PLAN");
    for (String type : List.of("DRAFT_PLAN", "FINAL_PLAN")) {
      Map<String, Object> document = byType.get(type);
      ResponseEntity<byte[]> pdf = rest.withBasicAuth("coordinator", "coordinator")
          .getForEntity("/api/documents/" + document.get("id") + "/content", byte[].class);
      assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
      assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(pdf.getBody()))).isEqualTo(document.get("checksum"));
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(org.apache.pdfbox.Loader.loadPDF(pdf.getBody()));
      assertThat(text).contains("IT-FULL-1").contains("Sees the speech therapist monthly");
      if (type.equals("DRAFT_PLAN")) {
        assertThat(text).contains("DRAFT").doesNotContain("Oak Primary School").contains("1 hour a week");
      } else {
        assertThat(text).contains("Oak Primary School").contains("2 hours a week");
      }
    }
    assertThat(byType.get("DRAFT_PLAN").get("planVersion")).isEqualTo(1);
    assertThat(byType.get("FINAL_PLAN").get("planVersion")).isEqualTo(2);
    ResponseEntity<List> changes = rest.withBasicAuth("coordinator", "coordinator")
        .getForEntity("/api/plans/IT-FULL-1/versions/1/changes/2", List.class);
    assertThat(changes.getBody()).singleElement().satisfies(c -> assertThat(((Map<?, ?>) c).get("section"))
        .isEqualTo("F"));

    // A partner group without a task in the case sees neither the list nor a document.
    assertThat(rest.withBasicAuth("socialcare", "socialcare").getForEntity("/api/cases/IT-FULL-1/documents",
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("socialcare", "socialcare").getForEntity("/api/documents/"
        + byType.get("FINAL_PLAN").get("id") + "/content", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/documents/" + byType.get("FINAL_PLAN").get("id") + "/content", String.class)
        .getStatusCode()).as("anonymous").isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<Map> put(String path, String user, Map<String, Object> body) {
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
  }

  @Test
  void aCoordinatorWithdrawsACaseThroughTheApiOnceAndBadRequestsChangeNothing() {
    String received = LocalDate.now(ZoneId.of("Europe/London")).minusDays(3).toString();
    ResponseEntity<Map> opened = post("/api/cases", "coordinator", Map.of("requestReceivedDate", received,
        "requesterType", "PARENT", "caseReference", "IT-WD-1"));
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = (String) opened.getBody().get("processInstanceId");
    awaitTask(id, "Task_DecideWhetherToAssess");

    ResponseEntity<Map> noReason = post("/api/cases/IT-WD-1/withdrawal", "coordinator", Map.of("reason", " "));
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().toString()).contains("reason");
    assertThat(post("/api/cases/IT-NONE/withdrawal", "coordinator", Map.of("reason", "moved away"))
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post("/api/cases/IT-WD-1/withdrawal", "manager", Map.of("reason", "moved away")).getStatusCode())
        .as("coordinators withdraw cases").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).as("nothing changed").isOne();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("withdrawalReason")
        .count()).isZero();

    // Coordinators hold no right to change a case's instance through the engine: the route withdraws it for them.
    assertThat(post("/api/cases/IT-WD-1/withdrawal", "coordinator", Map.of("reason", " moved away ")).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    awaitEnded(id);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("withdrawalReason")
        .singleResult().getValue()).isEqualTo("moved away");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).activityId("EndEvent_Withdrawn")
        .count()).isOne();
    assertThat(readCase("IT-WD-1").get("status")).isEqualTo("WITHDRAWN");
    ResponseEntity<Map> again = post("/api/cases/IT-WD-1/withdrawal", "coordinator", Map.of("reason", "moved away"));
    assertThat(again.getStatusCode()).as("a second withdrawal").isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().toString()).contains("no open assessment");
    // The engine's own REST API still refuses coordinators a change to the case's variables.
    String other = (String) post("/api/cases", "coordinator", Map.of("requestReceivedDate", received,
        "requesterType", "PARENT", "caseReference", "IT-WD-2")).getBody().get("processInstanceId");
    assertThat(put("/engine-rest/process-instance/" + other + "/variables/withdrawalReason", "coordinator",
        Map.of("value", "x", "type", "String")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // Two presses of the button at once: one withdrawal, one refusal, never a server error.
    awaitTask(other, "Task_DecideWhetherToAssess");
    List<CompletableFuture<Integer>> presses = IntStream.range(0, 2)
        .mapToObj(i -> CompletableFuture.supplyAsync(() -> post("/api/cases/IT-WD-2/withdrawal", "coordinator",
            Map.of("reason", "moved away")).getStatusCode().value())).toList();
    assertThat(presses.stream().map(CompletableFuture::join).sorted().toList()).containsExactly(202, 409);
    awaitEnded(other);
    assertThat(jdbc.queryForObject("select count(*) from audit_event where case_reference = 'IT-WD-2' "
        + "and detail = 'case withdrawn'", Integer.class)).as("one withdrawal in the audit trail").isOne();
  }

  private void complete(String instanceId, String activityId, Map<String, Object> variables) {
    Task task = awaitTask(instanceId, activityId);
    tasks.complete(task.getId(), variables);
  }

  private Task awaitTask(String instanceId, String activityId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      // Tasks of the shared steps (ehc-plan-finalisation) belong to the called instance, with the same business key.
      String businessKey = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
          .getBusinessKey();
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(activityId)
          .singleResult();
      if (task != null) {
        return task;
      }
      sleep();
    }
    throw new AssertionError("no task " + activityId + " after 30 s: the job executor did not run the async steps");
  }

  private void awaitEnded(String instanceId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("instance did not end within 30 s");
      }
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ResponseEntity<Map> post(String path, String user, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }
}
