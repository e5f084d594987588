package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.ehcworkflow.csv.RowProblem;
import org.ehcworkflow.onboarding.RegisterCsvImport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Onboarding a council's register on real PostgreSQL: every plan gets exactly one review cycle with the right due
 * date, running at once when its preparation is weeks away and waiting in the register otherwise until the daily
 * run starts it; a second import of the same file changes nothing, and the living-plan models are deployed with the
 * yearly cohort timer and the daily run waiting. The job executor is off so that counts are not moved by timers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ehc.demo.enabled=true", "camunda.bpm.job-execution.enabled=false"})
class PlanRegisterOnPostgresIT {

  static final int PLANS = 10_000;
  static final ZoneId LONDON = ZoneId.of("Europe/London");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @Autowired RegisterCsvImport csvImport;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired TestRestTemplate rest;

  /**
   * The driver sends a batch of {@code insert ... values} as one multi-row insert ({@code BatchedInserts}): its row
   * counts are then unknown. The register's own batch, {@code insert ... select ... where not exists}, is not
   * rewritten, so its counts still say which plans were new (a second import enters none).
   */
  @Test
  void aBatchOfInsertsGoesAsOneStatementWhileTheRegistersCountsOfNewPlansStayExact() {
    jdbc.execute("create table batch_probe (id int primary key)");
    try {
      assertThat(jdbc.batchUpdate("insert into batch_probe (id) values (?)",
          List.of(new Object[] {1}, new Object[] {2}, new Object[] {3}, new Object[] {4})))
          .containsOnly(Statement.SUCCESS_NO_INFO);
      assertThat(jdbc.batchUpdate("insert into batch_probe (id) select ? where not exists "
          + "(select 1 from batch_probe where id = ?)", List.of(new Object[] {4, 4}, new Object[] {5, 5})))
          .containsExactly(0, 1);
      assertThat(jdbc.queryForObject("select count(*) from batch_probe", Integer.class)).isEqualTo(5);
    } finally {
      jdbc.execute("drop table batch_probe");
    }
  }

