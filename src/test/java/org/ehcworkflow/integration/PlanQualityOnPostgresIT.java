package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The plan quality rules at work on PostgreSQL: an officer writes a draft that names a school, the editor's check
 * shows the blocking finding, serving the draft asks for a reason, the issued draft is graded with its team and
 * setting, and managers read the grades through the API and the Cockpit "Plan quality" panel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"ehc.demo.enabled=true",
    "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=500"})
class PlanQualityOnPostgresIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aDraftNamingASchoolIsFlaggedServedOnlyWithAReasonAndGradedForManagers() throws Exception {
    Group team = identity.newGroup("northteam");
    team.setName("North team");
    team.setType("TEAM");
    identity.saveGroup(team);
    identity.createMembership("coordinator", "northteam");

    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    Map<String, Object> variables = new HashMap<>(Map.of("requestReceivedDate", today.minusWeeks(14).toString(),
        "requesterType", "PARENT", "issueDecision", "issue", "decisionReason", "needs"));
    String instance = runtime.createProcessInstanceByKey("ehc-needs-assessment").businessKey("QUAL-1")
        .setVariables(variables).startBeforeActivity("Task_DraftPlan").execute().getId();
    Task draft = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_DraftPlan").singleResult();

    write("A", "I like trains. My dad says I learn best somewhere quiet.");
    write("B", "- Communication and interaction: finds spoken instructions hard to follow");
    write("E", "- Communication and interaction: will ask for help with a visual card by July 2027");
    write("F", "- Communication and interaction: 30 minutes of speech and language therapy each week, delivered "
        + "by a speech and language therapist");
    write("I", "Oak Primary School");

    JsonNode check = JSON.readTree(send("coordinator", "GET", "/api/plans/QUAL-1/quality", null).body());
    assertThat(check.path("assessment").path("findings")).singleElement().satisfies(f -> {
      assertThat(f.get("rule").asText()).isEqualTo("draft-names-no-setting");
      assertThat(f.get("section").asText()).isEqualTo("I");
      assertThat(f.get("blocking").asBoolean()).isTrue();
      assertThat(f.get("source").asText()).contains("s38");
    });
    assertThat(send("coordinator", "GET", "/api/plans/QUAL-1/quality?stage=later", null).statusCode()).isEqualTo(400);
    assertThat(send("health", "GET", "/api/plans/QUAL-1/quality", null).statusCode()).isEqualTo(403);

    HttpResponse<String> refused = send("coordinator", "POST", "/engine-rest/task/" + draft.getId() + "/complete",
        "{\"variables\": {}}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("qualityOverrideReason").contains("names no school or other institution");
    assertThat(tasks.createTaskQuery().taskId(draft.getId()).count()).isEqualTo(1);

    HttpResponse<String> served = send("coordinator", "POST", "/engine-rest/task/" + draft.getId() + "/complete",
        "{\"variables\": {\"qualityOverrideReason\": {\"value\": \"The family asked us to show the school they want\","
            + " \"type\": \"String\"}}}");
    assertThat(served.statusCode()).as(served.body()).isEqualTo(204);
    JsonNode caseView = JSON.readTree(send("coordinator", "GET", "/api/cases/QUAL-1", null).body());
    assertThat(caseView.path("record").toString()).contains("qualityOverrideReason")
        .contains("draft-names-no-setting:I");

    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (jdbc.queryForObject("select count(*) from plan_version_quality where case_reference = 'QUAL-1'",
        Integer.class) == 0) {
      assertThat(Instant.now()).as("the draft is issued and graded").isBefore(deadline);
      Thread.sleep(250);
    }
    Map<String, Object> grade = jdbc.queryForMap("select * from plan_version_quality where case_reference = 'QUAL-1'");
    assertThat(grade).containsEntry("stage", "DRAFT").containsEntry("grade", "A").containsEntry("score", 96)
        .containsEntry("team", "North team")
        .containsEntry("findings", "draft-names-no-setting:I:blocking");
    assertThat(((Number) grade.get("blocking")).intValue()).isEqualTo(1);

    JsonNode report = JSON.readTree(send("manager", "GET", "/api/quality", null).body());
    assertThat(report.path("overall").path("byGrade").path("A").asInt()).isEqualTo(1);
    assertThat(report.path("overall").path("plansByGrade").path("A").get(0).path("caseReference").asText())
        .isEqualTo("QUAL-1");
    assertThat(report.path("byTeam").get(0).path("group").asText()).isEqualTo("North team");
    assertThat(report.path("findingsByRule").path("draft-names-no-setting").asInt()).isEqualTo(1);
    assertThat(send("coordinator", "GET", "/api/quality", null).statusCode()).isEqualTo(403);

    Map<String, String> manager = signIn("manager", "cockpit");
    HttpResponse<String> panel = http.send(request("/camunda/api/cockpit/plugin/plan-quality/default/grades", manager)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(panel.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(panel.body()).path("overall").path("plans").asInt()).isEqualTo(1);
    Map<String, String> coordinator = signIn("coordinator", "cockpit");
    assertThat(http.send(request("/camunda/api/cockpit/plugin/plan-quality/default/grades", coordinator).GET()
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    HttpResponse<String> script = http.send(request("/camunda/api/cockpit/plugin/plan-quality/static/app/plugin.js",
        manager).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("Plan quality");
  }

  private void write(String section, String text) throws Exception {
    HttpResponse<String> answer = send("coordinator", "PUT", "/api/plans/QUAL-1/sections/" + section,
        JSON.writeValueAsString(Map.of("text", text)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
    return new HttpCalls(port).basic(user, method, path, body);
  }

  private HttpRequest.Builder request(String path, Map<String, String> cookies) {
    return new HttpCalls(port).inSession(path, cookies);
  }

  private Map<String, String> signIn(String user, String app) throws Exception {
    return new HttpCalls(port).signIn(user, app);
  }
}
