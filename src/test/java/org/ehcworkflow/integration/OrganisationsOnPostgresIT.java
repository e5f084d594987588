package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each school sees only its own children, and partners use the engine only for their tasks: tried with the demo
 * SENCOs of Oak Primary ({@code senco}, URN 100001) and Elm Secondary ({@code sencoelm}, 100002) and the partner
 * teams, through the engine REST API, the project's API and the webapps' engine API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ehc.demo.enabled=true", "camunda.bpm.job-execution.enabled=false"})
class OrganisationsOnPostgresIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PARTNERS = List.of("senco", "sencoelm", "health", "psychologist", "socialcare");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  private final HttpClient http = HttpClient.newHttpClient();
  private Task oakReport;
  private Task elmReport;

  @BeforeAll
  void reviewReportsAreDueAtBothSchools() {
    oakReport = reviewReportOf("DEMO-PLAN-01");
    elmReport = reviewReportOf("DEMO-PLAN-02");
  }

  private Task reviewReportOf(String caseReference) {
    String instance = ReviewsAt.start(runtime, caseReference, "Task_SubmitReviewReport", false, Map.of());
    return tasks.createTaskQuery().processInstanceId(instance).singleResult();
  }

  @Test
  void eachSettingHasItsOwnGroupAndTheReviewReportGoesToThePlansSettingAlone() {
    assertThat(identity.createGroupQuery().groupId("setting100001").singleResult().getName())
        .isEqualTo("Oak Primary School");
    assertThat(identity.createUserQuery().memberOfGroup("setting100001").list()).extracting(u -> u.getId())
        .containsExactly("senco");
    assertThat(tasks.getIdentityLinksForTask(oakReport.getId())).extracting(l -> l.getGroupId())
        .containsExactlyInAnyOrder("setting100001", "coordinators");
    assertThat(tasks.getIdentityLinksForTask(elmReport.getId())).extracting(l -> l.getGroupId())
        .containsExactlyInAnyOrder("setting100002", "coordinators");
  }

  @Test
  void aSencoSeesAndWorksOnlyTheirOwnSchoolsChildren() throws Exception {
    assertThat(taskIds("senco", "/engine-rest/task")).contains(oakReport.getId()).doesNotContain(elmReport.getId());
    assertThat(taskIds("sencoelm", "/engine-rest/task")).contains(elmReport.getId()).doesNotContain(oakReport.getId());
    assertThat(get("senco", "/engine-rest/task/" + elmReport.getId()).statusCode()).isIn(403, 404);
    assertThat(get("senco", "/engine-rest/task/" + elmReport.getId() + "/variables").statusCode()).isIn(403, 404);
    HttpResponse<String> complete = send("senco", "POST", "/engine-rest/task/" + elmReport.getId() + "/complete",
        "{\"variables\": {}}");
    assertThat(complete.statusCode()).isIn(403, 404);
    assertThat(tasks.createTaskQuery().taskId(elmReport.getId()).count()).as("Elm's task still open").isEqualTo(1);

    assertThat(get("senco", "/api/plans/DEMO-PLAN-01/sections").statusCode()).as("own child's plan").isEqualTo(200);
    assertThat(get("senco", "/api/plans/DEMO-PLAN-02/sections").statusCode()).as("another school's child")
        .isEqualTo(403);
    assertThat(get("sencoelm", "/api/plans/DEMO-PLAN-01/sections").statusCode()).isEqualTo(403);
    assertThat(get("senco", "/api/cases/DEMO-PLAN-02/documents").statusCode()).isEqualTo(403);
    assertThat(get("senco", "/api/plans/DEMO-PLAN-02").statusCode()).isEqualTo(403);

    Map<String, String> session = signInToTasklist("senco");
    HttpResponse<String> webappTasks = http.send(request("/camunda/api/engine/engine/default/task", session)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(webappTasks.statusCode()).isEqualTo(200);
    assertThat(webappTasks.body()).contains(oakReport.getId()).doesNotContain(elmReport.getId());
  }

  @Test
  void partnersGetNothingOfTheEnginesOperationThroughEitherApi() throws Exception {
    List<String> staffOnly = List.of("/engine-rest/job", "/engine-rest/job-definition", "/engine-rest/history/job-log",
        "/engine-rest/metrics/activity-instance-start/sum", "/engine-rest/process-definition/statistics",
        "/engine-rest/history/cleanup/jobs", "/engine-rest/incident", "/engine-rest/batch",
        "/engine-rest/process-instance", "/engine-rest/execution", "/engine-rest/deployment",
        "/engine-rest/history/process-instance", "/engine-rest/authorization");
    for (String partner : PARTNERS) {
      for (String path : staffOnly) {
        HttpResponse<String> answer = get(partner, path);
        assertThat(answer.statusCode()).as("%s %s", partner, path).isEqualTo(403);
        assertThat(answer.body()).contains("partners work their own tasks only");
      }
      assertThat(get(partner, "/engine-rest/task").statusCode()).as("%s lists their tasks", partner).isEqualTo(200);
      assertThat(get(partner, "/engine-rest/filter").statusCode()).isEqualTo(200);
    }
    assertThat(get("coordinator", "/engine-rest/job").statusCode()).as("staff keep the engine's API").isEqualTo(200);
    assertThat(get("manager", "/engine-rest/process-definition/statistics").statusCode()).isEqualTo(200);

    Map<String, String> session = signInToTasklist("health");
    for (String path : List.of("/job", "/job-definition", "/history/job-log", "/metrics/activity-instance-start/sum",
        "/process-definition/statistics", "/history/cleanup/jobs")) {
      HttpResponse<String> answer = http.send(request("/camunda/api/engine/engine/default" + path, session).GET()
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as("Tasklist session %s", path).isEqualTo(403);
    }
    assertThat(http.send(request("/camunda/api/engine/engine/default/task", session).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  void eachSchoolsReviewTrayShowsItsOwnChildrenWithWhatIsAskedOfIt() throws Exception {
    JsonNode oak = JSON.readTree(get("senco", "/api/schools/reviews").body());
    List<String> oakCases = new java.util.ArrayList<>();
    oak.get("reviews").forEach(r -> oakCases.add(r.get("caseReference").asText()));
    assertThat(oakCases).contains("DEMO-PLAN-01").doesNotContain("DEMO-PLAN-02", "DEMO-PLAN-04");
    JsonNode plan01 = java.util.stream.StreamSupport.stream(oak.get("reviews").spliterator(), false)
        .filter(r -> r.get("caseReference").asText().equals("DEMO-PLAN-01")).findFirst().orElseThrow();
    assertThat(plan01.get("setting").asText()).isEqualTo("Oak Primary School");
    assertThat(plan01.get("openSteps").toString()).contains("REVIEW_REPORT");
    assertThat(plan01.get("yourTasks").toString()).contains(oakReport.getId()).contains("#/?task=")
        .doesNotContain(elmReport.getId());

    JsonNode elm = JSON.readTree(get("sencoelm", "/api/schools/reviews").body());
    assertThat(elm.get("reviews").toString()).contains("DEMO-PLAN-02").doesNotContain("DEMO-PLAN-01")
        .contains(elmReport.getId());
    assertThat(get("health", "/api/schools/reviews").statusCode()).as("no setting").isEqualTo(403);
    assertThat(get("coordinator", "/api/schools/reviews").statusCode()).isEqualTo(403);
    assertThat(calls().anonymous(java.net.http.HttpRequest.newBuilder(calls().uri("/school-reviews.html")).GET())
        .statusCode()).isEqualTo(200);
  }

  private List<String> taskIds(String user, String path) throws Exception {
    HttpResponse<String> answer = get(user, path + "?maxResults=500");
    assertThat(answer.statusCode()).isEqualTo(200);
    List<String> ids = new java.util.ArrayList<>();
    JSON.readTree(answer.body()).forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return calls().get(user, path);
  }

  private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
    return calls().basic(user, method, path, body);
  }

  private HttpRequest.Builder request(String path, Map<String, String> cookies) {
    return calls().inSession(path, cookies);
  }

  private Map<String, String> signInToTasklist(String user) throws Exception {
    return calls().signIn(user, "tasklist");
  }

  private HttpCalls calls() {
    return new HttpCalls(port);
  }
}
