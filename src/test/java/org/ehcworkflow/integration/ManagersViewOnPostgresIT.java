package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * The managers' view on real PostgreSQL: the engine keeps the deadline ledger as cases run; the Cockpit plugin's
 * script is served at its plugin path; its resource answers a manager signed in to Cockpit and refuses others; the
 * same figures are in the project's API for managers only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ehc.demo.enabled=true", "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500"})
class ManagersViewOnPostgresIT {

  static final String RESOURCE = "/camunda/api/cockpit/plugin/statutory-deadlines/default/timeliness";

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theEngineKeepsTheLedgerOfEveryDeadlineAStepRunsUnder() {
    String received = LocalDate.now(ZoneId.of("Europe/London")).minusDays(38).toString();
    ResponseEntity<Map> opened = rest.withBasicAuth("coordinator", "coordinator").postForEntity("/api/cases",
        Map.of("requestReceivedDate", received, "requesterType", "PARENT", "caseReference", "IT-LEDGER-1"), Map.class);
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    List<Map<String, Object>> rows = jdbc.queryForList(
        "select time_limit, due_date, completed_on from deadline_ledger where case_reference = 'IT-LEDGER-1'");
    assertThat(rows).extracting(r -> r.get("time_limit")).contains("DECISION_TO_ASSESS", "FINAL_PLAN");
    assertThat(rows).allSatisfy(r -> assertThat(r.get("completed_on")).isNull());

    ResponseEntity<Map> report = rest.withBasicAuth("manager", "manager").getForEntity("/api/timeliness", Map.class);
    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> open = (List<Map<String, Object>>) report.getBody().get("open");
    assertThat(open).filteredOn(o -> o.get("timeLimit").equals("DECISION_TO_ASSESS")).singleElement()
        .satisfies(o -> assertThat((List<Map<String, Object>>) o.get("dueSoonCases"))
            .anySatisfy(c -> assertThat(c.get("caseReference")).isEqualTo("IT-LEDGER-1")));

    assertThat(rest.withBasicAuth("coordinator", "coordinator").getForEntity("/api/timeliness", Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("health", "health").getForEntity("/api/timeliness", Map.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("manager", "manager").getForEntity("/api/timeliness?from=2026-02-30", Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theCockpitPluginIsServedAndItsResourceAnswersManagersOnly() {
    ResponseEntity<String> script = rest.getForEntity(
        "/camunda/api/cockpit/plugin/statutory-deadlines/static/app/plugin.js", String.class);
    assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(script.getBody()).contains("cockpit.dashboard").contains("Statutory deadlines");

    HttpHeaders manager = signInToCockpit("manager");
    ResponseEntity<Map> figures = rest.exchange(RESOURCE, HttpMethod.GET, new HttpEntity<>(manager), Map.class);
    assertThat(figures.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(figures.getBody()).containsKeys("asOf", "open", "rates");

    HttpHeaders coordinator = signInToCockpit("coordinator");
    assertThat(rest.exchange(RESOURCE, HttpMethod.GET, new HttpEntity<>(coordinator), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.exchange(RESOURCE, HttpMethod.GET, new HttpEntity<>(new HttpHeaders()), String.class)
        .getStatusCode().is2xxSuccessful()).as("anonymous").isFalse();
    assertThat(login("health").getStatusCode().is2xxSuccessful()).as("partners have no Cockpit").isFalse();
  }

  @Test
  void aTasklistSessionOpensThePlanEditorsApiAndChangesNeedItsCsrfToken() {
    HttpHeaders session = signIn("coordinator", "tasklist");
    // As in the browser: Tasklist's next request gives the signed-in session its CSRF token.
    rest.exchange("/camunda/api/engine/engine/", HttpMethod.GET, new HttpEntity<>(session), String.class);
    ResponseEntity<List> sections = rest.exchange("/api/plans/DEMO-0001/sections", HttpMethod.GET,
        new HttpEntity<>(session), List.class);
    assertThat(sections.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(sections.getBody()).hasSize(12);

    HttpHeaders json = new HttpHeaders(session);
    json.setContentType(MediaType.APPLICATION_JSON);
    String body = "{\"text\": \"Wants to be a vet\"}";
    assertThat(rest.exchange("/api/plans/DEMO-0001/sections/A", HttpMethod.PUT, new HttpEntity<>(body, json),
        String.class).getStatusCode()).as("no CSRF token").isEqualTo(HttpStatus.UNAUTHORIZED);
    Map<?, ?> token = rest.exchange("/api/session/csrf-token", HttpMethod.GET, new HttpEntity<>(session), Map.class)
        .getBody();
    json.set("X-XSRF-TOKEN", (String) token.get("token"));
    assertThat(rest.exchange("/api/plans/DEMO-0001/sections/A", HttpMethod.PUT, new HttpEntity<>(body, json),
        Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(session), String.class)
        .getStatusCode()).as("the engine REST API never takes a session").isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  /** Signs in to Cockpit as the webapp does: a session cookie and the CSRF token from a first page load. */
  private HttpHeaders signInToCockpit(String user) {
    return signIn(user, "cockpit");
  }

  private HttpHeaders signIn(String user, String app) {
    ResponseEntity<Map> login = login(user, app);
    assertThat(login.getStatusCode()).as("login of " + user).isEqualTo(HttpStatus.OK);
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    headers.put(HttpHeaders.COOKIE, login.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
        .map(cookie -> cookie.split(";", 2)[0]).toList());
    return headers;
  }

  private ResponseEntity<Map> login(String user) {
    return login(user, "cockpit");
  }

  private ResponseEntity<Map> login(String user, String app) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
    List<String> cookies = page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
        .map(cookie -> cookie.split(";", 2)[0]).toList();
    String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11)).findFirst()
        .orElse("");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.put(HttpHeaders.COOKIE, cookies);
    headers.set("X-XSRF-TOKEN", token);
    ResponseEntity<Map> login = rest.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
        new HttpEntity<>("username=" + user + "&password=" + user, headers), Map.class);
    if (login.getHeaders().get(HttpHeaders.SET_COOKIE) == null) {
      HttpHeaders withCookies = new HttpHeaders(login.getHeaders());
      withCookies.put(HttpHeaders.SET_COOKIE, cookies);
      return new ResponseEntity<>(login.getBody(), withCookies, login.getStatusCode());
    }
    return login;
  }
}
