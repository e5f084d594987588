package org.ehcworkflow.benchmark;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.management.Metrics;
import org.ehcworkflow.annualreview.AnnualReviews;
import org.ehcworkflow.integration.OverdueRegisters;
import org.ehcworkflow.integration.TestPostgres;
import org.ehcworkflow.onboarding.RegisterCsvImport;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.EmptyColumnIndexes;
import org.ehcworkflow.process.EngineTableIndexes;
import org.ehcworkflow.process.TimersTogether;
import org.ehcworkflow.testing.SecondNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Prints figures, asserts nothing: {@code mvn -Pbenchmark test -Dtest=TimerStormBenchmark
 * [-Dbenchmark.storm=3000]}. A go-live storm: an overdue register of N plans is imported with the job executor
 * stopped, so every review's timers (time to prepare it, then its reminder and breach, all overdue) fire together;
 * then the job executor is started and the time until no job is due is measured. Storms in one run: Camunda's
 * defaults (the naive baseline), the tuned settings, and the tuned settings on two nodes sharing the database; then,
 * where the machine lets a process be held to a CPU quota, the tuned settings on one node and on two, each node held
 * to {@code -Dbenchmark.node-cores} of the cores. An uncounted storm warms up each JVM before it is measured: node A
 * with a storm a fifth the size, node B alone with as many plans as node A has run (at most 10,000).
 */
@Tag("benchmark")
@SpringBootTest(properties = {"ehc.demo.enabled=true", TimerStormBenchmark.WAIT_TIME, TimerStormBenchmark.MAX_WAIT,
    "camunda.bpm.generic-properties.properties.hostname=node-a"})
class TimerStormBenchmark {

  /**
   * How long a node's acquisition waits when it found no due job, on both nodes: a fifth of a second, so that a storm
   * starts at once (Camunda's 5 s would be part of every measurement). Each node queues Camunda's 3 groups of jobs
   * beyond its threads, as the product does.
   */
  static final String WAIT_TIME = "camunda.bpm.job-execution.wait-time-in-millis=200";
  static final String MAX_WAIT = "camunda.bpm.job-execution.max-wait=500";

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @Autowired ProcessEngine engine;
  @Autowired RegisterCsvImport registerImport;
  @Autowired JdbcTemplate jdbc;
  @Autowired @Qualifier("camundaTaskExecutor") ThreadPoolTaskExecutor pool;
  @Value("${spring.datasource.url}") String databaseUrl;

  /** How a node's job executor is set for a storm. */
  record Settings(String name, int jobsPerAcquisition, int threads, boolean byDueDate, int timersPerTransaction) {

    /** Camunda's acquisition backoff after lock conflicts with another node: 0 (off, Camunda's default) but tuned. */
    int backoffMillis() {
      return byDueDate ? BACKOFF_MILLIS : 0;
    }
  }

  static final Settings NAIVE = new Settings("Camunda defaults (3 jobs per acquisition, 3-10 threads, "
      + "acquired in no order, Camunda's indexes, a transaction for each job)", 3, 3, false, 1);
  private static final int TUNED_JOBS_PER_ACQUISITION = Integer.getInteger("benchmark.jobs-per-acquisition", 128);
  private static final int TUNED_THREADS = Integer.getInteger("benchmark.threads", 8);
  private static final int TUNED_TIMERS_PER_TRANSACTION = Integer.getInteger("benchmark.timers-per-transaction", 64);
  static final Settings TUNED = new Settings("tuned (" + TUNED_JOBS_PER_ACQUISITION + " jobs per acquisition, "
      + TUNED_THREADS + " threads, timers first by due date, the acquisition's indexes, the timers of up to "
      + TUNED_TIMERS_PER_TRANSACTION + " cases in a transaction)", TUNED_JOBS_PER_ACQUISITION, TUNED_THREADS, true,
      TUNED_TIMERS_PER_TRANSACTION);

  /** {@code -Dbenchmark.backoff-ms}: the tuned nodes' acquisition backoff after lock conflicts; 0 (off) unless set. */
  static final int BACKOFF_MILLIS = Integer.getInteger("benchmark.backoff-ms", 0);

  /**
   * {@code -Dbenchmark.node-cores}: the cores each node is held to in the last two storms (a third of a core unless
   * set; 0 leaves them out). Two JVMs and PostgreSQL on the same two cores only share them, so the two-node storm
   * measures what a second node costs there, not what it adds. Held to a quota, each node is a server of that many
   * cores and PostgreSQL has the rest, as when a council adds a node because its one node is full: the ratio of those
   * two storms is what the second node adds. A third of a core leaves PostgreSQL about as much as two nodes' jobs
   * need (about 1 ms of its CPU a job); at half a core each, two nodes and PostgreSQL filled the machine, and the
   * ratio measured the machine again.
   */
  static final double NODE_CORES = Double.parseDouble(System.getProperty("benchmark.node-cores", "0.33"));

