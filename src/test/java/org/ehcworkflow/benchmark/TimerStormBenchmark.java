package org.ehcworkflow.benchmark;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.management.Metrics;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Prints figures, asserts nothing: {@code mvn -Pbenchmark test -Dtest=TimerStormBenchmark
 * [-Dbenchmark.storm=3000]}. A go-live storm: an overdue register of N plans is imported with the job executor
 * stopped, so every review's timers (time to prepare it, then its reminder and breach, all overdue) fire together;
 * then the job executor is started and the time until no job is due is measured. Storms in one run: Camunda's
 * defaults (the naive baseline) and the tuned settings, on node A (this test's Spring context); then the tuned
 * settings on the application itself, in JVMs of its own on the same database: one node (B) and two (B and C), first
 * sharing the machine's cores, then, where the machine lets a process be held to a CPU quota, each node held to
 * {@code -Dbenchmark.node-cores} of the cores. In those node A only gathers the storms and counts. An uncounted storm
 * warms up each JVM before it is measured: node A with a storm a fifth the size, nodes B and C each alone with as
 * many plans as node A has run (at most 10,000). A node that sits a storm out is frozen ({@code SIGSTOP}) meanwhile.
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
   * {@code -Dbenchmark.node-cores}: the cores each application node is held to in the held storms (a third of a core
   * unless set; 0 leaves them out). Two JVMs and PostgreSQL on the same two cores only share them, so the two-node
   * storm sharing them measures what a second node costs there, not what it adds. Held to a quota, each node is a
   * server of that many cores and PostgreSQL has the rest, as when a council adds a node because its one node is
   * full: the ratio of the held storms is what the second node adds. A third of a core leaves PostgreSQL about as much
   * as two nodes' jobs need (1 to 3 ms of its CPU a job); at half a core each, two nodes and PostgreSQL filled the
   * machine, and the ratio measured the machine again.
   */
  static final double NODE_CORES = Double.parseDouble(System.getProperty("benchmark.node-cores", "0.33"));

  @Test
  void drainATimerStorm() throws Exception {
    int plans = Integer.getInteger("benchmark.storm", 3000);
    // A storm a fifth the size first, not counted: otherwise the first storm measured (the baseline) also paid for the
    // JIT compiling the engine's and the delegates' code, and the settings after it looked better than they are.
    int warmUp = Math.max(200, plans / 5);
    // -Dbenchmark.naive=false leaves Camunda's defaults out: node A warms up on as many plans with the tuned
    // settings, as the application's nodes do, to see what its slower storms before the tuned one do for its JIT.
    boolean withNaive = Boolean.parseBoolean(System.getProperty("benchmark.naive", "true"));
    storm("WARMUP", withNaive ? warmUp : warmUp + plans, withNaive ? NAIVE : TUNED, List.of(), 0);
    Drain naive = withNaive ? storm("STORMA", plans, NAIVE, List.of(), 0) : null;
    Drain tuned = storm("STORMB", plans, TUNED, List.of(), 0);
    String noQuota = NODE_CORES <= 0 ? "-Dbenchmark.node-cores=0" : CpuQuota.unavailable();
    Drain appOne;
    Drain tunedAfter;
    Drain appTwo;
    Drain heldOne = null;
    Drain heldTwo = null;
    // Each application node warms up alone first, on as many plans as node A has run (at most 10,000): measured
    // cold, or warmed on a few thousand jobs, its job threads ran half-compiled code, at twice node A's CPU a job,
    // and its JIT compilers took a core's share for seconds. Node B, warmed first and running every storm, is the
    // one node; node C, less warmed, is the second. -Dbenchmark.node-warm-up=N sets the plans (20,000 did not close
    // the gap to node A: see the benchmark log, 2026-12-08).
    int warmUpAlone = Integer.getInteger("benchmark.node-warm-up", (int) Math.min(plansImported, 10_000));
    try (Node nodeB = node("node-b", TUNED); Node nodeC = node("node-c", TUNED)) {
      List<Node> both = List.of(nodeB, nodeC);
      int nodeImport = Integer.getInteger("benchmark.node-import", 0);
      if (nodeImport > 0) {
        importThroughTheApi(nodeB, nodeImport);
      }
      storm("WARMUPB", warmUpAlone, TUNED, only(both, nodeB), 0);
      storm("WARMUPC", warmUpAlone, TUNED, only(both, nodeC), 0);
      appOne = storm("STORMC", plans, TUNED, only(both, nodeB), 0);
      // Node A again, right after the application's storm: is the application's JVM slower, or the later storms?
      tunedAfter = storm("STORMG", plans, TUNED, only(both), 0);
      if (noQuota == null) {
        heldOne = storm("STORMD", plans, TUNED, only(both, nodeB), NODE_CORES);
      }
      appTwo = storm("STORME", plans, TUNED, only(both, nodeB, nodeC), 0);
      if (noQuota == null) {
        heldTwo = storm("STORMF", plans, TUNED, both, NODE_CORES);
      }
    }
    if (naive != null) {
      System.out.printf("benchmark: timer storm of %d plans: naive %.0f jobs/s (%.0f plans/s), tuned %.0f jobs/s "
          + "(%.0f plans/s, %.2fx naive)%n", plans, naive.jobsPerSecond(), naive.plansPerSecond(),
          tuned.jobsPerSecond(), tuned.plansPerSecond(), tuned.plansPerSecond() / naive.plansPerSecond());
    }
    System.out.printf("benchmark: timer storm of %d plans, tuned, one node: node A (the benchmark's context) %.0f "
        + "jobs/s, then the application in its own JVM %.0f (%.2fx node A), then node A again %.0f (%.2fx node A "
        + "before)%n", plans, tuned.jobsPerSecond(), appOne.jobsPerSecond(),
        appOne.jobsPerSecond() / tuned.jobsPerSecond(), tunedAfter.jobsPerSecond(),
        tunedAfter.jobsPerSecond() / tuned.jobsPerSecond());
    System.out.printf("benchmark: timer storm of %d plans on the application's own JVMs, tuned, sharing the "
        + "machine's cores: %s%n", plans, oneAndTwo(appOne, appTwo));
    if (noQuota == null) {
      System.out.printf("benchmark: timer storm of %d plans on the application's own JVMs, tuned, each node held to "
          + "%.2f cores and PostgreSQL not held: %s%n", plans, NODE_CORES, oneAndTwo(heldOne, heldTwo));
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

  /** One node's drain rate and two nodes', with their ratio, for a summary line. */
  private static String oneAndTwo(Drain one, Drain two) {
    return String.format("one node %.0f jobs/s (%.0f plans/s), two nodes %.0f jobs/s (%.0f plans/s, %.2fx one node)",
        one.jobsPerSecond(), one.plansPerSecond(), two.jobsPerSecond(), two.plansPerSecond(),
        two.plansPerSecond() / one.plansPerSecond());
  }

  /** An application node beside node A: its job log host name and its JVM. */
  record Node(String hostname, SecondNode process) implements AutoCloseable {

    /**
     * Stopped as a server is stopped, so that a flight recording asked for is written; let run first if frozen, or a
     * frozen node would not act on the signal until killed.
     */
    @Override
    public void close() throws Exception {
      try {
        process.resume();
      } finally {
        process.stop(Duration.ofSeconds(30));
      }
    }
  }

  /**
   * One storm: its jobs gathered with node A's job executor stopped, then drained by the application nodes given, or
   * by node A when none is, each held to {@code cores} of the machine's cores when that is more than 0. Application
   * nodes' job executors run all along, so they are frozen while the storm is gathered and let run as it starts.
   * (Until 2026-12-08 their storms were gathered with the reviews' job definitions suspended and all made active at
   * once as the storm started: that rewrote every job row, and PostgreSQL then needed over 40% more CPU a job than in
   * node A's storms.)
   */
  private Drain storm(String prefix, int plans, Settings settings, List<Node> nodes, double cores)
      throws Exception {
    boolean onNodeA = nodes.isEmpty();
    List<String> names = onNodeA ? List.of("node-a") : nodes.stream().map(Node::hostname).toList();
    List<Long> nodePids = nodes.stream().map(node -> node.process().pid()).toList();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    JobExecutor executor = configuration.getJobExecutor();
    executor.shutdown();
    awaitQuiet();
    for (Node node : nodes) {
      pause(node);
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
    List<CpuQuota> quotas = cores > 0 ? hold(cores, names, onNodeA ? List.of(ProcessHandle.current().pid()) : nodePids)
        : List.of();
    long due;
    CpuTime.Used used;
    try {
      CpuTime.Span cpu = CpuTime.start(jdbc, nodePids);
      due = dueJobs();
      if (onNodeA) {
        executor.start();
      }
      for (Node node : nodes) {
        node.process().resume();
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
    // The drain rate from the job log: the storm's successful jobs over the time from its first to its last, so a
    // node that started a moment before the other does not skew it. Each node's rows in one reading; a transaction
    // is one node's, so the nodes' transactions add up.
    Map<String, Long> byNode = new TreeMap<>();
    long timers = 0;
    long transactions = 0;
    Instant first = null;
    Instant last = null;
    for (Map<String, Object> node : jdbc.queryForList("select hostname_ as node, count(*) as jobs, "
        + "count(*) filter (where job_def_type_ like 'timer%') as timers, "
        + "count(distinct xmin::text) as transactions, min(timestamp_) as first, max(timestamp_) as last "
        + "from act_hi_job_log where job_state_ = 2 and timestamp_ >= ? group by hostname_", gathered)) {
      byNode.put((String) node.get("node"), ((Number) node.get("jobs")).longValue());
      timers += ((Number) node.get("timers")).longValue();
      transactions += ((Number) node.get("transactions")).longValue();
      Instant from = ((Timestamp) node.get("first")).toInstant();
      Instant to = ((Timestamp) node.get("last")).toInstant();
      first = first == null || from.isBefore(first) ? from : first;
      last = last == null || to.isAfter(last) ? to : last;
    }
    long executed = byNode.values().stream().mapToLong(Long::longValue).sum();
    double seconds = Math.max(0.001, first == null ? 0 : Duration.between(first, last).toNanos() / 1e9);
    System.out.printf("benchmark: storm %s, %s, %s%s: %d plans imported, %d jobs due, %d run (%d timers, %.1f jobs "
        + "per plan) in %.1f s: %.0f jobs/s, %.0f plans/s%n", prefix, settings.name(), String.join(" and ", names),
        cores > 0 ? String.format(", each node held to %.2f cores", cores) : "",
        imported, due, executed, timers, (double) executed / plans, seconds, executed / seconds, plans / seconds);
    // Camunda's own acquisition metrics of node A for the storm: a failure is a job it selected but could not lock
    // because another node had locked it first. A plan's later timers, due when its first one creates them, run in
    // the same thread after it without an acquisition, so a node acquires about one job per plan it takes.
    engine.getManagementService().reportDbMetricsNow();
    long acquired = metric(Metrics.JOB_ACQUIRED_SUCCESS);
    long conflicts = metric(Metrics.JOB_ACQUIRED_FAILURE);
    System.out.printf("benchmark:   jobs each node ran: %s; node A's acquisition: %s %d, %s %d; the jobs committed "
        + "in %d transactions, %.1f jobs each%n", byNode.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
        Metrics.JOB_ACQUIRED_SUCCESS, acquired - acquiredBefore, Metrics.JOB_ACQUIRED_FAILURE,
        conflicts - conflictsBefore, transactions, (double) executed / Math.max(1, transactions));
    acquiredBefore = acquired;
    conflictsBefore = conflicts;
    used.print(executed, "job");
    if (nodes.size() > 1) {
      List<String> perJob = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        perJob.add(String.format("%s %.2f ms", names.get(i),
            1000 * used.others().get(i) / Math.max(1, byNode.getOrDefault(names.get(i), 0L))));
      }
      System.out.printf("benchmark:   CPU per job each node ran: %s%n", String.join(", ", perJob));
    }
    Statements.print(jdbc, executed, "job");
    return new Drain(executed / seconds, plans / seconds);
  }

  /** Freezes the nodes of {@code all} other than {@code these}, which drain the next storm (none given: node A). */
  private List<Node> only(List<Node> all, Node... these) throws Exception {
    List<Node> running = List.of(these);
    for (Node node : all) {
      if (!running.contains(node)) {
        pause(node);
      }
    }
    return running;
  }

  /**
   * Freezes a node between storms, after checking that it was not caught inside a transaction (which would hold back
   * PostgreSQL's vacuum in the storms it sits out); if it was, it runs a moment and is frozen again.
   */
  private void pause(Node node) throws Exception {
    for (int attempt = 0; attempt < 50; attempt++) {
      node.process().pause();
      Thread.sleep(100);
      Long open = jdbc.queryForObject("select count(*) from pg_stat_activity where state like 'idle in transaction%' "
          + "and pid <> pg_backend_pid()", Long.class);
      if (open == null || open == 0) {
        return;
      }
      node.process().resume();
      Thread.sleep(50);
    }
    throw new IllegalStateException(node.hostname() + " could not be frozen outside a transaction");
  }

  /** The processes that drain a storm, each held to {@code cores} of the cores in a group of its own. */
  private static List<CpuQuota> hold(double cores, List<String> names, List<Long> pids) {
    List<CpuQuota> quotas = new ArrayList<>();
    try {
      for (int i = 0; i < pids.size(); i++) {
        CpuQuota quota = CpuQuota.of("ehc-benchmark-" + names.get(i), cores);
        quotas.add(quota);
        quota.hold(pids.get(i));
      }
      return quotas;
    } catch (RuntimeException e) {
      quotas.forEach(CpuQuota::close);
      throw e;
    }
  }

  /**
   * An application node beside node A: another JVM of the application on the same database with these job
   * executor settings, running until closed.
   */
  private Node node(String hostname, Settings settings) throws Exception {
    int backoff = settings.backoffMillis();
    // The heap node A has (the benchmark profile's -Xmx2g); -Dbenchmark.node-jvm adds options to nodes B and C, as
    // -Dbenchmark.jvm does to node A, {node} in them replaced by the node's host name (a profile of each:
    // "-XX:StartFlightRecording=filename=target/storm-{node}.jfr,settings=profile").
    List<String> jvm = new ArrayList<>(List.of("-Xmx2g"));
    String more = System.getProperty("benchmark.node-jvm", "").trim();
    if (!more.isEmpty()) {
      jvm.addAll(List.of(more.replace("{node}", hostname).split("\\s+")));
    }
    return new Node(hostname, SecondNode.start(databaseUrl, Path.of("target", "storm-" + hostname + ".log"), jvm,
        List.of("--ehc.demo.enabled=false", "--camunda.bpm.generic-properties.properties.hostname=" + hostname,
            "--" + WAIT_TIME, "--" + MAX_WAIT,
            "--camunda.bpm.job-execution.backoff-time-in-millis=" + backoff,
            "--camunda.bpm.job-execution.max-backoff=" + backoff * 8L,
            "--camunda.bpm.job-execution.max-jobs-per-acquisition=" + settings.jobsPerAcquisition(),
            "--ehc.jobs.timers-per-transaction=" + settings.timersPerTransaction(),
            "--camunda.bpm.job-execution.core-pool-size=" + settings.threads(),
            "--camunda.bpm.job-execution.max-pool-size=" + Math.max(settings.threads(), 10),
            "--camunda.bpm.generic-properties.properties.jobExecutorAcquireByDueDate=" + settings.byDueDate(),
            "--camunda.bpm.generic-properties.properties.jobExecutorPreferTimerJobs=" + settings.byDueDate()),
        Duration.ofMinutes(3)));
  }

  /**
   * {@code -Dbenchmark.node-import=N}: the node enters a register of N plans whose reviews are months away through
   * its own API, as a council's go-live does, before its warm-up storm. Node A enters every storm's register, on one
   * thread between storms; this gives the application's JVM the same kind of work, to see what it does for its JIT.
   */
  private void importThroughTheApi(Node node, int plans) throws Exception {
    TestRestTemplate rest = new TestRestTemplate(
        new RestTemplateBuilder().rootUri("http://localhost:" + node.process().port()));
    long started = System.nanoTime();
    ResponseEntity<Map> accepted = OverdueRegisters.importCsv(rest, OverdueRegisters.notYetDue("LATER", plans)
        .toString());
    if (accepted.getStatusCode() != HttpStatus.ACCEPTED) {
      throw new IllegalStateException("the import was refused: " + accepted.getStatusCode() + " " + accepted.getBody());
    }
    String progress = (String) accepted.getBody().get("progress");
    Map<?, ?> status = Map.of();
    while (!"DONE".equals(status.get("status"))) {
      if ("FAILED".equals(status.get("status"))) {
        throw new IllegalStateException("the import failed: " + status);
      }
      Thread.sleep(500);
      status = rest.withBasicAuth("demo", "demo").getForObject(progress, Map.class);
    }
    System.out.printf("benchmark: %s entered %s of %d plans not yet due through its API in %.1f s%n",
        node.hostname(), status.get("imported"), plans, (System.nanoTime() - started) / 1e9);
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
