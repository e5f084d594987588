package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The family's page over HTTP, with a real SMTP peer for the sign-in codes: a wrong, reused or expired code and
 * details that match no case get a clear page and sign nobody in; codes are rate limited; the signed-in family sees
 * its own case only (its coordinator, dates, decisions with appeal dates, its documents), comments on the draft
 * (completing the waiting step, script kept as text), later comments are recorded as late, and messages reach the
 * named coordinator. Managers reassign the coordinator; nobody else may.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"ehc.demo.enabled=true",
    "spring.mail.host=localhost", "spring.mail.port=3025", "ehc.notifications.dispatch.interval=PT1S",
    "ehc.family.show-code-on-screen=false", "ehc.respond.base-url=http://localhost",
    "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=500"})
class FamilyPageOnPostgresIT {

  static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
  static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  /** A browser: its own cookies, no redirects followed. */
  final class Family {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String token = "";

    HttpResponse<String> get(String path) throws Exception {
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .build(), HttpResponse.BodyHandlers.ofString());
      keepToken(page);
      assertThat(page.statusCode()).as("GET %s: %s", path, page.body()).isLessThan(500);
      return page;
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
      Map<String, String> fields = new LinkedHashMap<>(form);
      fields.putIfAbsent("formToken", token);
      String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
          StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
          .build(), HttpResponse.BodyHandlers.ofString());
      keepToken(page);
      assertThat(page.statusCode()).as("POST %s: %s", path, page.body()).isLessThan(500);
      return page;
    }

    private void keepToken(HttpResponse<String> page) {
      Matcher m = TOKEN.matcher(page.body());
      if (m.find()) {
        token = m.group(1);
      }
    }

    /** Asks for a code and returns the one that arrived by email. */
    String askForCode(String caseReference, String email) throws Exception {
      int before = codesTo(smtp, email);
      get("/family");
      HttpResponse<String> sent = post("/family/sign-in", Map.of("caseReference", caseReference, "email", email));
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
      return awaitCode(before, email);
    }

    HttpResponse<String> signIn(String caseReference, String email) throws Exception {
      String code = askForCode(caseReference, email);
      get("/family/code");
      HttpResponse<String> in = post("/family/code", Map.of("code", code));
      assertThat(in.statusCode()).as(in.body()).isEqualTo(303);
      assertThat(in.headers().firstValue("Location")).hasValue("/family/case");
      return get("/family/case");
    }
  }

  static String awaitCode(int before, String email) throws Exception {
    return awaitCode(smtp, before, email);
  }

  /**
   * The sign-in codes that reached that address so far. Counted per address: GreenMail lists its messages mailbox by
   * mailbox, not in the order they arrived, so a position in that list says nothing about what is new.
   */
  static int codesTo(GreenMailExtension smtp, String email) throws Exception {
    return codes(smtp, email).size();
  }

  /** Waits until more than {@code before} sign-in codes reached the address, and returns the newest. */
  static String awaitCode(GreenMailExtension smtp, int before, String email) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      List<String> codes = codes(smtp, email);
      if (codes.size() > before) {
        return codes.get(codes.size() - 1);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no new sign-in code reached " + email + " in 30 s (" + before + " before)");
  }

  /** The codes sent to the address, in the order its mailbox received them. */
  private static List<String> codes(GreenMailExtension smtp, String email) throws Exception {
    List<String> codes = new java.util.ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (message.getAllRecipients()[0].toString().equalsIgnoreCase(email)
          && message.getSubject().startsWith("Your sign-in code")) {
        Matcher m = CODE.matcher(GreenMailUtil.getBody(message));
        assertThat(m.find()).isTrue();
        codes.add(m.group(1));
      }
    }
    return codes;
  }

  /** Opens a case with the family's email and a named coordinator, and takes it to the family's 15 days. */
  static void caseAtRepresentations(TestRestTemplate rest, TaskService tasks, IdentityService identity,
      String caseReference, String email) throws Exception {
    String received = LocalDate.now(ZoneId.of("Europe/London")).minusWeeks(12).toString();
    Map<String, Object> child = new LinkedHashMap<>();
    child.put("givenName", "Robin");
    child.put("familyName", "Testchild");
    child.put("dateOfBirth", "2017-03-09");
    child.put("contactEmail", email);
    var opened = rest.withBasicAuth("coordinator", "coordinator").postForEntity("/api/cases", Map.of(
        "requestReceivedDate", received, "requesterType", "PARENT", "caseReference", caseReference,
        "currentSettingCode", "100001", "child", child), Map.class);
    assertThat(opened.getStatusCode().value()).as(String.valueOf(opened.getBody())).isEqualTo(201);
    complete(tasks, identity, caseReference, "Task_DecideWhetherToAssess", "panel", List.of("sendPanel"),
        Map.of("assessDecision", "assess", "decisionReason", "The school's evidence shows needs it cannot meet alone.",
            "askHealth", true));
    complete(tasks, identity, caseReference, "Task_ProvideAdvice", "health", List.of("health"),
        Map.of("adviceSummary", "Speech and language therapy"));
    complete(tasks, identity, caseReference, "Task_DecideWhetherToIssuePlan", "panel", List.of("sendPanel"),
        Map.of("issueDecision", "issue", "decisionReason", "needs"));
    complete(tasks, identity, caseReference, "Task_DraftPlan", "coordinator", List.of("coordinators"),
        Map.of("qualityOverrideReason", "test draft"));
    await(tasks, caseReference, "Task_RecordRepresentations");
  }

  static void complete(TaskService tasks, IdentityService identity, String caseReference, String activity,
      String user, List<String> groups, Map<String, Object> variables) throws Exception {
    // An overdue reminder timer may fire in the job executor while the task completes: the engine refuses one of
    // the two (optimistic locking), and the officer would simply press Complete again.
    for (int attempt = 1; ; attempt++) {
      Task task = await(tasks, caseReference, activity);
      identity.setAuthentication(user, groups);
      try {
        tasks.complete(task.getId(), variables);
        return;
      } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
        if (attempt == 5) {
          throw e;
        }
        Thread.sleep(300);
      } finally {
        identity.clearAuthentication();
      }
    }
  }

  static Task await(TaskService tasks, String caseReference, String activity) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(caseReference).taskDefinitionKey(activity)
          .list();
      if (!found.isEmpty()) {
        return found.get(0);
      }
      assertThat(Instant.now()).as("task %s of %s", activity, caseReference).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  @Test
  void aFamilySignsInWithACodeSeesItsOwnCaseAndCommentsOnTheDraft() throws Exception {
    caseAtRepresentations(rest, tasks, identity, "FAM-1", "parent.one@example.test");
    caseAtRepresentations(rest, tasks, identity, "FAM-2", "parent.two@example.test");
    assertThat(jdbc.queryForObject("select user_id from case_coordinator where case_reference = 'FAM-1'",
        String.class)).as("the coordinator who opened the case is named").isEqualTo("coordinator");

    // Not signed in: the case page sends you to sign in.
    Family stranger = new Family();
    assertThat(stranger.get("/family/case").statusCode()).isEqualTo(303);
    // Bad input: each field named; details matching no case get the same answer and no email.
    stranger.get("/family");
    HttpResponse<String> empty = stranger.post("/family/sign-in", Map.of("caseReference", "", "email", "not-an-email"));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("href=\"#caseReference\"").contains("Enter the case reference")
        .contains("Enter an email address in the correct format").contains("<title>Error: ");
    int mails = smtp.getReceivedMessages().length;
    HttpResponse<String> wrongEmail = stranger.post("/family/sign-in", Map.of("caseReference", "FAM-1",
        "email", "someone.else@example.test"));
    assertThat(wrongEmail.statusCode()).isEqualTo(303);
    HttpResponse<String> codePage = stranger.get("/family/code");
    assertThat(codePage.body()).contains("Check your email");
    assertThat(stranger.post("/family/code", Map.of("code", "123456")).body()).contains("The code is not right");
    assertThat(stranger.post("/family/code", Map.of("code", "12ab")).body()).contains("The code must be 6 numbers");
    assertThat(stranger.get("/family/case").statusCode()).isEqualTo(303);
    // A form without this session's token changes nothing.
    assertThat(stranger.post("/family/sign-in", Map.of("caseReference", "FAM-1", "email", "parent.one@example.test",
        "formToken", "forged")).statusCode()).isEqualTo(403);

    // The family: a wrong code counts, the right one signs in once.
    Family family = new Family();
    String code = family.askForCode("FAM-1", "Parent.One@example.test");
    family.get("/family/code");
    String wrong = code.equals("000000") ? "111111" : "000000";
    assertThat(family.post("/family/code", Map.of("code", wrong)).body()).contains("4 tries left");
    assertThat(family.post("/family/code", Map.of("code", code)).statusCode()).isEqualTo(303);
    HttpResponse<String> page = family.get("/family/case");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Robin's EHC case").contains("FAM-1")
        .contains("The draft EHC plan has been sent to you").contains("Casey (demo)")
        .contains("Comment on the draft plan").contains("Oak Primary School")
        .contains("The school&#39;s evidence shows needs it cannot meet alone.")
        .contains("Decision to carry out an EHC needs assessment").contains("Draft EHC plan")
        .contains("We must issue the final EHC plan").doesNotContain("FAM-2");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'none'");
    assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(jdbc.queryForObject("select count(*) from notification_outbox where idempotency_key like "
        + "'family-sign-in:%' and case_reference = 'FAM-1' and personalisation like '%" + code + "%'", Integer.class))
        .as("the used code's wording is gone from the outbox").isZero();

    // Its own documents only.
    long own = jdbc.queryForObject("select max(id) from case_document where case_reference = 'FAM-1'", Long.class);
    long other = jdbc.queryForObject("select max(id) from case_document where case_reference = 'FAM-2'", Long.class);
    assertThat(family.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/family/documents/"
        + own)).build(), HttpResponse.BodyHandlers.ofByteArray()).body()).startsWith("%PDF".getBytes());
    assertThat(family.get("/family/documents/" + other).statusCode()).isEqualTo(404);

    // The code cannot be used again, in another browser.
    Family replay = new Family();
    replay.get("/family");
    replay.post("/family/sign-in", Map.of("caseReference", "FAM-1", "email", "nobody@example.test"));
    assertThat(replay.post("/family/code", Map.of("code", code)).body()).contains("The code is not right");

    // Comments: nothing sent is refused and changes nothing; an unknown school is named.
    HttpResponse<String> nothing = family.post("/family/representations", Map.of("representations", " "));
    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(nothing.body()).contains("Write your comments, choose a school or college, or ask for a meeting");
    assertThat(family.post("/family/representations", Map.of("representations", "x", "requestedSetting", "999999"))
        .body()).contains("Choose a school or college from the list");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("FAM-1").taskDefinitionKey("Task_RecordRepresentations")
        .count()).isOne();
    HttpResponse<String> sent = family.post("/family/representations", Map.of("representations",
        "Section F should say who delivers the therapy. <script>alert(1)</script>", "requestedSetting", "100002",
        "meetingRequested", "yes"));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(sent.body()).contains("Comments sent");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("FAM-1").taskDefinitionKey("Task_RecordRepresentations")
        .count()).as("the waiting step is done").isZero();
    Map<String, String> recorded = jdbc.queryForList("select field, field_value, recorded_by from case_record where "
        + "case_reference = 'FAM-1' and step = 'Task_RecordRepresentations'").stream().collect(Collectors.toMap(
            r -> r.get("field").toString(), r -> r.get("field_value") + "|" + r.get("recorded_by")));
    assertThat(recorded).containsEntry("requestedSetting", "100002|family").containsEntry("meetingRequested", "true|family")
        .containsEntry("representations", "Section F should say who delivers the therapy. <script>alert(1)</script>|family")
        .doesNotContainKey("late");
    await(tasks, "FAM-1", "Task_RecordSettingResponse");
    HttpResponse<String> after = family.get("/family/case");
    assertThat(after.body()).contains("&lt;script&gt;").doesNotContain("<script>")
        .contains("keep them as late comments").as("later comments are still taken, as late");

    // Comments after the step: kept as late, the coordinator told.
    assertThat(family.post("/family/representations", Map.of("representations", "One more thing about section F."))
        .body()).contains("recorded them as late");
    assertThat(jdbc.queryForObject("select count(*) from case_record where case_reference = 'FAM-1' and "
        + "step = 'Family_LateRepresentations' and field = 'late' and field_value = 'true'", Integer.class)).isOne();

    // A message reaches the named coordinator by email, once.
    HttpResponse<String> blank = family.post("/family/messages", Map.of("message", ""));
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body()).contains("Write your message");
    assertThat(family.post("/family/messages", Map.of("message", "Can we meet next week?")).body())
        .contains("Message sent").contains("will reply");
    assertThat(family.post("/family/messages", Map.of("message", "Can we meet next week?")).body())
        .contains("You sent this message already today");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (java.util.Arrays.stream(smtp.getReceivedMessages()).noneMatch(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals("coordinator@example.org")
            && m.getSubject().contains("The family wrote to you: case FAM-1");
      } catch (Exception e) {
        return false;
      }
    })) {
      assertThat(Instant.now()).as("the coordinator's email").isBefore(deadline);
      Thread.sleep(200);
    }
    assertThat(family.get("/family/case").body()).contains("Can we meet next week?");

    // Every view and action is in the audit trail as the family's.
    assertThat(jdbc.queryForList("select detail from audit_event where user_id = 'family:FAM-1'", String.class))
        .contains("signed in with a one-time code", "family page viewed", "message to the coordinator sent")
        .anyMatch(d -> d.startsWith("representations on the draft plan sent online"))
        .anyMatch(d -> d.startsWith("document "));

    // Signed out: the page is gone.
    family.post("/family/sign-out", Map.of());
    assertThat(family.get("/family/case").statusCode()).isEqualTo(303);
    assertThat(smtp.getReceivedMessages().length).isGreaterThan(mails);
  }

  @Test
  void codesAreRateLimitedAndManagersAloneReassignTheCoordinator() throws Exception {
    caseAtRepresentations(rest, tasks, identity, "FAM-3", "parent.three@example.test");
    Family family = new Family();
    for (int i = 0; i < 3; i++) {
      family.askForCode("FAM-3", "parent.three@example.test");
    }
    family.get("/family");
    HttpResponse<String> fourth = family.post("/family/sign-in", Map.of("caseReference", "FAM-3",
        "email", "parent.three@example.test"));
    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(fourth.body()).contains("You have asked for too many codes");
    // An expired code says so.
    jdbc.update("update family_sign_in set expires_at = expires_at - interval '1 hour' where case_reference = 'FAM-3'");
    family.get("/family/code");
    assertThat(family.post("/family/code", Map.of("code", "123456")).body()).contains("This code no longer works");

    HttpCalls http = new HttpCalls(port);
    assertThat(http.basic("coordinator", "PUT", "/api/cases/FAM-3/coordinator", "{\"coordinator\": \"coordinator\"}")
        .statusCode()).isEqualTo(403);
    HttpResponse<String> planOwner = http.basic("manager", "PUT", "/api/cases/DEMO-PLAN-01/coordinator",
        "{\"coordinator\": \"coordinator\"}");
    assertThat(planOwner.statusCode()).as(planOwner.body()).isEqualTo(200);
    HttpResponse<String> notOne = http.basic("manager", "PUT", "/api/cases/FAM-3/coordinator",
        "{\"coordinator\": \"health\"}");
    assertThat(notOne.statusCode()).isEqualTo(400);
    assertThat(notOne.body()).contains("coordinator");
    assertThat(http.basic("manager", "PUT", "/api/cases/NO-SUCH-CASE/coordinator", "{\"coordinator\": \"coordinator\"}")
        .statusCode()).isEqualTo(404);
    assertThat(http.basic("manager", "PUT", "/api/cases/DEMO-PLAN-01/coordinator", "{\"coordinator\": \"coordinator\"}")
        .statusCode()).as("a plan onboarded from the register").isEqualTo(200);
    assertThat(http.get("manager", "/api/cases/FAM-3").body()).contains("\"coordinator\":\"coordinator\"");
  }

  @Test
  void afterARefusalTheFamilySeesItsRightsAndAsksForMediation() throws Exception {
    Map<String, Object> child = new LinkedHashMap<>();
    child.put("givenName", "Sky");
    child.put("contactEmail", "parent.four@example.test");
    assertThat(rest.withBasicAuth("coordinator", "coordinator").postForEntity("/api/cases", Map.of(
        "requestReceivedDate", LocalDate.now(ZoneId.of("Europe/London")).minusWeeks(5).toString(),
        "requesterType", "PARENT", "caseReference", "FAM-4", "child", child), Map.class).getStatusCode().value())
        .isEqualTo(201);
    complete(tasks, identity, "FAM-4", "Task_DecideWhetherToAssess", "panel", List.of("sendPanel"),
        Map.of("assessDecision", "doNotAssess", "decisionReason", "The school can meet the needs from its own resources."));
    await(tasks, "FAM-4", "Task_RecordDisagreement");
    Family family = new Family();
    HttpResponse<String> page = family.signIn("FAM-4", "parent.four@example.test");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    assertThat(page.body()).contains("Decision not to carry out an EHC needs assessment")
        .contains("The school can meet the needs from its own resources.")
        .contains("contact the mediation adviser by <strong>" + today.plusMonths(2).format(
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)))
        .contains("You can ask for mediation or appeal").contains("Do you want mediation about our decision?");
    HttpResponse<String> none = family.post("/family/mediation", Map.of("mediation", "maybe"));
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("Choose whether you want mediation");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("FAM-4").taskDefinitionKey("Task_RecordDisagreement")
        .count()).isOne();
    assertThat(family.post("/family/mediation", Map.of("mediation", "mediation")).body()).contains("you want mediation");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("FAM-4").taskDefinitionKey("Task_RecordDisagreement")
        .count()).isZero();
    assertThat(jdbc.queryForList("select field || '=' || field_value || '|' || recorded_by from case_record "
        + "where case_reference = 'FAM-4' and step = 'Task_RecordDisagreement'", String.class))
        .contains("disagreement=mediation|family", "disagreementDate=" + today + "|family");
    assertThat(family.post("/family/mediation", Map.of("mediation", "mediation")).statusCode())
        .as("a second answer changes nothing").isEqualTo(409);
    Task mediation = await(tasks, "FAM-4", "Task_HoldMediation");
    assertThat(mediation.getDueDate().toInstant().atZone(ZoneId.of("Europe/London")).toLocalDate())
        .as("mediation within 30 days of the family's request (reg 37)").isEqualTo(today.plusDays(30));
    assertThat(family.get("/family/case").body()).contains("You asked for mediation. We are arranging it")
        .contains("Mediation must take place by this day.").contains(today.plusDays(30).format(
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));
  }

  @Test
  void theFamilysViewsGoIntoSectionAAndIntoTheAnnualReview() throws Exception {
    Map<String, Object> child = new LinkedHashMap<>();
    child.put("contactEmail", "parent.five@example.test");
    assertThat(rest.withBasicAuth("coordinator", "coordinator").postForEntity("/api/cases", Map.of(
        "requestReceivedDate", LocalDate.now(ZoneId.of("Europe/London")).minusWeeks(3).toString(),
        "requesterType", "PARENT", "caseReference", "FAM-5", "child", child), Map.class).getStatusCode().value())
        .isEqualTo(201);
    complete(tasks, identity, "FAM-5", "Task_DecideWhetherToAssess", "panel", List.of("sendPanel"),
        Map.of("assessDecision", "assess", "decisionReason", "needs", "askHealth", true));
    await(tasks, "FAM-5", "Task_ProvideAdvice");
    Family family = new Family();
    HttpResponse<String> page = family.signIn("FAM-5", "parent.five@example.test");
    assertThat(page.body()).contains("Your views for the plan").contains("Your child&#39;s EHC case");
    assertThat(family.post("/family/views", Map.of("views", "  ")).body()).contains("Write your views");
    assertThat(family.post("/family/views", Map.of("views", "Loves trains; wants to go to the local school."))
        .body()).contains("section A of the plan");
    assertThat(jdbc.queryForObject("select content from plan_section where case_reference = 'FAM-5' and section = 'A'",
        String.class)).contains("The family's views, sent online on").contains("Loves trains");

    // A plan from the register, its review being prepared: the views are for the review.
    jdbc.update("update ehc_plan set contact_email = 'parent.plan@example.test' where case_reference = 'DEMO-PLAN-01'");
    Family planFamily = new Family();
    HttpResponse<String> planPage = planFamily.signIn("DEMO-PLAN-01", "parent.plan@example.test");
    assertThat(planPage.body()).contains("Your views for the annual review").contains("annual review");
    assertThat(planFamily.post("/family/views", Map.of("views", "Year 4 went well; reading is still hard.")).body())
        .contains("annual review meeting");
    assertThat(jdbc.queryForList("select field_value from case_record where case_reference = 'DEMO-PLAN-01' "
        + "and step = 'Family_ReviewViews' and recorded_by = 'family'", String.class))
        .containsExactly("Year 4 went well; reading is still hard.");
    assertThat(planFamily.get("/family/case").body()).contains("Year 4 went well");
  }
}
