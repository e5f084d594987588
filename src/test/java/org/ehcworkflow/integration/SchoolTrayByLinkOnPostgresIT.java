package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.ehcworkflow.respond.ResponseLinks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A school's staff without an account ask for their review tray by URN: the link goes to the school's own address
 * (received by a real SMTP server) and nowhere else, opens that school's children only, and lets them send a
 * review report that is due; a malformed URN is refused by name, an unknown one learns nothing, too many requests
 * are refused, and a tampered or expired link opens nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"ehc.demo.enabled=true",
    "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=500",
    "spring.mail.host=localhost", "spring.mail.port=3025", "ehc.notifications.dispatch.interval=PT1S"})
class SchoolTrayByLinkOnPostgresIT {

  private static final Pattern TRAY_LINK = Pattern.compile("https?://[^\\s]+/respond/school/([A-Za-z0-9_-]{43})");

  private static final String TRAY_SUBJECT = "Your school's annual reviews";

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ResponseLinks links;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void oakPrimaryAsksForItsTrayByEmailAndSendsAReportThatIsDue() throws Exception {
    ReviewsAt.start(runtime, "DEMO-PLAN-01", "Task_SubmitReviewReport", false, Map.of());
    assertThat(get("/respond/school").body()).contains("See your school&#39;s annual reviews");

    HttpResponse<String> empty = post("/respond/school", "urn=");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("href=\"#urn\"").contains("Enter your school&#39;s unique reference number");
    HttpResponse<String> malformed = post("/respond/school", "urn=" + enc("<script>1</script>"));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("letters, digits or").doesNotContain("<script>1");
    HttpResponse<String> unknown = post("/respond/school", "urn=999999");
    HttpResponse<String> asked = post("/respond/school", "urn=100001");
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(unknown.body().replace("999999", "")).as("a stranger learns nothing")
        .isEqualTo(asked.body().replace("100001", ""));
    assertThat(jdbc.queryForObject("select count(*) from response_link where asked = 'SCHOOL_TRAY'", Integer.class))
        .as("a link for the school in the directory only").isEqualTo(1);

    MimeMessage email = awaitEmail("senco@oak-primary.example.org");
    // Quoted-printable folds a long line: unfold it to read the link.
    Matcher link = TRAY_LINK.matcher(GreenMailUtil.getBody(email).replace("=\r\n", "").replace("=3D", "="));
    assertThat(link.find()).as("the email carries the tray link").isTrue();
    String path = "/respond/school/" + link.group(1);
    assertThat(java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith(TRAY_SUBJECT))
        .map(m -> recipient(m))).as("only the school is sent it").containsExactly("senco@oak-primary.example.org");

    HttpResponse<String> tray = get(path);
    assertThat(tray.statusCode()).isEqualTo(200);
    assertThat(tray.body()).contains("Oak Primary School").contains("data-case=\"DEMO-PLAN-01\"")
        .doesNotContain("DEMO-PLAN-02").contains("Send the review report");
    assertThat(tray.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'none'");
    assertThat(jdbc.queryForObject("select personalisation from notification_outbox where case_reference = "
        + "'URN-100001'", String.class)).as("the link's wording leaves the outbox once opened")
        .doesNotContain(link.group(1));
    assertThat(jdbc.queryForList("select case_reference from audit_event where user_id = 'link:100001' "
        + "and action = 'VIEWED'", String.class)).contains("DEMO-PLAN-01");

    HttpResponse<String> elm = post(path + "/report/DEMO-PLAN-02", "");
    assertThat(elm.statusCode()).as("another school's child").isEqualTo(409);
    HttpResponse<String> toReport = post(path + "/report/DEMO-PLAN-01", "");
    assertThat(toReport.statusCode()).isEqualTo(303);
    String reportPath = toReport.headers().firstValue("Location").orElseThrow();
    assertThat(reportPath).startsWith("/respond/");
    assertThat(get(reportPath).body()).contains("Send the annual review report").contains("DEMO-PLAN-01");

    String tampered = path.substring(0, path.length() - 2) + (path.endsWith("AA") ? "BB" : "AA");
    assertThat(get(tampered).statusCode()).isEqualTo(404);
    String expired = links.issue("SCHOOL_TRAY", "URN-100001", null, "100001", Instant.now().minusSeconds(60));
    assertThat(get("/respond/school/" + expired).statusCode()).isEqualTo(410);
    assertThat(post("/respond/school/" + expired + "/report/DEMO-PLAN-01", "").statusCode()).isEqualTo(410);

    // Two links to Oak in this hour so far (the one emailed, and the expired one above): one more may go.
    assertThat(post("/respond/school", "urn=100001").statusCode()).isEqualTo(200);
    HttpResponse<String> tooMany = post("/respond/school", "urn=100001");
    assertThat(tooMany.statusCode()).as("at most 3 links an hour to one school").isEqualTo(429);
  }

  private MimeMessage awaitEmail(String address) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      for (MimeMessage message : smtp.getReceivedMessages()) {
        if (message.getAllRecipients()[0].toString().equals(address) && message.getSubject().startsWith(TRAY_SUBJECT)) {
          return message;
        }
      }
      assertThat(Instant.now()).as("the tray link reaches the school").isBefore(deadline);
      Thread.sleep(200);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