  @Test
  void aRegisterOfTenThousandPlansGetsOneReviewCycleEachStartedNowOrOnItsDayAndImportsOnce() {
    LocalDate today = LocalDate.now(LONDON);
    StringBuilder csv = new StringBuilder(String.join(",", RegisterCsvImport.HEADER)).append('\n');
    Map<String, String> expectedDue = new HashMap<>();
    Map<String, String> expectedRunning = new HashMap<>();
    Map<String, String> expectedWaiting = new HashMap<>();
    for (int i = 1; i <= PLANS; i++) {
      String reference = String.format("ONB-%05d", i);
      LocalDate issued = today.minusDays(30 + i % 700);
      LocalDate reviewed = i % 3 == 0 ? issued.plusDays(200) : null;
      if (reviewed != null && reviewed.isAfter(today)) {
        reviewed = null;
      }
      boolean young = i % 50 == 0;
      LocalDate born = young ? today.minusYears(3) : today.minusYears(6 + i % 12).minusDays(i % 365);
      LocalDate anchor = reviewed != null ? reviewed : issued;
      boolean underFive = born.plusYears(5).isAfter(anchor);
      LocalDate due = anchor.plusMonths(underFive ? 6 : 12);
      expectedDue.put(reference, due.toString());
      LocalDate cycleStarts = due.minusWeeks(14);
      (cycleStarts.isAfter(today) ? expectedWaiting : expectedRunning).put(reference,
          (cycleStarts.isAfter(today) ? cycleStarts : due).toString());
      csv.append(reference).append(",CMS-").append(i).append(',').append(born).append(",,")
          .append(i % 2 == 0 ? "100001" : "").append(",Setting ").append(i % 40).append(',')
          .append(i % 4 == 0 ? "" : "11").append(',').append(issued).append(',')
          .append(reviewed == null ? "" : reviewed).append(",\n");
    }
    csv.append("ONB-BAD-1,,2014-02-30,,,Oak,11,2020-01-01,,\n");
    csv.append("ONB-BAD-2,,,,,Oak,11,2020-01-01,,\n");
    csv.append("ONB-BAD-3,,2014-01-01,,,Oak,11,2020-01-01,2019-01-01,\n");

    long started = System.nanoTime();
    RegisterCsvImport.Report first = csvImport.importCsv(csv.toString());
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("Register import on PostgreSQL: %d plans in %.1f s, %.0f plans/s%n", first.imported(), seconds,
        first.imported() / seconds);

    assertThat(first.imported()).isEqualTo(PLANS);
    assertThat(first.invalid()).extracting(RowProblem::line).containsExactly(PLANS + 2, PLANS + 3, PLANS + 4);
    assertThat(first.invalid().get(0).reason()).contains("date_of_birth must be a real date");
    assertThat(first.invalid().get(1).reason()).contains("date_of_birth or year_group is required");
    assertThat(first.invalid().get(2).reason()).contains("before issue_date");
    assertThat(first.overdue()).isEqualTo(expectedDue.values().stream().filter(d -> d.compareTo(today.toString()) < 0)
        .count());
    assertThat(expectedWaiting).as("the register has cycles of both kinds").hasSizeGreaterThan(PLANS / 4);
    assertThat(expectedRunning).hasSizeGreaterThan(PLANS / 4);
    assertThat(runningReviewsDue()).isEqualTo(expectedRunning);
    assertThat(waitingCycles()).isEqualTo(expectedWaiting);
    // A load of thousands of plans leaves the planner statistics as they are after it, not as before it.
    Timestamp analysed = TestPostgres.lastAnalyzed(jdbc, "act_ru_variable");
    assertThat(analysed).as("the engine's tables analysed after the load").isNotNull();
    assertThat(TestPostgres.lastAnalyzed(jdbc, "ehc_plan")).isNotNull();
    assertThat(jdbc.queryForObject("select reltuples from pg_class where relname = 'ehc_plan'", Float.class))
        .isGreaterThanOrEqualTo(PLANS);

    RegisterCsvImport.Report second = csvImport.importCsv(csv.toString());
    assertThat(TestPostgres.lastAnalyzed(jdbc, "act_ru_variable")).as("a load that entered nothing leaves them")
        .isEqualTo(analysed);
    assertThat(second.imported()).isZero();
    assertThat(second.unchanged()).isEqualTo(PLANS);
    assertThat(runningReviewsDue()).as("nothing changed").isEqualTo(expectedRunning);
    assertThat(waitingCycles()).as("nothing changed").isEqualTo(expectedWaiting);
    assertThat(jdbc.queryForObject("select count(*) from ehc_plan_event where case_reference like 'ONB-%'",
        Integer.class)).isEqualTo(PLANS);

    // An overdue review starts at once: its preparation timer is due today, and it shows its past due date.
    String overdue = expectedDue.entrySet().stream().filter(e -> e.getValue().compareTo(today.toString()) < 0)
        .map(Map.Entry::getKey).findFirst().orElseThrow();
    String instance = jdbc.queryForObject("""
        select id_ from act_ru_execution where business_key_ = ? and parent_id_ is null""", String.class, overdue);
    Job prepare = management.createJobQuery().processInstanceId(instance).timers().singleResult();
    assertThat(prepare.getDuedate().toInstant().atZone(LONDON).toLocalDate()).isEqualTo(today);

    // A month on, the daily run starts each waiting cycle whose day has come, once, with its due date; the rest wait.
    LocalDate monthOn = today.plusDays(30);
    Map<String, String> startedByThen = new HashMap<>(expectedRunning);
    Map<String, String> stillWaiting = new HashMap<>();
    expectedWaiting.forEach((reference, startsOn) -> {
      if (startsOn.compareTo(monthOn.toString()) <= 0) {
        startedByThen.put(reference, expectedDue.get(reference));
      } else {
        stillWaiting.put(reference, startsOn);
      }
    });
    assertThat(startedByThen).hasSizeGreaterThan(expectedRunning.size());
    ClockUtil.setCurrentTime(Date.from(monthOn.atTime(5, 31).atZone(LONDON).toInstant()));
    try {
      assertThat(runDailyCycleStarts()).isGreaterThanOrEqualTo(startedByThen.size() - expectedRunning.size());
      assertThat(runningReviewsDue()).isEqualTo(startedByThen);
      assertThat(waitingCycles()).isEqualTo(stillWaiting);
      ClockUtil.setCurrentTime(Date.from(monthOn.plusDays(1).atTime(5, 31).atZone(LONDON).toInstant()));
      long nextDay = stillWaiting.values().stream().filter(d -> d.equals(monthOn.plusDays(1).toString())).count();
      assertThat(runDailyCycleStarts()).as("only the next day's cycles, none twice").isEqualTo(nextDay);
      assertThat(runningReviewsDue()).hasSize(startedByThen.size() + (int) nextDay);
    } finally {
      ClockUtil.reset();
    }
  }

