package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.ehcworkflow.respond.ResponseLinks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A health practitioner without an account answers an advice request through the secure link in its notice: the
 * link opens that request alone; bad input gets a clear page and changes nothing; the advice and its PDF are kept
 * with a checksum and the advice task is completed; a used, expired or tampered link says so and changes nothing.
 * A requested school replies to its consultation the same way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"ehc.demo.enabled=true",
    "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=500"})
class RespondByLinkOnPostgresIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired ResponseLinks links;

  private final HttpClient http = HttpClient.newHttpClient();

  /** Opens a case asking health for advice and returns the link its advice request carries. */
  static String adviceLink(TestRestTemplate rest, TaskService tasks, IdentityService identity, JdbcTemplate jdbc,
      String caseReference) throws Exception {
    String received = LocalDate.now(ZoneId.of("Europe/London")).minusDays(10).toString();
    assertThat(rest.withBasicAuth("coordinator", "coordinator").postForEntity("/api/cases", Map.of(
        "requestReceivedDate", received, "requesterType", "PARENT", "caseReference", caseReference,
        "child", Map.of("givenName", "Robin", "familyName", "Testchild", "dateOfBirth", "2017-03-09")), Map.class)
        .getStatusCode().value()).isEqualTo(201);
    Task decision = tasks.createTaskQuery().processInstanceBusinessKey(caseReference)
        .taskDefinitionKey("Task_DecideWhetherToAssess").singleResult();
    identity.setAuthentication("panel", List.of("sendPanel"));
    try {
      tasks.complete(decision.getId(), Map.of("assessDecision", "assess", "decisionReason", "needs", "askHealth", true));
    } finally {
      identity.clearAuthentication();
    }
    return linkSent(jdbc, caseReference, "advice-request");
  }

  /** The secure link in the case's first notice with this template, once the job executor has sent it. */
  static String linkSent(JdbcTemplate jdbc, String caseReference, String template) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      List<String> notices = jdbc.queryForList("select personalisation from notification_outbox where case_reference = ? "
          + "and template = ?", String.class, caseReference, template);
      if (!notices.isEmpty()) {
        return JSON.readTree(notices.get(0)).get("responseLink").asText();
      }
      assertThat(Instant.now()).as("the %s notice is sent", template).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >>"
        + " endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void theHealthPractitionerSendsAdviceWithAPdfThroughTheLinkOnce() throws Exception {
    String link = adviceLink(rest, tasks, identity, jdbc, "LINK-1");
    String path = URI.create(link).getPath();
    assertThat(link).startsWith("http://localhost:8080/respond/");
    String token = path.substring("/respond/".length());
    assertThat(jdbc.queryForObject("select count(*) from response_link where token_hash = ?", Integer.class, token))
        .as("the token itself is never stored").isZero();

    HttpResponse<String> page = get(path);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Send your advice").contains("LINK-1").contains("health")
        .doesNotContain("Robin").doesNotContain("Testchild");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'none'");
    assertThat(page.headers().firstValue("Referrer-Policy").orElse("")).isEqualTo("no-referrer");

    String tampered = path.substring(0, path.length() - 2) + (path.endsWith("AA") ? "BB" : "AA");
    assertThat(get(tampered).statusCode()).isEqualTo(404);
    assertThat(get(tampered).body()).contains("This link is not recognised");
    assertThat(get("/respond/not-a-token").statusCode()).isEqualTo(404);

    HttpResponse<String> empty = post(path, "", null);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("There is a problem").contains("href=\"#advice\"")
        .contains("Write your advice, or attach it as a PDF").contains("<title>Error: ");
    HttpResponse<String> notPdf = post(path, "see attached", "GIF89a not a pdf".getBytes(StandardCharsets.US_ASCII));
    assertThat(notPdf.statusCode()).isEqualTo(400);
    assertThat(notPdf.body()).contains("The file must be a PDF").contains("see attached");
    byte[] huge = new byte[11 * 1024 * 1024];
    System.arraycopy(pdf(), 0, huge, 0, pdf().length);
    HttpResponse<String> tooBig = post(path, "big", huge);
    assertThat(tooBig.statusCode()).isEqualTo(400);
    assertThat(tooBig.body()).contains("The file must be smaller than 10 MB");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("LINK-1").taskDefinitionKey("Task_ProvideAdvice")
        .count()).as("nothing changed").isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from case_document where case_reference = 'LINK-1' "
        + "and document_type = 'ADVICE_RECEIVED'", Integer.class)).isZero();

    String text = "Speech therapy twice a week. <script>alert('x')</script>";
    HttpResponse<String> sent = post(path, text, pdf());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    String checksum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf()));
    assertThat(sent.body()).contains("Advice sent").contains(checksum).doesNotContain("<script>");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("LINK-1").taskDefinitionKey("Task_ProvideAdvice")
        .count()).as("the advice task is done").isZero();
    Map<String, Object> kept = jdbc.queryForMap("select checksum, created_by, content from case_document "
        + "where case_reference = 'LINK-1' and document_type = 'ADVICE_RECEIVED'");
    assertThat(kept).containsEntry("checksum", checksum).containsEntry("created_by", "link:HEALTH");
    assertThat((byte[]) kept.get("content")).isEqualTo(pdf());
    String summary = jdbc.queryForObject("select field_value from case_record where case_reference = 'LINK-1' "
        + "and field = 'adviceSummary'", String.class);
    assertThat(summary).contains("Speech therapy twice a week").contains(checksum);
    assertThat(jdbc.queryForList("select action from audit_event where case_reference = 'LINK-1' "
        + "and user_id = 'link:HEALTH'", String.class)).contains("VIEWED", "TASK_COMPLETED");

    assertThat(get(path).statusCode()).as("used").isEqualTo(409);
    assertThat(get(path).body()).contains("This request has been answered");
    assertThat(post(path, "again", null).statusCode()).isEqualTo(409);
    assertThat(jdbc.queryForObject("select count(*) from case_document where case_reference = 'LINK-1' "
        + "and document_type = 'ADVICE_RECEIVED'", Integer.class)).as("a second submission changes nothing").isEqualTo(1);

    String expired = links.issue("ADVICE", "LINK-1", "no-instance", "HEALTH", Instant.now().minusSeconds(60));
    assertThat(get("/respond/" + expired).statusCode()).isEqualTo(410);
    assertThat(get("/respond/" + expired).body()).contains("This link has expired");
  }

  @Test
  void theRequestedSchoolRepliesToItsConsultationThroughTheLink() throws Exception {
    String instance = runtime.createProcessInstanceByKey("ehc-plan-finalisation").businessKey("LINK-2")
        .setVariables(Map.of("caseReference", "LINK-2", "requestedSetting", "100001", "finalisationKind", "NEW_PLAN",
            "finalDue", LocalDate.now(ZoneId.of("Europe/London")).plusWeeks(6).toString(),
            "representationsDue", LocalDate.now(ZoneId.of("Europe/London")).plusDays(15).toString()))
        .startBeforeActivity("Task_ConsultSetting").execute().getId();
    String link = linkSent(jdbc, "LINK-2", "setting-consultation");
    String path = URI.create(link).getPath();
    HttpResponse<String> page = get(path);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Reply to the consultation").contains("Oak Primary School").contains("LINK-2");

    HttpResponse<String> noAnswer = post(path, "", null);
    assertThat(noAnswer.statusCode()).isEqualTo(400);
    assertThat(noAnswer.body()).contains("Say whether the school or college can be named").contains("href=\"#response\"");
    HttpResponse<String> noReasons = postReply(path, "declined", "");
    assertThat(noReasons.statusCode()).isEqualTo(400);
    assertThat(noReasons.body()).contains("Give your reasons");
    assertThat(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_RecordSettingResponse")
        .count()).as("nothing changed").isEqualTo(1);

    HttpResponse<String> replied = postReply(path, "declined", "We have no place in year 5 with the support needed.");
    assertThat(replied.statusCode()).as(replied.body()).isEqualTo(200);
    assertThat(replied.body()).contains("Reply sent");
    assertThat(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_RecordSettingResponse")
        .count()).isZero();
    assertThat(jdbc.queryForList("select field || '=' || field_value from case_record where case_reference = 'LINK-2'",
        String.class)).contains("settingResponse=declined",
        "settingResponseNotes=We have no place in year 5 with the support needed.");
    assertThat(get(path).statusCode()).isEqualTo(409);
  }

  /**
   * Starts an annual review of an onboarded demo plan at its review meeting's end (held two days ago), and returns
   * the link the setting's review-report request carries.
   */
  static String reviewReportLink(org.camunda.bpm.engine.RuntimeService runtime, JdbcTemplate jdbc, String caseReference,
      boolean preparingForAdulthood) throws Exception {
    ReviewsAt.start(runtime, caseReference, "Task_AskForReviewReport", preparingForAdulthood, Map.of("reviewReportDue",
        LocalDate.now(ZoneId.of("Europe/London")).plusDays(12).toString()));
    return linkSent(jdbc, caseReference, "review-report-request");
  }

  @Test
  void theSchoolSendsItsReviewReportThroughTheLinkAndTheReviewMovesOn() throws Exception {
    String path = URI.create(reviewReportLink(runtime, jdbc, "DEMO-PLAN-01", true)).getPath();
    assertThat(jdbc.queryForObject("select count(*) from notification_outbox where case_reference = 'DEMO-PLAN-01' "
        + "and template = 'review-report-request' and recipient_kind = 'PARTNER'", Integer.class))
        .as("sent to the setting").isEqualTo(1);
    HttpResponse<String> page = get(path);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Send the annual review report").contains("Oak Primary School")
        .contains("DEMO-PLAN-01").contains("Preparing for adulthood").contains("regulation 20(7)");

    String tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();
    HttpResponse<String> bad = postForm(path, Map.of("heldOn-day", tomorrow.substring(8), "heldOn-month",
        tomorrow.substring(5, 7), "heldOn-year", tomorrow.substring(0, 4), "advice", ""), null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("href=\"#heldOn-day\"").contains("must be today or in the past")
        .contains("href=\"#response\"").contains("Say what the meeting recommends")
        .contains("href=\"#adulthood\"").contains("href=\"#advice\"")
        .contains("value=\"" + tomorrow.substring(0, 4) + "\"");
    HttpResponse<String> notADate = postForm(path, Map.of("heldOn-day", "31", "heldOn-month", "2", "heldOn-year",
        "2027", "response", "amend", "advice", "summary", "adulthood", "yes"), null);
    assertThat(notADate.statusCode()).isEqualTo(400);
    assertThat(notADate.body()).contains("must be a real date").contains("value=\"amend\" checked");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("DEMO-PLAN-01")
        .taskDefinitionKey("Task_SubmitReviewReport").count()).as("nothing changed").isEqualTo(1);

    LocalDate held = LocalDate.now(ZoneId.of("Europe/London")).minusDays(2);
    HttpResponse<String> sent = postForm(path, Map.of("heldOn-day", String.valueOf(held.getDayOfMonth()),
        "heldOn-month", String.valueOf(held.getMonthValue()), "heldOn-year", String.valueOf(held.getYear()),
        "response", "amend", "adulthood", "yes", "advice", "Needs in section B have changed; amend F."), pdf());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(sent.body()).contains("Review report sent");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("DEMO-PLAN-01")
        .taskDefinitionKey("Task_SubmitReviewReport").count()).as("the report step is done").isZero();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("DEMO-PLAN-01")
        .taskDefinitionKey("Task_DecideAfterReview").count()).as("the review moves on to its decision").isEqualTo(1);
    assertThat(jdbc.queryForObject("select last_reviewed_on from ehc_plan where case_reference = 'DEMO-PLAN-01'",
        LocalDate.class)).isEqualTo(held);
    assertThat(jdbc.queryForList("select field || '=' || field_value from case_record where case_reference = "
        + "'DEMO-PLAN-01' and recorded_by = 'link:100001'", String.class))
        .contains("meetingHeldOn=" + held, "reviewRecommendation=amend", "preparingForAdulthoodCovered=true")
        .anyMatch(line -> line.startsWith("reportSummary=Needs in section B have changed"));
    assertThat(jdbc.queryForObject("select created_by from case_document where case_reference = 'DEMO-PLAN-01' "
        + "and document_type = 'REVIEW_REPORT_RECEIVED'", String.class)).isEqualTo("link:100001");
    assertThat(jdbc.queryForList("select action from audit_event where case_reference = 'DEMO-PLAN-01' "
        + "and user_id = 'link:100001'", String.class)).contains("VIEWED", "TASK_COMPLETED");
    assertThat(get(path).statusCode()).as("used").isEqualTo(409);
  }

  private HttpResponse<String> postReply(String path, String response, String reasons) throws Exception {
    return postForm(path, Map.of("response", response, "advice", reasons), null);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String advice, byte[] file) throws Exception {
    return postForm(path, Map.of("advice", advice), file);
  }

  /** Posts the page's form as a browser does (multipart), with a PDF in {@code file} when one is given. */
  private HttpResponse<String> postForm(String path, Map<String, String> fields, byte[] file) throws Exception {
    String boundary = "----ehc" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
          + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    if (file != null) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"advice.pdf\"\r\n"
          + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(file);
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }
}