  @Test
  void drainATimerStorm() throws Exception {
    int plans = Integer.getInteger("benchmark.storm", 3000);
    // A storm a fifth the size first, not counted: otherwise the first storm measured (the baseline) also paid for the
    // JIT compiling the engine's and the delegates' code, and the settings after it looked better than they are.
    int warmUp = Math.max(200, plans / 5);
    storm("WARMUP", warmUp, NAIVE, null, 0);
    Drain naive = storm("STORMA", plans, NAIVE, null, 0);
    Drain tuned = storm("STORMB", plans, TUNED, null, 0);
    String noQuota = NODE_CORES <= 0 ? "-Dbenchmark.node-cores=0" : CpuQuota.unavailable();
    Drain heldOne = noQuota == null ? storm("STORMD", plans, TUNED, null, NODE_CORES) : null;
    Drain twoNodes;
    Drain heldTwo = null;
    try (SecondNode nodeB = secondNode(TUNED)) {
      // Node B warms up alone first, on as many plans as node A has run (at most 10,000): measured cold, or warmed
      // on a few thousand jobs, its job threads ran half-compiled code, at twice node A's CPU a job, and its JIT
      // compilers took a core's share for seconds.
      warmUpAlone(nodeB, (int) Math.min(plansImported, 10_000));
      twoNodes = storm("STORMC", plans, TUNED, nodeB, 0);
      if (noQuota == null) {
        heldTwo = storm("STORME", plans, TUNED, nodeB, NODE_CORES);
      }
      nodeB.stop(Duration.ofSeconds(30));
    }
    System.out.printf("benchmark: timer storm of %d plans: naive %.0f jobs/s (%.0f plans/s), tuned %.0f jobs/s "
        + "(%.0f plans/s, %.2fx naive), two nodes tuned %.0f jobs/s (%.0f plans/s, %.2fx one node)%n", plans,
        naive.jobsPerSecond(), naive.plansPerSecond(), tuned.jobsPerSecond(), tuned.plansPerSecond(),
        tuned.plansPerSecond() / naive.plansPerSecond(), twoNodes.jobsPerSecond(), twoNodes.plansPerSecond(),
        twoNodes.plansPerSecond() / tuned.plansPerSecond());
    if (noQuota == null) {
      System.out.printf("benchmark: timer storm of %d plans, each node held to %.2f cores and PostgreSQL not held: "
          + "one node %.0f jobs/s (%.0f plans/s), two nodes %.0f jobs/s (%.0f plans/s, %.2fx one node)%n", plans,
          NODE_CORES, heldOne.jobsPerSecond(), heldOne.plansPerSecond(), heldTwo.jobsPerSecond(),
          heldTwo.plansPerSecond(), heldTwo.plansPerSecond() / heldOne.plansPerSecond());
    } else {
      System.out.printf("benchmark: nodes held to a share of the cores: not measured, %s%n", noQuota);
    }
    printSize(plansImported);
    System.out.printf("benchmark: heap used after the storms %d MiB%n", Heap.usedMiB());
  }

  /**
   * A storm's drain rate: its successful jobs, and its plans (each plan's overdue review with its reminder and breach
   * recorded), per second. Plans per second compare models with different jobs per plan; jobs per second do not.
   */
  record Drain(double jobsPerSecond, double plansPerSecond) {
  }

  /** A storm that node B drains alone, node A's job executor stopped, to warm it up; not counted. */
  private void warmUpAlone(SecondNode nodeB, int plans) throws Exception {
    storm("WARMUPB", plans, TUNED, nodeB, false, 0);
  }

  private Drain storm(String prefix, int plans, Settings settings, SecondNode nodeB, double cores) throws Exception {
    return storm(prefix, plans, settings, nodeB, true, cores);
  }

