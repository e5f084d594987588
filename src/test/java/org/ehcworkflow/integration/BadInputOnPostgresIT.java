package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.document.PlanContent;
import org.ehcworkflow.document.PlanSection;
import org.ehcworkflow.testing.ProcessTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every user task of every model, every process start and the project's API, tried with bad input as a caller of the
 * engine REST API would (the route Tasklist and integrations take): each try must answer 4xx with a body whose message
 * names the field at fault, never a 500 or a truncated body, and must change nothing (the task and its variables, the
 * instances, the cases). The tries are data, {@code bad-input/tries.json}: a user task or a model without rows fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ehc.demo.enabled=true", "camunda.bpm.job-execution.enabled=false"})
class BadInputOnPostgresIT {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlanContent plans;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger tries = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger unchanged = new AtomicInteger();
  private final AtomicInteger cases = new AtomicInteger();

  private JsonNode table() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/bad-input/tries.json")) {
      return JSON.readTree(in);
    }
  }

  @Test
  void everyUserTaskAndEveryModelHasItsRows() throws IOException {
    JsonNode table = table();
    Set<String> covered = new TreeSet<>();
    table.get("tasks").forEach(row -> {
      covered.add(row.get("model").asText() + "/" + row.get("task").asText());
      assertThat(row.get("tries").isEmpty() ? row.path("inputs").asText("") : "tries")
          .as("%s has tries, or says why it takes no input", row.get("task").asText()).isNotBlank();
    });
    Set<String> startsCovered = new TreeSet<>();
    table.get("starts").forEach(row -> startsCovered.add(row.get("model").asText()));
    Set<String> userTasks = new TreeSet<>();
    Set<String> models = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        var model = Bpmn.readModelFromFile(file.toFile());
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
            .forEach(process -> {
              models.add(process.getId());
              model.getModelElementsByType(UserTask.class)
                  .forEach(task -> userTasks.add(process.getId() + "/" + task.getId()));
            });
      }
    }
    assertThat(covered).as("every user task of every model has bad-input rows").containsAll(userTasks);
    assertThat(startsCovered).as("every model's start has bad-input rows").containsAll(models);
  }

  @TestFactory
  Stream<DynamicTest> everyUserTaskRefusesBadInputAndChangesNothing() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode row : table().get("tasks")) {
      int index = 0;
      for (JsonNode attempt : row.get("tries")) {
        String route = index++ % 2 == 0 ? "complete" : "submit-form";
        tests.add(DynamicTest.dynamicTest(row.get("task").asText() + " " + route + " " + attempt.get("variables"),
            () -> tryTask(row, attempt, route)));
      }
    }
    return tests.stream();
  }

  private void tryTask(JsonNode row, JsonNode attempt, String route) throws Exception {
    Task task = taskAt(row);
    Map<String, Object> before = runtime.getVariables(task.getProcessInstanceId());
    Answer answer = send("POST", "/engine-rest/task/" + task.getId() + "/" + route,
        user(row, attempt), body(attempt));
    expectRefusal(attempt, answer);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isEqualTo(1);
    assertThat(runtime.getVariables(task.getProcessInstanceId())).as("no variable changed").isEqualTo(before);
    unchanged.incrementAndGet();
  }

  /** A new instance standing at the row's task, with the deadlines its timers read. */
  private Task taskAt(JsonNode row) {
    String model = row.get("model").asText();
    String businessKey = row.path("businessKey").asText("BAD-" + cases.incrementAndGet());
    Map<String, Object> variables = new HashMap<>();
    LocalDate today = LocalDate.now(LONDON);
    for (TimeLimit limit : TimeLimit.values()) {
      variables.put(limit.dueVariable(), today.plusDays(60).toString());
    }
    variables.putAll(Map.of("finalDue", today.plusDays(60).toString(), "transferDue", today.plusDays(60).toString(),
        "tribunalDecisionExpected", today.plusDays(60).toString(), "requestReceivedDate", today.minusDays(7).toString(),
        "requesterType", "PARENT", "caseReference", businessKey, "reviewKind", "ANNUAL", "preparingForAdulthood", false,
        "finalisationKind", "NEW_PLAN"));
    variables.put("requestedSetting", "");
    row.path("setup").fields().forEachRemaining(e -> variables.put(e.getKey(), value(e.getValue())));
    var start = runtime.createProcessInstanceByKey(model).businessKey(businessKey).setVariables(variables)
        .startBeforeActivity(row.get("task").asText());
    row.path("setupAtTask").fields().forEachRemaining(e -> start.setVariableLocal(e.getKey(), value(e.getValue())));
    ProcessInstance instance = start
        // A model whose start checks need a real case (ehc-disagreement) is stood at the task without them.
        .execute(row.path("skipStartListeners").asBoolean(false), false);
    row.path("planSections").fields().forEachRemaining(section -> plans.write(businessKey,
        PlanSection.valueOf(section.getKey()), section.getValue().asText(), "test"));
    // A step the panel decides is a call activity: its task belongs to the instance of ehc-panel-decision it called.
    return ProcessTestSupport.taskOf(runtime, tasks, instance.getId(), row.get("task").asText());
  }

  @TestFactory
  Stream<DynamicTest> everyProcessStartRefusesBadInputAndCreatesNothing() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode row : table().get("starts")) {
      for (JsonNode attempt : row.get("tries")) {
        tests.add(DynamicTest.dynamicTest(row.get("model").asText() + " " + attempt, () -> {
          String model = row.get("model").asText();
          long instances = runtime.createProcessInstanceQuery().processDefinitionKey(model).count();
          long opened = count("ehc_case");
          Answer answer = send("POST", "/engine-rest/process-definition/key/" + model + "/start", user(row, attempt),
              body(attempt));
          expectRefusal(attempt, answer);
          assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(model).count())
              .as("no instance started").isEqualTo(instances);
          assertThat(count("ehc_case")).as("no case opened").isEqualTo(opened);
          unchanged.incrementAndGet();
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void everyWriteRouteOfTheProjectsApiHasItsRows() throws IOException {
    List<String> rows = new ArrayList<>();
    table().get("api").forEach(row -> rows.add(row.get("method").asText() + " " + row.get("path").asText()));
    Set<String> routes = new TreeSet<>();
    Set<String> uncovered = new TreeSet<>();
    mappings.getHandlerMethods().keySet().forEach(route -> route.getMethodsCondition().getMethods().stream()
        .filter(method -> method != RequestMethod.GET && method != RequestMethod.HEAD)
        .forEach(method -> route.getPatternValues().stream().filter(path -> path.startsWith("/api/"))
            .forEach(path -> {
              routes.add(method + " " + path);
              Pattern concrete = Pattern.compile(method + " " + Arrays.stream(path.split("\\{[^}]+}", -1))
                  .map(Pattern::quote).collect(Collectors.joining("[^/]+")));
              if (rows.stream().noneMatch(row -> concrete.matcher(row).matches())) {
                uncovered.add(method + " " + path);
              }
            })));
    assertThat(routes).as("the project's write routes, as Spring maps them").contains("POST /api/cases",
        "PUT /api/plans/{caseReference}/sections/{section}");
    assertThat(uncovered).as("write routes of the project's API without bad-input rows").isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> theProjectApiRefusesBadInputAndChangesNothing() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode attempt : table().get("api")) {
      tests.add(DynamicTest.dynamicTest(attempt.get("method").asText() + " " + attempt.get("path").asText() + " "
          + attempt.get("body"), () -> {
            long opened = count("ehc_case");
            long instances = runtime.createProcessInstanceQuery().count();
            String recorded = recorded(attempt);
            Answer answer = send(attempt.get("method").asText(), attempt.get("path").asText(),
                attempt.get("user").asText(), attempt.path("contentType").asText("application/json"),
                attempt.has("text") ? attempt.get("text").asText() : resolve(attempt.path("body")).toString());
            expectRefusal(attempt, answer);
            assertThat(count("ehc_case")).as("no case opened").isEqualTo(opened);
            assertThat(runtime.createProcessInstanceQuery().count()).as("no instance changed").isEqualTo(instances);
            assertThat(recorded(attempt)).as("what the route records: %s", attempt.path("unchanged").asText())
                .isEqualTo(recorded);
            unchanged.incrementAndGet();
          }));
    }
    return tests.stream();
  }

  /** Tasklist's own route: the webapp's engine API answers a bad form with 400 and the message it shows. */
  @Test
  void tasklistShowsTheRefusalOfABadForm() throws Exception {
    Task task = taskAt(JSON.readTree("{\"model\": \"ehc-needs-assessment\", \"task\": \"Task_DecideWhetherToAssess\"}"));
    HttpCalls calls = new HttpCalls(port);
    Map<String, String> cookies = calls.signIn("panel", "tasklist");
    HttpResponse<String> submitted = calls.send(calls.inSession("/camunda/api/engine/engine/default/task/"
        + task.getId() + "/submit-form", cookies).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": {\"assessDecision\": {\"value\": \"ASSESS\"}}}")));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(400);
    assertThat(JSON.readTree(submitted.body()).get("message").asText()).contains("assessDecision");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

    HttpResponse<String> skipping = calls.send(calls.inSession(
            "/camunda/api/engine/engine/default/process-definition/key/ehc-needs-assessment/start", cookies)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"skipCustomListeners\": true, \"startInstructions\": "
            + "[{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_DraftPlan\"}]}")));
    assertThat(skipping.statusCode()).as("skipping listeners through the webapp").isEqualTo(403);
    assertThat(skipping.body()).contains("skipCustomListeners");
  }

  @AfterAll
  void figures() {
    System.out.printf("Bad input: %d tries, %d answered 4xx naming the field, %d changed nothing%n", tries.get(),
        refused.get(), unchanged.get());
  }

  private void expectRefusal(JsonNode attempt, Answer answer) throws IOException {
    tries.incrementAndGet();
    int status = attempt.path("status").asInt(400);
    assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
    assertThat(answer.declaredLength()).as("declared length").isIn(-1L, (long) answer.bytes());
    JsonNode body = JSON.readTree(answer.body());
    String message = body.hasNonNull("message") ? body.get("message").asText() : body.path("detail").asText();
    assertThat(message).as("the message names the field").contains(attempt.get("field").asText());
    refused.incrementAndGet();
  }

  private record Answer(int status, String body, long declaredLength, int bytes) {
  }

  /** What the row's {@code unchanged} query reads from the tables its route writes, if it names one. */
  private String recorded(JsonNode attempt) {
    return attempt.has("unchanged") ? jdbc.queryForObject(attempt.get("unchanged").asText(), String.class) : "";
  }

  private Answer send(String method, String path, String user, String body) throws Exception {
    return send(method, path, user, "application/json", body);
  }

  private Answer send(String method, String path, String user, String contentType, String body) throws Exception {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri(path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", contentType).header("Accept", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), declared,
        response.body().length);
  }

  private static String user(JsonNode row, JsonNode attempt) {
    return attempt.path("user").asText(row.path("user").asText("coordinator"));
  }

  /** The request body: the try's own fields, with its variables in the engine REST API's typed form. */
  private static String body(JsonNode attempt) {
    ObjectNode body = attempt.has("body") ? (ObjectNode) resolve(attempt.get("body")).deepCopy() : JSON.createObjectNode();
    ObjectNode variables = JSON.createObjectNode();
    attempt.path("variables").fields().forEachRemaining(e -> variables.set(e.getKey(), typed(resolve(e.getValue()))));
    if (attempt.has("variables")) {
      body.set("variables", variables);
    }
    return body.toString();
  }

  private static JsonNode typed(JsonNode value) {
    if (value.isObject() && value.has("type")) {
      return value;
    }
    ObjectNode typed = JSON.createObjectNode();
    typed.set("value", value);
    typed.put("type", value.isBoolean() ? "Boolean" : value.isInt() ? "Integer" : value.isLong() ? "Long"
        : value.isNumber() ? "Double" : "String");
    return typed;
  }

  /** {@code @today+N}, {@code @today-N} and {@code @repeat:x:N} in strings, anywhere in the node. */
  private static JsonNode resolve(JsonNode node) {
    if (node.isTextual()) {
      String text = node.asText();
      if (text.startsWith("@today")) {
        return JSON.getNodeFactory().textNode(LocalDate.now(LONDON).plusDays(Integer.parseInt(text.substring(6)
            .replace("+", ""))).toString());
      }
      if (text.startsWith("@repeat:")) {
        String[] parts = text.split(":");
        return JSON.getNodeFactory().textNode(parts[1].repeat(Integer.parseInt(parts[2])));
      }
      return node;
    }
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(e.getValue())));
      return copy;
    }
    if (node.isArray()) {
      var copy = JSON.createArrayNode();
      node.forEach(item -> copy.add(resolve(item)));
      return copy;
    }
    return node;
  }

  private static Object value(JsonNode node) {
    JsonNode resolved = resolve(node);
    return resolved.isBoolean() ? resolved.asBoolean() : resolved.isInt() ? resolved.asInt() : resolved.asText();
  }

  private long count(String table) {
    Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
    return count == null ? 0 : count;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
