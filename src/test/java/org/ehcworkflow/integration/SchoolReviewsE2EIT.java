package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.ehcworkflow.testing.NodeTools;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In a real browser at a phone's width: Oak Primary's SENCO, signed in to Tasklist, opens the school's review tray
 * and sees Oak's children's reviews only, with no serious or critical axe-core violation. Screenshot
 * {@code target/school-reviews.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"ehc.demo.enabled=true",
    "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=500"})
class SchoolReviewsE2EIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @LocalServerPort int port;

  @Test
  void aSencoSeesTheirSchoolsReviewsOnlyOnAPhone() throws Exception {
    BrowserTests.prepare("school-reviews.mjs");
    NodeTools.Result browser = NodeTools.run(BrowserTests.E2E, 180, Map.of("BASE_URL",
        "http://localhost:" + port, "USER_ID", "senco", "SCREENSHOT",
        Path.of("target/school-reviews.png").toAbsolutePath().toString()), "node", "school-reviews.mjs");
    assertThat(browser.exit()).as(browser.output()).isZero();
    JsonNode seen = new ObjectMapper().readTree(browser.json());
    System.out.println("School review tray: " + seen);
    assertThat(seen.get("cases").toString()).contains("DEMO-PLAN-01").doesNotContain("DEMO-PLAN-02")
        .doesNotContain("DEMO-PLAN-04");
    assertThat(seen.get("violations")).as("serious or critical axe violations").isEmpty();
  }
}
