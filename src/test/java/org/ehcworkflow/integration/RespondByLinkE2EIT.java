package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.ehcworkflow.testing.NodeTools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In a real browser (Debian's chromium, playwright-core) on a phone-sized screen, with the keyboard only: a health
 * practitioner opens the secure link of an advice request, is told what is missing, types the advice, attaches a
 * PDF and sends it; a SENCO opens the school's review tray by the link emailed to the school and sends a review
 * report from it. axe-core finds no serious or critical WCAG 2.2 A/AA violation on any page. Screenshots under
 * {@code target/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"ehc.demo.enabled=true",
    "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=500"})
class RespondByLinkE2EIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired org.ehcworkflow.respond.SchoolTrayByLink trays;

  @Test
  void aHealthPractitionerSendsAdviceByLinkWithTheKeyboardOnAPhone() throws Exception {
    BrowserTests.prepare("respond-by-link.mjs");
    String link = RespondByLinkOnPostgresIT.adviceLink(rest, tasks, identity, jdbc, "LINK-E2E");
    String local = "http://localhost:" + port + URI.create(link).getPath();
    Path pdf = Files.write(Path.of("target/e2e/advice.pdf"), RespondByLinkOnPostgresIT.pdf());

    NodeTools.Result browser = NodeTools.run(BrowserTests.E2E, 180, Map.of("LINK", local, "PDF",
        pdf.toAbsolutePath().toString(), "SCREENSHOT_DIR", Path.of("target").toAbsolutePath().toString()),
        "node", "respond-by-link.mjs");
    assertThat(browser.exit()).as(browser.output()).isZero();
    JsonNode seen = new ObjectMapper().readTree(browser.json());
    System.out.println("Advice by link in the browser: " + seen);

    assertThat(seen.get("heading").asText()).isEqualTo("Send your advice");
    assertThat(seen.get("skipLinkFirst").asBoolean()).as("the skip link comes first").isTrue();
    assertThat(seen.get("errorTitle").asText()).startsWith("Error: ");
    assertThat(seen.get("errors").toString()).contains("Write your advice, or attach it as a PDF");
    assertThat(seen.get("reachedAdvice").asBoolean() && seen.get("reachedFile").asBoolean()
        && seen.get("reachedSend").asBoolean()).as("every field reached with Tab").isTrue();
    assertThat(seen.get("confirmation").asText()).isEqualTo("Advice sent");
    assertThat(seen.get("again").asText()).isEqualTo("This request has been answered");
    assertThat(seen.get("horizontalScroll").asBoolean()).as("fits a phone-sized screen").isFalse();
    seen.get("violations").fields().forEachRemaining(page -> assertThat(page.getValue())
        .as("serious or critical axe violations on the %s page", page.getKey()).isEmpty());

    assertThat(jdbc.queryForObject("select count(*) from case_document where case_reference = 'LINK-E2E' "
        + "and document_type = 'ADVICE_RECEIVED'", Integer.class)).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("LINK-E2E").taskDefinitionKey("Task_ProvideAdvice")
        .count()).isZero();
  }

  @Test
  void aSencoWithNoAccountOpensTheTrayByLinkAndSendsTheReviewReportWithTheKeyboardOnAPhone() throws Exception {
    BrowserTests.prepare("review-report-by-link.mjs");
    RespondByLinkOnPostgresIT.reviewReportLink(runtime, jdbc, "DEMO-PLAN-01", false);
    trays.request("100001");
    String tray = RespondByLinkOnPostgresIT.linkSent(jdbc, "URN-100001", "school-review-tray-link");
    String local = "http://localhost:" + port + URI.create(tray).getPath();
    Path pdf = Files.write(Path.of("target/e2e/review-report.pdf"), RespondByLinkOnPostgresIT.pdf());
    java.time.LocalDate held = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(2);

    NodeTools.Result browser = NodeTools.run(BrowserTests.E2E, 180, Map.of("TRAY", local, "CASE", "DEMO-PLAN-01",
        "PDF", pdf.toAbsolutePath().toString(), "HELD_ON", held.toString(), "SCREENSHOT_DIR",
        Path.of("target").toAbsolutePath().toString()), "node", "review-report-by-link.mjs");
    assertThat(browser.exit()).as(browser.output()).isZero();
    JsonNode seen = new ObjectMapper().readTree(browser.json());
    System.out.println("Review report by link in the browser: " + seen);

    assertThat(seen.get("trayHeading").asText()).isEqualTo("Your school's annual reviews");
    assertThat(seen.get("trayCases").toString()).contains("DEMO-PLAN-01").doesNotContain("DEMO-PLAN-02");
    assertThat(seen.get("trayScroll").asBoolean()).as("the tray fits a phone-sized screen").isFalse();
    assertThat(seen.get("reachedReport").asBoolean()).as("the tray's report button reached with Tab").isTrue();
    assertThat(seen.get("heading").asText()).isEqualTo("Send the annual review report");
    assertThat(seen.get("errors")).as("the error summary lists the problems in the form's order")
        .extracting(JsonNode::asText).containsExactly("Enter the day the meeting was held",
            "Say what the meeting recommends", "Write a summary of the report, or attach the report as a PDF");
    assertThat(seen.get("reachedDay").asBoolean() && seen.get("reachedRecommendation").asBoolean()
        && seen.get("reachedSummary").asBoolean() && seen.get("reachedFile").asBoolean()
        && seen.get("reachedSend").asBoolean()).as("every field reached with Tab").isTrue();
    assertThat(seen.get("chosen").asText()).as("the arrow key chose the second recommendation").isEqualTo("amend");
    assertThat(seen.get("confirmation").asText()).isEqualTo("Review report sent");
    assertThat(seen.get("again").asText()).isEqualTo("This request has been answered");
    assertThat(seen.get("horizontalScroll").asBoolean()).as("fits a phone-sized screen").isFalse();
    seen.get("violations").fields().forEachRemaining(page -> assertThat(page.getValue())
        .as("serious or critical axe violations on the %s page", page.getKey()).isEmpty());

    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("DEMO-PLAN-01")
        .taskDefinitionKey("Task_DecideAfterReview").count()).as("the review moved on").isEqualTo(1);
    assertThat(jdbc.queryForObject("select field_value from case_record where case_reference = 'DEMO-PLAN-01' "
        + "and field = 'meetingHeldOn' and recorded_by = 'link:100001'", String.class)).isEqualTo(held.toString());
    assertThat(jdbc.queryForObject("select count(*) from case_document where case_reference = 'DEMO-PLAN-01' "
        + "and document_type = 'REVIEW_REPORT_RECEIVED'", Integer.class)).isEqualTo(1);
  }
}
