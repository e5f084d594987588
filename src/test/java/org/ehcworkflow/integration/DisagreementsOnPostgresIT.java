package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcworkflow.integration.FamilyPageOnPostgresIT.await;
import static org.ehcworkflow.integration.FamilyPageOnPostgresIT.complete;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.ehcworkflow.calendar.StatutoryCalendar;
import org.ehcworkflow.calendar.TimeLimit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A refusal followed to the tribunal's order on real PostgreSQL: officers complete each step through the engine REST
 * API (as Tasklist does), bad input is refused with the field named, every limit lands in the deadline ledger, and
 * a disagreement with an issued plan is recorded through the project's API exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ehc.demo.enabled=true", "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500"})
class DisagreementsOnPostgresIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired StatutoryCalendar calendar;

  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

  @Test
  void aRefusalGoesThroughMediationAndAppealToAnOrderToAssessWithEveryLimitInTheLedger() throws Exception {
    HttpCalls http = new HttpCalls(port);
    assertThat(http.basic("coordinator", "POST", "/api/cases", JSON.writeValueAsString(Map.of(
        "requestReceivedDate", TODAY.minusWeeks(5).toString(), "requesterType", "PARENT", "caseReference", "DIS-1")))
        .statusCode()).isEqualTo(201);
    complete(tasks, identity, "DIS-1", "Task_DecideWhetherToAssess", "panel", List.of("sendPanel"),
        Map.of("assessDecision", "doNotAssess", "decisionReason", "needs met in school"));

    Task record = await(tasks, "DIS-1", "Task_RecordDisagreement");
    HttpResponse<String> early = submit(http, record, Map.of("disagreement", "mediation",
        "disagreementDate", TODAY.minusDays(30).toString()));
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(early.body()).contains("disagreementDate").contains("is before the decision was notified");
    assertThat(tasks.createTaskQuery().taskId(record.getId()).count()).as("nothing changed").isOne();
    assertThat(submit(http, record, Map.of("disagreement", "mediation", "disagreementDate", TODAY.toString()))
        .statusCode()).isEqualTo(204);

    Task mediation = await(tasks, "DIS-1", "Task_HoldMediation");
    assertThat(dueDay(mediation)).isEqualTo(TODAY.plusDays(30));
    assertThat(ledgerDue("DIS-1", TimeLimit.MEDIATION_HELD)).containsExactly(TODAY.plusDays(30));
    HttpResponse<String> noOutcome = submit(http, mediation, Map.of("mediationHeldOn", TODAY.toString()));
    assertThat(noOutcome.statusCode()).isEqualTo(400);
    assertThat(noOutcome.body()).contains("mediationOutcome");
    assertThat(submit(http, mediation, Map.of("mediationHeldOn", TODAY.toString(), "mediationOutcome", "notAgreed"))
        .statusCode()).isEqualTo(204);
    assertThat(ledgerDue("DIS-1", TimeLimit.CERTIFICATE_AFTER_MEDIATION))
        .containsExactly(calendar.due(TimeLimit.CERTIFICATE_AFTER_MEDIATION, TODAY));

    assertThat(submit(http, await(tasks, "DIS-1", "Task_IssueCertificateAfterMediation"),
        Map.of("certificateIssuedOn", TODAY.toString())).statusCode()).isEqualTo(204);
    Task appeal = await(tasks, "DIS-1", "Task_RecordAppeal");
    assertThat(dueDay(appeal)).as("the later of 2 months from the decision and 1 month from the certificate")
        .isEqualTo(calendar.appealDue(TODAY, TODAY));
    assertThat(submit(http, appeal, Map.of("appealAnswer", "appealed", "appealLodgedOn", TODAY.toString()))
        .statusCode()).isEqualTo(204);

    Task decision = await(tasks, "DIS-1", "Task_RecordTribunalDecision");
    HttpResponse<String> unfit = submit(http, decision, Map.of("tribunalOutcome", "orderToMakePlan",
        "tribunalDecisionDate", TODAY.toString()));
    assertThat(unfit.statusCode()).isEqualTo(400);
    assertThat(unfit.body()).contains("tribunalOutcome").contains("cannot follow an appeal against");
    assertThat(submit(http, decision, Map.of("tribunalOutcome", "orderToAssess", "tribunalDecisionDate",
        TODAY.toString())).statusCode()).isEqualTo(204);
    Task arrange = await(tasks, "DIS-1", "Task_ArrangeOrderedAssessment");
    assertThat(dueDay(arrange)).isEqualTo(TODAY.plusWeeks(2));
    assertThat(ledgerDue("DIS-1", TimeLimit.ORDER_TO_ASSESS_NOTICE)).containsExactly(TODAY.plusWeeks(2));

    HttpResponse<String> listed = http.get("manager", "/api/cases/DIS-1/disagreements");
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).contains("\"decision\":\"NOT_TO_ASSESS\"").contains("\"open\":true")
        .contains("\"tribunalOutcome\":\"orderToAssess\"").contains("Task_ArrangeOrderedAssessment");
    assertThat(http.get("panel", "/api/cases/DIS-1/disagreements").statusCode()).isEqualTo(403);
    HttpResponse<String> dashboard = http.get("manager", "/api/timeliness");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    var disagreements = JSON.readTree(dashboard.body()).get("disagreements");
    assertThat(disagreements.get("openCases").asInt()).isPositive();
    assertThat(disagreements.get("byStage").has(arrange.getName())).as("the order being complied with, by its step")
        .isTrue();
    assertThat(disagreements.get("steps").toString()).contains("\"caseReference\":\"DIS-1\"")
        .contains(TODAY.plusWeeks(2).toString());
    assertThat(jdbc.queryForList("select field || '=' || field_value from case_record where case_reference = 'DIS-1'"
        + " and step = 'Task_RecordTribunalDecision'", String.class))
        .containsExactlyInAnyOrder("tribunalOutcome=orderToAssess", "tribunalDecisionDate=" + TODAY);
  }

  @Test
  void aDisagreementWithAnIssuedPlanIsRecordedOnceAndBadInputIsRefused() throws Exception {
    HttpCalls http = new HttpCalls(port);
    String path = "/api/cases/DEMO-PLAN-02/disagreements";
    Map<String, String> body = new LinkedHashMap<>(Map.of("decision", "PLAN_CONTENTS", "decisionNotifiedOn",
        TODAY.minusWeeks(3).toString(), "disagreement", "appeal", "disagreementDate", TODAY.toString()));
    Map<String, String> badDate = new LinkedHashMap<>(body);
    badDate.put("decisionNotifiedOn", "2026-02-30");
    HttpResponse<String> refused = http.basic("coordinator", "POST", path, JSON.writeValueAsString(badDate));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("decisionNotifiedOn");
    Map<String, String> unknown = new LinkedHashMap<>(body);
    unknown.put("decision", "SOMETHING");
    assertThat(http.basic("coordinator", "POST", path, JSON.writeValueAsString(unknown)).body())
        .contains("decision 'SOMETHING' is not one of");
    assertThat(http.basic("coordinator", "POST", "/api/cases/NO-SUCH-CASE/disagreements",
        JSON.writeValueAsString(body)).statusCode()).isEqualTo(404);
    assertThat(http.basic("panel", "POST", path, JSON.writeValueAsString(body)).statusCode()).isEqualTo(403);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("DEMO-PLAN-02").processDefinitionKey(
        "ehc-disagreement").count()).as("nothing started by a refused request").isZero();

    HttpResponse<String> created = http.basic("coordinator", "POST", path, JSON.writeValueAsString(body));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"decision\":\"PLAN_CONTENTS\"").contains("Task_RecordTribunalDecision");
    HttpResponse<String> again = http.basic("coordinator", "POST", path, JSON.writeValueAsString(body));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("already in dispute");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("DEMO-PLAN-02").processDefinitionKey(
        "ehc-disagreement").count()).isOne();

    Task decision = await(tasks, "DEMO-PLAN-02", "Task_RecordTribunalDecision");
    assertThat(submit(http, decision, Map.of("tribunalOutcome", "orderToNameSchool", "tribunalDecisionDate",
        TODAY.toString())).statusCode()).isEqualTo(204);
    Task amend = await(tasks, "DEMO-PLAN-02", "Task_AmendPlanAsOrdered");
    assertThat(dueDay(amend)).as("reg 44(2)(f): an order only to name a school, 2 weeks").isEqualTo(TODAY.plusWeeks(2));
    assertThat(tasks.getVariable(amend.getId(), "namedSetting")).as("the setting the plan names today").isNotNull();
    assertThat(ledgerDue("DEMO-PLAN-02", TimeLimit.ORDER_TO_NAME_SCHOOL)).containsExactly(TODAY.plusWeeks(2));
    assertThat(ledgerDue("DEMO-PLAN-02", TimeLimit.ORDER_TO_AMEND)).isEmpty();
  }

  private static HttpResponse<String> submit(HttpCalls http, Task task, Map<String, Object> values) throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    // A reminder due at once may fire in the job executor while the form is submitted: the engine refuses one of
    // the two (optimistic locking, answered 500), and the officer would simply press Complete again.
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> answer = http.basic("coordinator", "POST", "/engine-rest/task/" + task.getId()
          + "/submit-form", JSON.writeValueAsString(Map.of("variables", variables)));
      if (answer.statusCode() != 500 || attempt == 5) {
        return answer;
      }
      Thread.sleep(300);
    }
  }

  private static LocalDate dueDay(Task task) {
    return task.getDueDate().toInstant().atZone(ZoneId.of("Europe/London")).toLocalDate();
  }

  private List<LocalDate> ledgerDue(String caseReference, TimeLimit limit) {
    return jdbc.queryForList("select due_date from deadline_ledger where case_reference = ? and time_limit = ?",
        java.sql.Date.class, caseReference, limit.name()).stream().map(java.sql.Date::toLocalDate).toList();
  }
}