  /** Fires the daily run's timer and runs its step as the job executor would; returns how many cycles it started. */
  private long runDailyCycleStarts() {
    Job timer = management.createJobQuery().processDefinitionKey("ehc-review-cycle-starts").timers().singleResult();
    management.executeJob(timer.getId());
    String run = null;
    for (Job step = batchJob(); step != null; step = batchJob()) {
      run = step.getProcessInstanceId();
      management.executeJob(step.getId());
    }
    return history.createHistoricVariableInstanceQuery().processInstanceId(run).variableName("cyclesStarted")
        .singleResult().getValue() instanceof Integer started ? started : -1;
  }

  private Job batchJob() {
    return management.createJobQuery().processDefinitionKey("ehc-review-cycle-starts").messages().singleResult();
  }

  private Map<String, String> waitingCycles() {
    Map<String, String> waiting = new HashMap<>();
    jdbc.query("select case_reference, review_cycle_starts_on from ehc_plan where case_reference like 'ONB-%' "
        + "and review_cycle_starts_on is not null", rs -> {
          waiting.put(rs.getString(1), rs.getDate(2).toLocalDate().toString());
        });
    return waiting;
  }

  /**
   * The review cycles of a batch start together, in one engine command; a row the database refuses (here a trigger
   * refuses one case reference) is reported by line, and every other plan of its batch is entered with its cycle
   * running, once.
   */
  @Test
  void aRowTheDatabaseRefusesIsReportedAndTheRestOfItsBatchIsEnteredWithItsReviewCycle() {
    jdbc.execute("create or replace function ehc_test_refuse() returns trigger language plpgsql as $$ begin "
        + "if new.case_reference = 'REFUSE-2' then raise exception 'refused by the test'; end if; return new; end $$");
    jdbc.execute("create trigger ehc_test_refuse before insert on ehc_plan for each row execute function "
        + "ehc_test_refuse()");
    try {
      LocalDate today = LocalDate.now(LONDON);
      StringBuilder csv = new StringBuilder(String.join(",", RegisterCsvImport.HEADER)).append('\n');
      for (String reference : List.of("REFUSE-1", "REFUSE-2", "REFUSE-3")) {
        csv.append(reference).append(",,").append(today.minusYears(9)).append(",,,Setting,11,")
            .append(today.minusYears(3)).append(',').append(today.minusMonths(13)).append(",\n");
      }
      RegisterCsvImport.Report report = csvImport.importCsv(csv.toString());
      assertThat(report.imported()).isEqualTo(2);
      assertThat(report.overdue()).isEqualTo(2);
      assertThat(report.invalid()).extracting(RowProblem::line).containsExactly(3);
      for (String reference : List.of("REFUSE-1", "REFUSE-3")) {
        assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where business_key_ = ? "
            + "and parent_id_ is null", Integer.class, reference)).as(reference + "'s review cycle").isOne();
      }
      assertThat(jdbc.queryForObject("select count(*) from ehc_plan where case_reference = 'REFUSE-2'",
          Integer.class)).isZero();
      assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where business_key_ = 'REFUSE-2'",
          Integer.class)).isZero();
    } finally {
      jdbc.execute("drop trigger ehc_test_refuse on ehc_plan");
      jdbc.execute("drop function ehc_test_refuse()");
    }
  }

  @Test
  void theEngineRestApiShowsTheLivingPlanModelsAndTheYearlyCohortTimer() {
    for (String key : List.of("ehc-annual-review", "ehc-phase-transfer", "ehc-plan-finalisation",
        "ehc-phase-transfer-cohort", "ehc-review-cycle-starts")) {
      ResponseEntity<List> definitions = rest.withBasicAuth("demo", "demo")
          .getForEntity("/engine-rest/process-definition?latestVersion=true&key=" + key, List.class);
      assertThat(definitions.getBody()).as(key).hasSize(1);
    }
    ResponseEntity<List> timers = rest.withBasicAuth("demo", "demo")
        .getForEntity("/engine-rest/job?timers=true&processDefinitionKey=ehc-phase-transfer-cohort", List.class);
    assertThat(timers.getBody()).hasSize(1);
    LocalDate today = LocalDate.now(LONDON);
    LocalDate next = MonthDay.of(9, 1).atYear(today.getYear());
    if (!next.isAfter(today)) {
      next = next.plusYears(1);
    }
    assertThat(((Map<?, ?>) timers.getBody().get(0)).get("dueDate").toString()).startsWith(next.toString());
    ResponseEntity<List> daily = rest.withBasicAuth("demo", "demo")
        .getForEntity("/engine-rest/job?timers=true&processDefinitionKey=ehc-review-cycle-starts", List.class);
    assertThat(daily.getBody()).hasSize(1);
    assertThat(((Map<?, ?>) daily.getBody().get(0)).get("dueDate").toString()).contains("T05:30:00");
  }

  @Test
  void onlyAdministratorsImportAndCoordinatorsReadAPlan() throws Exception {
    String example = Files.readString(Path.of("examples/plan-register.csv"));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    assertThat(rest.withBasicAuth("coordinator", "coordinator").postForEntity("/api/plans/import",
        new HttpEntity<>(example, headers), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("demo", "demo").postForEntity("/api/plans/import",
        new HttpEntity<>("case,wrong\n", headers), Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<Map> accepted = rest.withBasicAuth("demo", "demo").postForEntity("/api/plans/import",
        new HttpEntity<>(example, headers), Map.class);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String progress = (String) accepted.getBody().get("progress");
    assertThat(accepted.getHeaders().getLocation()).hasToString(progress);
    Map<String, Object> imported = Map.of();
    for (int i = 0; i < 200 && !"DONE".equals(imported.get("status")); i++) {
      Thread.sleep(100);
      imported = rest.withBasicAuth("demo", "demo").getForObject(progress, Map.class);
    }
    assertThat(imported).containsEntry("status", "DONE").containsEntry("imported", 4).containsEntry("totalRows", 4)
        .containsEntry("rowsDone", 4).containsEntry("invalid", List.of());
    assertThat(rest.withBasicAuth("coordinator", "coordinator").getForEntity(progress, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/api/plans/import/999999", Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<Map> plan = rest.withBasicAuth("coordinator", "coordinator")
        .getForEntity("/api/plans/EHC-2019-00012", Map.class);
    assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(plan.getBody()).containsEntry("transferOnLeavingSetting", "Primary to secondary school");
    assertThat(rest.withBasicAuth("health", "health").getForEntity("/api/plans/EHC-2019-00012", Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private Map<String, String> runningReviewsDue() {
    Map<String, String> due = new HashMap<>();
    jdbc.query("""
        select e.business_key_, v.text_ from act_ru_execution e
          join act_re_procdef d on d.id_ = e.proc_def_id_
          join act_ru_variable v on v.execution_id_ = e.id_ and v.name_ = 'annualReviewDue'
        where e.parent_id_ is null and d.key_ = 'ehc-annual-review' and e.business_key_ like 'ONB-%'
        """, rs -> {
          String previous = due.put(rs.getString(1), rs.getString(2));
          assertThat(previous).as("one running review for %s", rs.getString(1)).isNull();
        });
    return due;
  }
}
