package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.ehcworkflow.onboarding.RegisterImports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Go-live day as a council lives it, on PostgreSQL with the job executor on: a register whose reviews are all
 * overdue is sent through the API, answered at once, loaded in the background in committed chunks, stopped half way
 * as by a restart and resumed by the schedule; every plan gets its one review, every breach is recorded one by one,
 * and the managers' mailbox (a real SMTP peer) receives one digest naming every case, not one email per case.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ehc.demo.enabled=false", "spring.mail.host=localhost", "spring.mail.port=3025",
    "ehc.notifications.group-mailboxes.managers=send-managers@council.test",
    "ehc.notifications.dispatch.interval=PT1S", "ehc.notifications.digest.quiet-period=PT15S",
    "ehc.notifications.digest.cases-listed=10000",
    "ehc.onboarding.chunk-lines=200", "ehc.onboarding.lease=PT3S", "ehc.onboarding.resume-interval=PT2S",
    "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=500"})
class GoLiveOnPostgresIT {

  private static final int PLANS = 2500;

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RegisterImports imports;
  @Autowired ThreadPoolTaskExecutor registerImportExecutor;

  @Test
  void anOverdueRegisterLoadsInTheBackgroundResumesAfterARestartAndManagersGetOneDigest() throws Exception {
    String csv = register();
    long started = System.nanoTime();
    ResponseEntity<Map> accepted = post(csv);
    double answeredIn = (System.nanoTime() - started) / 1e9;
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(answeredIn).as("answered at once, not after the load").isLessThan(10);
    String progress = (String) accepted.getBody().get("progress");

    await(() -> number(progress(progress), "rowsDone") >= 600, Duration.ofMinutes(3));
    imports.stop(); // as at a shutdown: the chunk under way commits, the rest waits
    await(() -> registerImportExecutor.getActiveCount() == 0, Duration.ofMinutes(1));
    Map<String, Object> paused = progress(progress);
    assertThat(paused.get("status")).isEqualTo("RUNNING");
    assertThat(number(paused, "rowsDone")).as("stopped half way").isLessThan(PLANS + 2);
    assertThat(countRunningReviews()).isEqualTo(number(paused, "imported"));

    resumeAfterRestart();
    await(() -> "DONE".equals(progress(progress).get("status")), Duration.ofMinutes(5));
    Map<String, Object> done = progress(progress);
    System.out.printf("Go-live import: %d plans, answered in %.2f s, paused at row %d, done in %.1f s%n", PLANS,
        answeredIn, number(paused, "rowsDone"), (System.nanoTime() - started) / 1e9);
    assertThat(done).containsEntry("totalRows", PLANS + 2).containsEntry("rowsDone", PLANS + 2)
        .containsEntry("imported", PLANS).containsEntry("unchanged", 0).containsEntry("overdue", PLANS);
    assertThat((List<Map<String, Object>>) done.get("invalid")).extracting(p -> p.get("line"))
        .containsExactly(PLANS + 2, PLANS + 3);
    assertThat(countRunningReviews()).as("one review each, none started twice").isEqualTo(PLANS);
    // the import is marked done before its statistics are refreshed (ANALYZE of every table takes seconds)
    await("planner statistics refreshed after the load", () -> TestPostgres.lastAnalyzed(jdbc, "ehc_plan") != null,
        Duration.ofMinutes(2));

    await(() -> count("select count(*) from case_breach where time_limit = 'ANNUAL_REVIEW'") == PLANS,
        Duration.ofMinutes(5));
    assertThat(count("select count(*) from deadline_ledger where time_limit = 'ANNUAL_REVIEW' "
        + "and completed_on is null and due_date < current_date")).as("each breach on the ledger").isEqualTo(PLANS);
    await(() -> count("select count(*) from notification_outbox where recipient_id = 'managers' "
        + "and status = 'PENDING'") == 0 && received("send-managers@council.test").size() > 0, Duration.ofMinutes(2));
    Thread.sleep(3_000); // a pass more: nothing else is on its way

    List<MimeMessage> toManagers = received("send-managers@council.test");
    assertThat(toManagers).as("one digest, no email per case").hasSize(1);
    MimeMessage digest = toManagers.get(0);
    assertThat(digest.getSubject()).contains(PLANS + " notices");
    String text = (String) digest.getContent();
    assertThat(text).contains(PLANS + " missed: Annual review");
    for (int i = 1; i <= PLANS; i++) {
      assertThat(text).contains(reference(i) + ": missed");
    }
    assertThat(count("select count(*) from notification_outbox where template = 'deadline-breached' "
        + "and status = 'DIGESTED'")).isEqualTo(PLANS);

    ResponseEntity<Map> again = post(csv);
    String secondProgress = (String) again.getBody().get("progress");
    await(() -> "DONE".equals(progress(secondProgress).get("status")), Duration.ofMinutes(3));
    assertThat(progress(secondProgress)).containsEntry("imported", 0).containsEntry("unchanged", PLANS);
    assertThat(countRunningReviews()).isEqualTo(PLANS);
  }

  /** The same database, the same job: a new node's schedule finds it with its lease run out and goes on. */
  private void resumeAfterRestart() {
    imports.resume();
  }

  private String register() {
    return OverdueRegisters.csv("GOLIVE", PLANS).append("GOLIVE-BAD-1,,2014-02-30,,,Oak,11,2020-01-01,,\n")
        .append("GOLIVE-BAD-2,,,,,Oak,11,2020-01-01,,\n").toString();
  }

  private static String reference(int i) {
    return OverdueRegisters.reference("GOLIVE", i);
  }

  private ResponseEntity<Map> post(String csv) {
    return OverdueRegisters.importCsv(rest, csv);
  }

  private Map<String, Object> progress(String path) {
    return rest.withBasicAuth("demo", "demo").getForObject(path, Map.class);
  }

  private static int number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).intValue();
  }

  private long countRunningReviews() {
    return count("select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ "
        + "where e.parent_id_ is null and d.key_ = 'ehc-annual-review' and e.business_key_ like 'GOLIVE-%'");
  }

  private long count(String sql) {
    Long count = jdbc.queryForObject(sql, Long.class);
    return count == null ? 0 : count;
  }

  private static List<MimeMessage> received(String to) {
    return OverdueRegisters.received(smtp, to);
  }

  private static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
    await("a condition", condition, limit);
  }

  private static void await(String what, BooleanSupplier condition, Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited %s for %s", limit, what).isBefore(deadline);
      Thread.sleep(250);
    }
  }
}
