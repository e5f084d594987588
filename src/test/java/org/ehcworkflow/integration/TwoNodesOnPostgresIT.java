package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.spring.boot.starter.event.PublishDelegateParseListener;
import org.camunda.bpm.spring.boot.starter.event.PublishHistoryEventHandler;
import org.ehcworkflow.process.FailedJobIncidents;
import org.ehcworkflow.process.IdCheckWithoutText;
import org.ehcworkflow.process.SettledJobDefinitions;
import org.ehcworkflow.process.TimersTogether;
import org.ehcworkflow.testing.SecondNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two nodes on one PostgreSQL, as Camunda 7 clusters: this test's application is node A; node B is a second JVM
 * started from the same classes on the same database. An overdue register puts a storm of breach timers on the job
 * executors of both; node B is killed ({@code kill -9}) in the middle, and node A finishes its work once the jobs
 * B had locked run out of their lock. Every job runs exactly once, every breach and ledger row is written once, no
 * incident is raised, and the managers get one digest, not one from each node.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ehc.demo.enabled=false", "spring.mail.host=localhost", "spring.mail.port=3025",
    "ehc.notifications.group-mailboxes.managers=two-nodes-managers@council.test",
    "ehc.notifications.dispatch.interval=PT1S", "ehc.notifications.digest.quiet-period=PT20S",
    "ehc.notifications.digest.cases-listed=10000", "ehc.onboarding.lease=PT5S", "ehc.onboarding.resume-interval=PT2S",
    "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=500",
    "camunda.bpm.job-execution.lock-time-in-millis=" + TwoNodesOnPostgresIT.LOCK_MILLIS,
    "camunda.bpm.generic-properties.properties.hostname=node-a"})
class TwoNodesOnPostgresIT {

  /**
   * How long node A waits for the jobs node B held when it died. The digest's quiet period (20 s) is longer, so the
   * breaches those jobs record still join the managers' one digest instead of following it one by one.
   */
  static final int LOCK_MILLIS = 15_000;
  private static final int PLANS = 1200;

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Value("${spring.datasource.url}") String databaseUrl;

  private SecondNode nodeB;

  @AfterEach
  void stopNodeB() throws InterruptedException {
    if (nodeB != null) {
      nodeB.kill();
    }
  }