  /**
   * One storm: its jobs gathered with node A's job executor stopped, then drained by node A (unless
   * {@code onNodeA} is false) and node B if there is one, each held to {@code cores} of the machine's cores when
   * that is more than 0. With node B, whose job executor runs all along, the reviews' timers are created suspended
   * (their job definitions are) and all made active at once when node A starts.
   */
  private Drain storm(String prefix, int plans, Settings settings, SecondNode nodeB, boolean onNodeA, double cores)
      throws Exception {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    JobExecutor executor = configuration.getJobExecutor();
    executor.shutdown();
    awaitQuiet();
    boolean secondNode = nodeB != null;
    if (secondNode) {
      engine.getManagementService().suspendJobDefinitionByProcessDefinitionKey(AnnualReviews.PROCESS, true);
    }
    // The baseline is Camunda's own schema; the tuned settings have the product's indexes: the acquisition's, and
    // Camunda's on empty columns leaving out the empty rows.
    jdbc.execute("drop index if exists " + String.join(", ", EngineTableIndexes.JOB_ACQUISITION));
    if (settings.byDueDate()) {
      EngineTableIndexes.jobAcquisition(true, true, true).values().forEach(jdbc::execute);
      EmptyColumnIndexes.makePartial(jdbc.getDataSource());
    } else {
      EmptyColumnIndexes.makeFull(jdbc.getDataSource());
    }
    long imported = registerImport.importCsv(OverdueRegisters.csv(prefix, plans).toString()).imported();
    plansImported += imported;
    executor.setMaxJobsPerAcquisition(settings.jobsPerAcquisition());
    ((TimersTogether) executor).setTimersPerTransaction(settings.timersPerTransaction());
    int backoff = settings.backoffMillis();
    executor.setBackoffTimeInMillis(backoff);
    executor.setMaxBackoff(backoff * 8L);
    pool.setMaxPoolSize(Math.max(settings.threads(), 10));
    pool.setCorePoolSize(settings.threads());
    configuration.setJobExecutorAcquireByDueDate(settings.byDueDate());
    configuration.setJobExecutorPreferTimerJobs(settings.byDueDate());
    jdbc.execute("analyze act_ru_job");
    Timestamp gathered = Timestamp.from(EngineClock.instant());
    Statements.reset(jdbc);
    List<CpuQuota> quotas = cores > 0 ? hold(cores, nodeB) : List.of();
    long due;
    CpuTime.Used used;
    try {
      CpuTime.Span cpu = CpuTime.start(jdbc, secondNode ? nodeB.pid() : 0);
      if (secondNode) {
        engine.getManagementService().activateJobDefinitionByProcessDefinitionKey(AnnualReviews.PROCESS, true);
      }
      due = dueJobs();
      if (onNodeA) {
        executor.start();
      }
      // Polled twice a second: the count reads the job table, and at ten a second it was a tenth of PostgreSQL's
      // time in the storm. The rate does not depend on it: it is read from the job log below.
      while (dueJobs() > 0) {
        Thread.sleep(500);
      }
      used = cpu.stop();
    } finally {
      quotas.forEach(CpuQuota::close);
    }
    Long suspended = jdbc.queryForObject("select count(*) from act_ru_job where suspension_state_ <> 1", Long.class);
    if (suspended != null && suspended > 0) {
      throw new IllegalStateException(suspended + " jobs still suspended: the storm did not drain them all");
    }
    // The drain rate from the job log: the storm's successful jobs over the time from its first to its last, so a
    // node that started a moment before the other does not skew it.
    Map<String, Object> window = jdbc.queryForMap("select count(*) as jobs, "
        + "count(*) filter (where job_def_type_ like 'timer%') as timers, "
        + "count(*) filter (where hostname_ = 'node-a') as by_node_a, "
        + "count(distinct xmin::text) as transactions, "
        + "extract(epoch from max(timestamp_) - min(timestamp_)) as seconds from act_hi_job_log "
        + "where job_state_ = 2 and timestamp_ >= ?", gathered);
    long executed = ((Number) window.get("jobs")).longValue();
    double seconds = Math.max(0.001, ((Number) window.get("seconds")).doubleValue());
    System.out.printf("benchmark: storm %s, %s%s%s: %d plans imported, %d jobs due, %d run (%d timers, %.1f jobs per "
        + "plan) in %.1f s: %.0f jobs/s, %.0f plans/s%n", prefix, settings.name(),
        !onNodeA ? ", node B alone" : secondNode ? ", two nodes" : "",
        cores > 0 ? String.format(", each node held to %.2f cores", cores) : "",
        imported, due, executed, ((Number) window.get("timers")).longValue(), (double) executed / plans, seconds,
        executed / seconds, plans / seconds);
    // Camunda's own acquisition metrics of this node for the storm: a failure is a job it selected but could not lock
    // because another node had locked it first. A plan's later timers, due when its first one creates them, run in
    // the same thread after it without an acquisition, so a node acquires about one job per plan it takes; which node
    // ran each job is in the job log.
    engine.getManagementService().reportDbMetricsNow();
    long acquired = metric(Metrics.JOB_ACQUIRED_SUCCESS);
    long conflicts = metric(Metrics.JOB_ACQUIRED_FAILURE);
    long transactions = ((Number) window.get("transactions")).longValue();
    long byNodeA = ((Number) window.get("by_node_a")).longValue();
    System.out.printf("benchmark:   node A ran %d of the %d jobs; its acquisition: %s %d, %s %d; the jobs committed in "
        + "%d transactions, %.1f jobs each%n", byNodeA, executed,
        Metrics.JOB_ACQUIRED_SUCCESS, acquired - acquiredBefore, Metrics.JOB_ACQUIRED_FAILURE,
        conflicts - conflictsBefore, transactions, (double) executed / Math.max(1, transactions));
    acquiredBefore = acquired;
    conflictsBefore = conflicts;
    used.print(executed, "job");
    if (secondNode && onNodeA && byNodeA > 0 && byNodeA < executed) {
      System.out.printf("benchmark:   CPU per job each node ran: node A %.2f ms, node B %.2f ms%n",
          1000 * used.jvm() / byNodeA, 1000 * used.other() / (executed - byNodeA));
    }
    Statements.print(jdbc, executed, "job");
    return new Drain(executed / seconds, plans / seconds);
  }

