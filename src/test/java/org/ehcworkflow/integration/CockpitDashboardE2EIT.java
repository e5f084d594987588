package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.ehcworkflow.testing.NodeTools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End to end in a real browser: Debian's chromium, driven by playwright-core ({@code src/test/e2e}), signs in to
 * Cockpit as the demo manager and reads the "Statutory deadlines" dashboard for the demo data; the figures must be
 * those the managers' API gives. The screenshot is saved as {@code target/cockpit-statutory-deadlines.png}.
 * Needs node, npm (playwright-core is installed into {@code target/e2e} from the npm registry) and
 * {@code /usr/bin/chromium}; skipped, saying why, on a machine without them, and failed when {@code CI=true}
 * (.ci/run installs them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ehc.demo.enabled=true", "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500"})
class CockpitDashboardE2EIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;

  @Test
  void theDemoManagerReadsTheStatutoryDeadlinesDashboardInCockpit() throws Exception {
    BrowserTests.prepare("cockpit-dashboard.mjs");
    awaitJobsSettled();

    Path screenshot = Path.of("target/cockpit-statutory-deadlines.png").toAbsolutePath();
    Path qualityScreenshot = Path.of("target/cockpit-plan-quality.png").toAbsolutePath();
    NodeTools.Result browser = NodeTools.run(BrowserTests.E2E, 180, Map.of("BASE_URL", "http://localhost:" + port,
        "SCREENSHOT", screenshot.toString(), "QUALITY_SCREENSHOT", qualityScreenshot.toString()),
        "node", "cockpit-dashboard.mjs");
    assertThat(browser.exit()).as(browser.output()).isZero();
    String json = browser.json();
    JsonNode shown = new ObjectMapper().readTree(json);
    System.out.println("Cockpit dashboard figures: " + json);

    assertThat(shown.get("error").isNull()).as(json).isTrue();
    Map<?, ?> report = rest.withBasicAuth("manager", "manager").getForObject("/api/timeliness", Map.class);
    List<Map<String, Object>> open = (List<Map<String, Object>>) report.get("open");
    assertThat(open).isNotEmpty();
    for (Map<String, Object> row : open) {
      JsonNode figure = shown.get("open").get((String) row.get("timeLimit"));
      assertThat(figure).as("%s on the dashboard", row.get("timeLimit")).isNotNull();
      assertThat(figure.get("dueSoon").asInt()).isEqualTo(row.get("dueSoon"));
      assertThat(figure.get("breached").asInt()).isEqualTo(row.get("breached"));
    }
    assertThat(shown.get("disagreementsTable").asBoolean()).as("the open disagreements, by waiting step").isTrue();
    Map<String, Object> byStage = (Map<String, Object>) ((Map<?, ?>) report.get("disagreements")).get("byStage");
    byStage.forEach((stage, count) -> assertThat(shown.get("stages").get(stage).asInt()).as(stage).isEqualTo(count));
    // DEMO-0003 is past its 6-week decision: a breached figure that opens onto its case.
    assertThat(shown.get("open").get("DECISION_TO_ASSESS").get("breached").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(shown.get("firstBreachedCases").toString()).contains("DEMO-");
    assertThat(Files.size(screenshot)).isPositive();
    assertThat(Files.size(qualityScreenshot)).isPositive();
    assertThat(shown.get("documentsOfDemo0002").toString()).as("the documents page in the same session")
        .contains("Decision to assess");
    assertThat(shown.get("planQuality").get("error").isNull()).as(json).isTrue();
    assertThat(shown.get("planQuality").get("tables").toString()).contains("All plans", "Team", "Setting", "Month");
    assertThat(shown.get("planEditorGrade").asText()).as("the plan editor's quality check").startsWith("Grade ");
    assertThat(shown.get("planEditorFindings").asInt()).as("an empty plan has findings to show").isPositive();
  }

  /** The demo data's first jobs (notices, overdue reviews starting) run before the figures are read. */
  private void awaitJobsSettled() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (management.createJobQuery().executable().count() > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
  }
}
