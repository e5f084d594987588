package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.ehcworkflow.testing.NodeTools;
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
 * In a real browser (Debian's chromium, playwright-core) on a phone-sized screen, with the keyboard only: a parent
 * asks for a sign-in code, which arrives at a real SMTP peer; a wrong code is named in the error summary; with the
 * right one they see their child's case and comment on the draft plan, asking for a school and a meeting, and the
 * waiting step is done. axe-core finds no serious or critical WCAG 2.2 A/AA violation on any page. Screenshots
 * under {@code target/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"ehc.demo.enabled=true",
    "spring.mail.host=localhost", "spring.mail.port=3025", "ehc.notifications.dispatch.interval=PT1S",
    "ehc.family.show-code-on-screen=false", "ehc.respond.base-url=http://localhost",
    "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=500"})
class FamilyPageE2EIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aParentSignsInWithAnEmailedCodeAndCommentsOnTheDraftWithTheKeyboardOnAPhone() throws Exception {
    BrowserTests.prepare("family-page.mjs");
    String email = "parent.e2e@example.test";
    FamilyPageOnPostgresIT.caseAtRepresentations(rest, tasks, identity, "FAM-E2E", email);
    Path codeFile = Path.of("target/e2e/family-code.txt").toAbsolutePath();
    Files.deleteIfExists(codeFile);
    int before = FamilyPageOnPostgresIT.codesTo(smtp, email);
    CompletableFuture<Void> mailbox = CompletableFuture.runAsync(() -> {
      try {
        Files.writeString(codeFile, FamilyPageOnPostgresIT.awaitCode(smtp, before, email));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    NodeTools.Result browser = NodeTools.run(BrowserTests.E2E, 180, Map.of("BASE", "http://localhost:" + port,
        "CASE", "FAM-E2E", "EMAIL", email, "CODE_FILE", codeFile.toString(),
        "SCREENSHOT_DIR", Path.of("target").toAbsolutePath().toString()), "node", "family-page.mjs");
    assertThat(browser.exit()).as(browser.output()).isZero();
    mailbox.join();
    JsonNode seen = new ObjectMapper().readTree(browser.json());
    System.out.println("The family page in the browser: " + seen);

    assertThat(seen.get("signInHeading").asText()).isEqualTo("Sign in to see your child's EHC case");
    assertThat(seen.get("skipLinkFirst").asBoolean()).as("the skip link comes first").isTrue();
    assertThat(seen.get("reachedCase").asBoolean() && seen.get("reachedEmail").asBoolean()
        && seen.get("reachedCode").asBoolean()).as("sign-in by keyboard").isTrue();
    assertThat(seen.get("codeHeading").asText()).isEqualTo("Check your email");
    assertThat(seen.get("codeErrorTitle").asText()).startsWith("Error: ");
    assertThat(seen.get("codeErrors").toString()).contains("The code is not right");
    assertThat(seen.get("caseHeading").asText()).isEqualTo("Robin's EHC case");
    assertThat(seen.get("now").asText()).contains("The draft EHC plan has been sent to you");
    assertThat(seen.get("dates").size()).isGreaterThanOrEqualTo(2);
    assertThat(seen.get("reachedComments").asBoolean() && seen.get("reachedSchool").asBoolean()
        && seen.get("reachedMeeting").asBoolean() && seen.get("reachedSend").asBoolean())
        .as("every field reached with Tab").isTrue();
    assertThat(seen.get("confirmation").asText()).isEqualTo("Comments sent");
    assertThat(seen.get("horizontalScroll").asBoolean()).as("fits a phone-sized screen").isFalse();
    seen.get("violations").fields().forEachRemaining(page -> assertThat(page.getValue())
        .as("serious or critical axe violations on the %s page", page.getKey()).isEmpty());

    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("FAM-E2E")
        .taskDefinitionKey("Task_RecordRepresentations").count()).as("the waiting step is done").isZero();
    assertThat(jdbc.queryForList("select field || '=' || field_value from case_record where case_reference = 'FAM-E2E' "
        + "and step = 'Task_RecordRepresentations' and recorded_by = 'family'", String.class))
        .contains("meetingRequested=true").anyMatch(f -> f.startsWith("requestedSetting=1000"))
        .anyMatch(f -> f.startsWith("representations=Section F should say"));
  }
}
