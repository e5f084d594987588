package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.ehcworkflow.onboarding.RegisterCsvImport;
import org.ehcworkflow.testing.NodeTools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In a real browser, as an administrator would on go-live day: signed in to Camunda Admin, the onboarding page takes
 * a register file, answers at once and shows the background import's progress bar until it is done, with the
 * invalid rows listed by line and reason. Screenshot {@code target/register-import.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"ehc.demo.enabled=true",
    "ehc.onboarding.chunk-lines=50", "camunda.bpm.job-execution.wait-time-in-millis=200",
    "camunda.bpm.job-execution.max-wait=500"})
class RegisterImportPageE2EIT {

  private static final int PLANS = 300;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anAdministratorWatchesARegisterLoadOnTheOnboardingPage() throws Exception {
    BrowserTests.prepare("register-import.mjs");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    StringBuilder csv = new StringBuilder(String.join(",", RegisterCsvImport.HEADER)).append('\n');
    for (int i = 1; i <= PLANS; i++) {
      csv.append(String.format("PAGE-%04d", i)).append(",,").append(today.minusYears(8)).append(",,,Setting,11,")
          .append(today.minusMonths(3)).append(",,\n");
    }
    csv.append("PAGE-BAD,,2014-02-30,,,Oak,11,2020-01-01,,\n");
    Path file = Files.writeString(Path.of("target/e2e/register.csv"), csv);

    NodeTools.Result browser = NodeTools.run(BrowserTests.E2E, 240, Map.of("BASE_URL",
        "http://localhost:" + port, "CSV", file.toAbsolutePath().toString(), "SCREENSHOT",
        Path.of("target/register-import.png").toAbsolutePath().toString()), "node", "register-import.mjs");
    assertThat(browser.exit()).as(browser.output()).isZero();
    JsonNode seen = new ObjectMapper().readTree(browser.json());
    System.out.println("Register import page: " + seen);

    assertThat(seen.get("status").asText()).isEqualTo("done");
    assertThat(seen.get("counts").asText()).startsWith((PLANS + 1) + " of " + (PLANS + 1) + " rows read: " + PLANS
        + " imported");
    assertThat(seen.get("progress").get("value").asInt()).isEqualTo(seen.get("progress").get("max").asInt());
    assertThat(seen.get("invalid").toString()).contains(Integer.toString(PLANS + 2)).contains("date_of_birth");
    assertThat(seen.get("url").asText()).as("the page can be reopened on its import").contains("?import=");
    assertThat(seen.get("violations")).as("serious or critical axe violations").isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from ehc_plan where case_reference like 'PAGE-%'", Integer.class))
        .isEqualTo(PLANS);
  }
}