  /** Node A (this JVM) and node B, if there is one, each held to {@code cores} of the machine's cores. */
  private static List<CpuQuota> hold(double cores, SecondNode nodeB) {
    CpuQuota nodeA = CpuQuota.of("ehc-benchmark-node-a", cores);
    nodeA.hold(ProcessHandle.current().pid());
    if (nodeB == null) {
      return List.of(nodeA);
    }
    try {
      CpuQuota second = CpuQuota.of("ehc-benchmark-node-b", cores);
      second.hold(nodeB.pid());
      return List.of(nodeA, second);
    } catch (RuntimeException e) {
      nodeA.close();
      throw e;
    }
  }

  /** Node B: a second JVM on the same database with these job executor settings, running until closed. */
  private SecondNode secondNode(Settings settings) throws Exception {
    int backoff = settings.backoffMillis();
    // The heap node A has (the benchmark profile's -Xmx2g); -Dbenchmark.node-b-jvm adds options, as -Dbenchmark.jvm
    // does for node A (a profile: "-XX:StartFlightRecording=filename=target/storm-b.jfr,settings=profile").
    List<String> jvm = new ArrayList<>(List.of("-Xmx2g"));
    String more = System.getProperty("benchmark.node-b-jvm", "").trim();
    if (!more.isEmpty()) {
      jvm.addAll(List.of(more.split("\\s+")));
    }
    return SecondNode.start(databaseUrl, Path.of("target", "storm-node-b.log"), jvm,
        List.of("--ehc.demo.enabled=false", "--camunda.bpm.generic-properties.properties.hostname=node-b",
            "--" + WAIT_TIME, "--" + MAX_WAIT,
            "--camunda.bpm.job-execution.backoff-time-in-millis=" + backoff,
            "--camunda.bpm.job-execution.max-backoff=" + backoff * 8L,
            "--camunda.bpm.job-execution.max-jobs-per-acquisition=" + settings.jobsPerAcquisition(),
            "--ehc.jobs.timers-per-transaction=" + settings.timersPerTransaction(),
            "--camunda.bpm.job-execution.core-pool-size=" + settings.threads(),
            "--camunda.bpm.job-execution.max-pool-size=" + Math.max(settings.threads(), 10),
            "--camunda.bpm.generic-properties.properties.jobExecutorAcquireByDueDate=" + settings.byDueDate(),
            "--camunda.bpm.generic-properties.properties.jobExecutorPreferTimerJobs=" + settings.byDueDate()),
        Duration.ofMinutes(3));
  }

  /** What the storms left in the database: rows and bytes per plan of the largest tables, and in all. */
  private void printSize(long plans) {
    jdbc.execute("analyze");
    List<Map<String, Object>> tables = jdbc.queryForList("select relname, n_live_tup as row_count, "
        + "pg_total_relation_size(relid) as bytes from pg_stat_user_tables order by bytes desc");
    long total = tables.stream().mapToLong(t -> ((Number) t.get("bytes")).longValue()).sum();
    System.out.printf("benchmark: database after %d plans: %d MiB, %.0f bytes per plan (%s)%n", plans,
        total / (1024 * 1024), (double) total / plans, Durability.of(jdbc));
    tables.stream().limit(12).forEach(t -> System.out.printf("benchmark:   %-28s %9d rows (%5.1f per plan) %7.0f "
        + "bytes per plan%n", t.get("relname"), ((Number) t.get("row_count")).longValue(),
        ((Number) t.get("row_count")).doubleValue() / plans, ((Number) t.get("bytes")).doubleValue() / plans));
  }

  private long plansImported;
  private long acquiredBefore;
  private long conflictsBefore;

  private long metric(String name) {
    return engine.getManagementService().createMetricsQuery().name(name).sum();
  }

  private long dueJobs() {
    Long count = jdbc.queryForObject("select count(*) from act_ru_job where (duedate_ is null or duedate_ <= ?) "
        + "and retries_ > 0 and suspension_state_ = 1", Long.class, Timestamp.from(EngineClock.instant()));
    return count == null ? 0 : count;
  }

  private void awaitQuiet() throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (pool.getActiveCount() > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
  }
}