  @Test
  void aStormThroughTwoNodesRunsEachJobOnceAndSurvivesANodeKilledMidway() throws Exception {
    Path log = Path.of("target", "node-b.log");
    nodeB = SecondNode.start(databaseUrl, log, List.of("--ehc.demo.enabled=false",
        "--spring.mail.host=localhost", "--spring.mail.port=3025",
        "--ehc.notifications.group-mailboxes.managers=two-nodes-managers@council.test",
        "--ehc.notifications.dispatch.interval=PT1S", "--ehc.notifications.digest.quiet-period=PT10S",
        "--ehc.notifications.digest.cases-listed=10000", "--ehc.onboarding.lease=PT5S",
        "--ehc.onboarding.resume-interval=PT2S",
        "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=500",
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
        "--camunda.bpm.generic-properties.properties.hostname=node-b"), Duration.ofMinutes(3));

    ResponseEntity<Map> accepted = OverdueRegisters.importCsv(rest,
        OverdueRegisters.csv("NODES", PLANS).toString());
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String progress = (String) accepted.getBody().get("progress");
    await(() -> count("select count(*) from act_hi_job_log where hostname_ = 'node-b' and job_state_ = 2") >= 50
        && count("select count(*) from case_breach where time_limit = 'ANNUAL_REVIEW'") >= PLANS / 4,
        Duration.ofMinutes(5));
    nodeB.kill();
    long byB = count("select count(*) from act_hi_job_log where hostname_ = 'node-b' and job_state_ = 2");
    String ownerA = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor()
        .getLockOwner();
    // Not the history cleanup job: inside its window (01:00-05:00) it runs again and again, by design, so node A may
    // run it several times after node B dies holding it.
    List<String> heldByB = jdbc.queryForList("select id_ from act_ru_job where lock_owner_ is not null "
        + "and lock_owner_ <> ? and lock_exp_time_ > now() and handler_type_ <> ?", String.class, ownerA,
        HistoryCleanupJobHandler.TYPE);

    await(() -> "DONE".equals(rest.withBasicAuth("demo", "demo").getForObject(progress, Map.class).get("status")),
        Duration.ofMinutes(5));
    await(() -> count("select count(*) from case_breach where time_limit = 'ANNUAL_REVIEW'") == PLANS,
        Duration.ofMinutes(5));
    await(() -> count("select count(*) from act_ru_job where duedate_ <= now() and retries_ > 0") == 0,
        Duration.ofMinutes(2));
    long byA = count("select count(*) from act_hi_job_log where hostname_ = 'node-a' and job_state_ = 2");
    System.out.printf("Two nodes: %d plans; node B ran %d jobs before it was killed holding %d, node A ran %d%n",
        PLANS, byB, heldByB.size(), byA);

    assertThat(byB).as("node B took part").isPositive();
    assertThat(byA).as("node A took part").isPositive();
    // Camunda's history cleanup is one job that runs again and again inside its window (01:00-05:00), by design.
    assertThat(jdbc.queryForList("select l.job_id_, l.job_def_type_, l.act_id_, l.hostname_, l.timestamp_ "
        + "from act_hi_job_log l where l.job_state_ = 2 and l.job_id_ in (select job_id_ from act_hi_job_log "
        + "where job_state_ = 2 and job_def_type_ <> ? group by job_id_ having count(*) > 1) "
        + "order by l.job_id_, l.timestamp_", HistoryCleanupJobHandler.TYPE)).as("no job ran twice").isEmpty();
    assertThat(count("select count(*) from act_ru_incident")).as("no incident").isZero();
    ProcessEngineConfigurationImpl settings = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(settings.isJobExecutorPreferTimerJobs() && settings.isJobExecutorAcquireByDueDate())
        .as("timers first, the most overdue first").isTrue();
    assertThat(settings.getJobExecutor()).isInstanceOfSatisfying(TimersTogether.class,
        executor -> assertThat(executor.getTimersPerTransaction()).isEqualTo(64));
    assertThat(count("select count(distinct xmin::text) from act_hi_job_log where hostname_ = 'node-a' "
        + "and job_state_ = 2")).as("node A ran timers of several cases in one transaction").isLessThan(byA / 2);
    assertThat(count("select count(*) from act_hi_actinst where act_id_ like 'Task_Record%Breach'"))
        .as("breach steps ran").isPositive();
    assertThat(count("select count(*) from act_hi_varinst where name_ in ('template', 'recipients', 'timeLimit')"))
        .as("their inputs left no history (LeanHistory)").isZero();
    assertThat(settings.getIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE))
        .as("a deleted job's incident lookup skipped when none can exist").isInstanceOf(FailedJobIncidents.Handler.class);
    assertThat(settings.getSessionFactories().get(DbEntityManager.class))
        .as("new rows not written out as text").isInstanceOf(IdCheckWithoutText.Factory.class);
    assertThat(settings.getSessionFactories().get(PersistenceSession.class))
        .as("a job's settled definition not read again").isInstanceOf(SettledJobDefinitions.Factory.class);
    assertThat(settings.getCustomHistoryEventHandlers()).as("no history event published to Spring for nobody")
        .noneMatch(PublishHistoryEventHandler.class::isInstance);
    assertThat(Stream.concat(settings.getCustomPreBPMNParseListeners().stream(),
        settings.getCustomPostBPMNParseListeners().stream())).as("no execution or task event published to Spring")
        .noneMatch(PublishDelegateParseListener.class::isInstance);
    assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'ehc_job_type_due_date'",
        String.class)).as("with the index for that order").contains("(type_ DESC, duedate_)");
    assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'ehc_job_locked'",
        String.class)).as("and the locked jobs' own").contains("WHERE (lock_owner_ IS NOT NULL)");
    for (String job : heldByB) {
      assertThat(jdbc.queryForList("select hostname_ from act_hi_job_log where job_id_ = ? and job_state_ = 2",
          String.class, job)).as("job %s, locked by node B when it died, run once by node A", job)
          .containsExactly("node-a");
    }
    assertThat(count("select count(distinct case_reference) from case_breach where time_limit = 'ANNUAL_REVIEW'"))
        .isEqualTo(PLANS);
    assertThat(count("select count(*) from deadline_ledger where time_limit = 'ANNUAL_REVIEW'"))
        .as("one ledger row per review").isEqualTo(PLANS);
    assertThat(count("select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ "
        + "where e.parent_id_ is null and d.key_ = 'ehc-annual-review' and e.business_key_ like 'NODES-%'"))
        .as("one review each").isEqualTo(PLANS);

    await(() -> count("select count(*) from notification_outbox where recipient_id = 'managers' "
        + "and status = 'PENDING'") == 0 && !received("two-nodes-managers@council.test").isEmpty(), Duration.ofMinutes(2));
    Thread.sleep(3_000); // a dispatcher pass more: nothing else is on its way
    List<MimeMessage> toManagers = received("two-nodes-managers@council.test");
    assertThat(toManagers).as(() -> "one digest, sent once across the nodes; received: " + describe(toManagers)
        + "; the managers' notices: " + jdbc.queryForList("select template, status, attempts, count(*), "
        + "min(created_at), max(created_at), min(sent_at), max(sent_at) from notification_outbox "
        + "where recipient_id = 'managers' group by template, status, attempts")).hasSize(1);
    assertThat(toManagers.get(0).getSubject()).contains(PLANS + " notices");
    assertThat(count("select count(*) from notification_outbox where template = 'deadline-breached'"))
        .as("one notice per breach").isEqualTo(PLANS);
  }

  private long count(String sql) {
    Long count = jdbc.queryForObject(sql, Long.class);
    return count == null ? 0 : count;
  }

  private static List<String> describe(List<MimeMessage> messages) {
    List<String> described = new java.util.ArrayList<>();
    for (MimeMessage message : messages) {
      try {
        described.add(message.getSentDate() + " " + message.getSubject());
      } catch (jakarta.mail.MessagingException e) {
        described.add("unreadable: " + e.getMessage());
      }
    }
    return described;
  }

  private static List<MimeMessage> received(String to) {
    return OverdueRegisters.received(smtp, to);
  }

  private void await(BooleanSupplier condition, Duration limit) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("waited " + limit + "; node B's log ends: " + nodeB.tail());
      }
      Thread.sleep(250);
    }
  }
}
