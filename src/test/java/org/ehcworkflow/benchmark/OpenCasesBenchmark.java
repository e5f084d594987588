package org.ehcworkflow.benchmark;

import org.ehcworkflow.onboarding.RegisterCsvImport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.ehcworkflow.annualreview.AnnualReviews;
import org.ehcworkflow.annualreview.ReviewKind;
import org.ehcworkflow.calendar.SchoolYears;
import org.ehcworkflow.needsassessment.CaseOpening;
import org.ehcworkflow.plan.Plan;
import org.ehcworkflow.plan.PlanEvent;
import org.ehcworkflow.plan.PlanRegister;
import org.ehcworkflow.plan.PlanStatus;
import org.ehcworkflow.process.EmptyColumnIndexes;
import org.ehcworkflow.process.EngineTableIndexes;
import org.ehcworkflow.security.Roles;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prints figures, asserts nothing: {@code mvn -Pbenchmark test -Dtest=OpenCasesBenchmark [-Dbenchmark.plans=10000]
 * [-Dbenchmark.cases=10000]}. First imports a register of plans, then, in the same database, opens N cases on
 * embedded PostgreSQL through the same code path as {@code POST /api/cases} and times each role's first page of
 * tasks (50, sorted by due date, with authorization checks), and a case, the timeliness report and a Prometheus
 * scrape read over HTTP: the reads stand on top of the plans as well. Each test also runs on its own.
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ehc.demo.enabled=true", "camunda.bpm.job-execution.enabled=false"})
class OpenCasesBenchmark {

  private static final String SHARED = "Tasks by statutory deadline";
  private static final String MY_TEAM = "My team's tasks by statutory deadline";
  private static final String PANEL_DECISIONS = "Panel decisions by statutory deadline";
  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    try {
      server = org.ehcworkflow.integration.TestPostgres.startedServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @Autowired CaseOpening opening;
  @Autowired RegisterCsvImport registerImport;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired PlanRegister planRegister;
  @Autowired AnnualReviews reviews;
  @Autowired RuntimeService runtime;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  /**
   * Opens N cases ({@code benchmark.cases}): a third from one client (the baseline), a third from
   * {@code benchmark.clients} clients at once (default 4) on Camunda's own indexes (the second baseline), the last
   * third from the same clients on the product's; each case through the same validation as the API.
   */
  @Test
  @Order(2)
  void openCasesAndReadTheFirstTaskPage() throws Exception {
    int cases = Integer.getInteger("benchmark.cases", 10_000);
    int clients = Integer.getInteger("benchmark.clients", 4);
    // Both rates at steady state: a warm-up not counted (the JIT), then the planner statistics as autovacuum keeps
    // them once it has seen the rows. In a database minutes old, each connection's foreign-key checks were planned
    // while the tables were nearly empty and scan them whole until autovacuum first analyses them (PlannerStatistics).
    // The JIT goes on compiling the engine's code for a long while: a client's CPU a case fell from 9.6 ms over the
    // first 1,000 cases to 3.2 after 7,000 and 2.8 after 11,000 (2026-12-07). A server runs for weeks; the warm-up
    // (benchmark.warm-up, default 3,000 cases, at most half the cases) brings the JVM nearer that.
    int warmUp = Integer.getInteger("benchmark.warm-up", Math.max(100, Math.min(3_000, cases / 2)));
    System.out.printf("benchmark: warm-up, not counted: ");
    openCases(warmUp, clients);
    jdbc.execute("analyze");
    double one = openCases(cases / 3, 1);
    // The same clients on Camunda's own indexes (each engine table's index on an empty column indexing every row),
    // then on the product's (EmptyColumnIndexes): the gain of the partial indexes, measured in the same run.
    EmptyColumnIndexes.makeFull(jdbc.getDataSource());
    jdbc.execute("analyze");
    System.out.printf("benchmark: Camunda's own indexes: ");
    double camundaIndexes = openCases(cases / 3, clients);
    EmptyColumnIndexes.makePartial(jdbc.getDataSource());
    jdbc.execute("analyze");
    double several = openCases(cases - 2 * (cases / 3), clients);
    System.out.printf("benchmark: cases opened, %d clients at once: %.0f cases/s; one client (baseline): %.0f "
        + "cases/s; ratio %.2f; the same clients on Camunda's own indexes: %.0f cases/s, ratio %.2f%n", clients,
        several, one, several / one, camundaIndexes, several / camundaIndexes);

    System.out.printf("benchmark: reads timed at %d open tasks, %d plans in the register%n", count("act_ru_task"),
        count("ehc_plan"));
    // Reads are timed at steady state: the planner's statistics as autovacuum leaves them once it has seen the rows,
    // not as they stand seconds after thousands of inserts into near-empty tables.
    jdbc.execute("analyze");
    time("coordinator (process-wide task rights)", "coordinator", Roles.COORDINATORS);
    time("panel member (rights on ehc-panel-decision, no authorization per task)", "panel", Roles.SEND_PANEL);
    // What Tasklist itself runs: each role's filter, by due date, as Tasklist asks for it. First the shared filter
    // without the due-date index (Camunda's own schema: the baseline), then with it.
    jdbc.execute("drop index if exists " + EngineTableIndexes.TASK_DUE_DATE);
    jdbc.execute("analyze act_ru_task");
    timeFilter("coordinator, without the due-date index (baseline)", "coordinator", Roles.COORDINATORS, SHARED);
    jdbc.execute(EngineTableIndexes.taskDueDate());
    jdbc.execute("analyze act_ru_task");
    timeFilter("coordinator", "coordinator", Roles.COORDINATORS, SHARED);
    timeFilter("manager", "manager", Roles.MANAGERS, SHARED);
    // The panel and the partners: the shared filter they opened until 2026-12-06 (the baseline), then their own.
    timeSharedQuery("panel member (baseline: the filter they opened before)", "panel", Roles.SEND_PANEL);
    timeFilter("panel member", "panel", Roles.SEND_PANEL, PANEL_DECISIONS);
    timeSharedQuery("health practitioner with no open task of their own (baseline: the filter they opened before)",
        "health", Roles.HEALTH);
    timeFilter("health practitioner with no open task of their own", "health", Roles.HEALTH, MY_TEAM);
    timeFilter("SENCO (schools and the setting's own group)", "senco", Roles.SCHOOLS, MY_TEAM);
    String reference = runtime.createProcessInstanceQuery().processDefinitionKey("ehc-needs-assessment")
        .listPage(0, 1).get(0).getBusinessKey();
    timeRead("GET /api/cases/{ref} as a coordinator", "coordinator", "/api/cases/" + reference);
    timeRead("GET /api/timeliness as a manager", "manager", "/api/timeliness");
    timeRead("Prometheus scrape (/actuator/prometheus)", "demo", "/actuator/prometheus");
    System.out.printf("benchmark: heap used %d MiB%n", Heap.usedMiB());
  }

  /** Opens that many cases from that many clients at once; prints and returns cases/s. */
  private double openCases(int cases, int clients) throws Exception {
    // Requests received over the last six weeks, so that deadlines spread as a council's do.
    List<Map<String, Object>> requests = new ArrayList<>();
    for (int day = 0; day < 42; day++) {
      requests.add(Map.of("requestReceivedDate", LocalDate.now().minusDays(day).toString(), "requesterType", "PARENT"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      Statements.reset(jdbc);
      CpuTime.Span cpu = CpuTime.start(jdbc, List.of());
      long start = System.nanoTime();
      for (int c = 0; c < clients; c++) {
        int share = cases / clients + (c < cases % clients ? 1 : 0);
        running.add(pool.submit(() -> {
          for (int i = 0; i < share; i++) {
            opening.open(requests.get(i % requests.size()), null, null);
          }
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("benchmark: opened %d cases from %d client(s) in %.1f s: %.0f cases/s%n", cases, clients,
          seconds, cases / seconds);
      cpu.stop().print(cases, "case");
      Statements.print(jdbc, cases, "case");
      return cases / seconds;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Onboards a generated register of N plans ({@code benchmark.plans}, default 10,000): last reviews spread over the
   * past year, one in ten overdue. Prints plans/s through the onboarding import, where a cycle whose preparation is
   * months away waits in the register, next to the naive baseline measured in the same run: the same plans, each
   * entered and its review cycle started as a running process at once, 200 plans per transaction. Each path first
   * warms up on 500 plans of its own; the rows each leaves in the engine's runtime tables are printed too. The
   * baseline enters at most {@code benchmark.baseline-plans} (default 50,000): at England's 640,000 it would start
   * 640,000 running reviews and take most of an hour, for a rate it has shown at 50,000.
   */
  @Test
  @Order(1)
  void importARegisterOfPlans() {
    int plans = Integer.getInteger("benchmark.plans", 10_000);
    int baselinePlans = Math.min(plans, Integer.getInteger("benchmark.baseline-plans", 50_000));
    LocalDate today = LocalDate.now();
    importCsv(register("WARM-", 500, today));
    naive(register("WARMN-", 500, today));

    long[] before = runtimeRows();
    long start = System.nanoTime();
    RegisterCsvImport.Report report = importCsv(register("BENCH-", plans, today));
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] after = runtimeRows();
    long waiting = jdbc.queryForObject("select count(*) from ehc_plan where case_reference like 'BENCH-%' "
        + "and review_cycle_starts_on is not null", Long.class);
    System.out.printf("benchmark: onboarding import, %d plans in %.1f s: %.0f plans/s; %d cycles started at once "
        + "(%d overdue), %d waiting in the register; %d executions, %d jobs, %d variables added%n", report.imported(),
        seconds, report.imported() / seconds, report.imported() - waiting, report.overdue(), waiting,
        after[0] - before[0], after[1] - before[1], after[2] - before[2]);

    long database = jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
    long registered = count("ehc_plan");
    System.out.printf("benchmark: after the import: %d plans in the register, database %d MiB (%.0f bytes per plan), "
        + "heap used %d MiB (%s)%n", registered, database / (1024 * 1024), (double) database / registered,
        Heap.usedMiB(), Durability.of(jdbc));

    before = runtimeRows();
    start = System.nanoTime();
    int entered = naive(register("NAIVE-", baselinePlans, today));
    seconds = (System.nanoTime() - start) / 1e9;
    after = runtimeRows();
    System.out.printf("benchmark: naive baseline (every cycle started at once), %d plans in %.1f s: %.0f plans/s; "
        + "%d executions, %d jobs, %d variables added%n", entered, seconds, entered / seconds, after[0] - before[0],
        after[1] - before[1], after[2] - before[2]);
  }

  private RegisterCsvImport.Report importCsv(List<Plan> plans) {
    StringBuilder csv = new StringBuilder(String.join(",", RegisterCsvImport.HEADER)).append('\n');
    for (Plan p : plans) {
      csv.append(p.caseReference()).append(",,").append(p.dateOfBirth()).append(",,,Setting,11,")
          .append(p.issuedOn()).append(',').append(p.lastReviewedOn()).append(",\n");
    }
    return registerImport.importCsv(csv.toString());
  }

  /** The baseline: each plan entered and its cycle started now, 200 plans per transaction. */
  private int naive(List<Plan> plans) {
    int entered = 0;
    for (int from = 0; from < plans.size(); from += 200) {
      List<Plan> batch = plans.subList(from, Math.min(plans.size(), from + 200));
      entered += transactions.execute(status -> {
        int n = 0;
        for (Plan plan : batch) {
          if (planRegister.enter(plan.withNextReviewDue(reviews.nextDue(plan)), PlanEvent.Kind.ONBOARDED,
              "benchmark baseline", "benchmark")) {
            reviews.start(runtime, plan.caseReference(), ReviewKind.ANNUAL, Map.of());
            n++;
          }
        }
        return n;
      });
    }
    return entered;
  }

  /** N plans as a council's register has them: issued 1 to 6 years ago, last reviewed within the year, 1 in 10 late. */
  private static List<Plan> register(String prefix, int plans, LocalDate today) {
    List<Plan> register = new ArrayList<>(plans);
    for (int i = 1; i <= plans; i++) {
      LocalDate reviewed = i % 10 == 0 ? today.minusDays(366 + i % 60) : today.minusDays((i * 7919L) % 365);
      LocalDate born = today.minusYears(5 + i % 14).minusDays(i % 365);
      register.add(new Plan(String.format("%s%06d", prefix, i), null, born, SchoolYears.receptionYear(born, 0), null,
          null, "Setting", 11, today.minusDays(430 + i % 1800), reviewed, null, PlanStatus.MAINTAINED, null, null,
          Plan.Source.ONBOARDED));
    }
    return register;
  }

  /** Rows in the engine's runtime executions, jobs and variables. */
  private long[] runtimeRows() {
    return new long[] {count("act_ru_execution"), count("act_ru_job"), count("act_ru_variable")};
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  /**
   * Times the group's first page as that user: 200 samples after 5 warm-up runs, or as many as 30 seconds allow;
   * prints p50 and p95.
   */
  private void time(String label, String user, String group) {
    asUser(user, group, () -> sample("first page of 50 group tasks by due date, " + label, () -> {
      if (tasks.createTaskQuery().taskCandidateGroup(group).orderByDueDate().asc().listPage(0, 50).isEmpty()) {
        throw new IllegalStateException("no tasks visible to " + user);
      }
    }));
  }

  /**
   * Times the shared filter's query as a role that no longer reads that filter (the panel, a partner), as they ran it
   * when every role opened it: the same query, run as that user, with the same authorization checks.
   */
  private void timeSharedQuery(String label, String user, String group) {
    asUser(user, group, () -> sample(String.format("Tasklist filter '%s' query (%d tasks), first page of 50, %s",
        SHARED, tasks.createTaskQuery().count(), label),
        () -> tasks.createTaskQuery().orderByDueDate().asc().listPage(0, 50)));
  }

  /** Times the Tasklist filter's first page of 50 as that user, as Tasklist asks for it, and says how many it holds. */
  private void timeFilter(String label, String user, String group, String filterName) {
    String filterId = filters.createFilterQuery().filterName(filterName).singleResult().getId();
    asUser(user, group, () -> sample(String.format("Tasklist filter '%s' (%d tasks), first page of 50, %s",
        filterName, filters.count(filterId), label), () -> filters.listPage(filterId, 0, 50)));
  }

  /** Runs the work signed in as that user with the groups the identity service gives them, as Tasklist signs in. */
  private void asUser(String user, String group, Runnable work) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    if (!groups.contains(group)) {
      throw new IllegalStateException(user + " is not in " + group + " but in " + groups);
    }
    identity.setAuthentication(user, groups);
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Times a GET over HTTP as that demo user (password = user name, {@code demo} for the administrator), at steady
   * state: a server answers a route thousands of times a day, so the JIT has compiled its path before the 200
   * samples are taken. Warm-up: 500 requests or 10 seconds, whichever ends first (with 5, as for the queries, the
   * samples timed code the JIT had not compiled yet: p50 12 ms where the same route answers in 4 ms once warm).
   */
  private void timeRead(String label, String user, String path) {
    TestRestTemplate as = rest.withBasicAuth(user, user);
    long warmUntil = System.nanoTime() + 10_000_000_000L;
    for (int i = 0; i < 500 && System.nanoTime() < warmUntil; i++) {
      as.getForEntity(path, String.class);
    }
    sample(label, () -> {
      HttpStatusCode status = as.getForEntity(path, String.class).getStatusCode();
      if (!status.is2xxSuccessful()) {
        throw new IllegalStateException(path + " answered " + status + " to " + user);
      }
    });
  }

  /** 200 samples after 5 warm-up runs, or as many as 30 seconds allow (at least 10); prints p50 and p95. */
  private static void sample(String label, Runnable read) {
    long[] nanos = new long[200];
    int samples = 0;
    long budgetEnds = System.nanoTime() + 30_000_000_000L;
    for (int i = 0; samples < nanos.length && (samples < 10 || System.nanoTime() < budgetEnds); i++) {
      long t = System.nanoTime();
      read.run();
      if (i >= 5) {
        nanos[samples++] = System.nanoTime() - t;
      }
    }
    long[] taken = Arrays.copyOf(nanos, samples);
    Arrays.sort(taken);
    System.out.printf("benchmark: %s: p50 %.1f ms, p95 %.1f ms (%d samples)%n", label, taken[samples / 2] / 1e6,
        taken[samples * 95 / 100] / 1e6, samples);
  }
}
