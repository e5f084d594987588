package org.ehcworkflow.benchmark;

import org.ehcworkflow.onboarding.RegisterCsvImport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.ehcworkflow.needsassessment.CaseOpening;
import org.ehcworkflow.security.Roles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Prints figures, asserts nothing: {@code mvn -Pbenchmark test [-Dbenchmark.cases=10000]}. Opens N cases on
 * embedded PostgreSQL through the same code path as {@code POST /api/cases}, then times an officer's first page
 * of group tasks (50, sorted by due date, with authorization checks) as a coordinator and as a panel member.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"ehc.demo.enabled=true", "camunda.bpm.job-execution.enabled=false"})
class OpenCasesBenchmark {

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    try {
      server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @Autowired CaseOpening opening;
  @Autowired RegisterCsvImport registerImport;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  @Test
  void openCasesAndReadTheFirstTaskPage() {
    int cases = Integer.getInteger("benchmark.cases", 10_000);
    LocalDate received = LocalDate.now().minusDays(10);
    long start = System.nanoTime();
    for (int i = 0; i < cases; i++) {
      opening.open(Map.of("requestReceivedDate", received.toString(), "requesterType", "PARENT"), null, null);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("benchmark: opened %d cases in %.1f s: %.0f cases/s%n", cases, seconds, cases / seconds);

    time("coordinator (process-wide task rights)", "coordinator", Roles.COORDINATORS);
    time("panel member (a task authorization per open panel task)", "panel", Roles.SEND_PANEL);
    Runtime rt = Runtime.getRuntime();
    System.out.printf("benchmark: heap used %d MiB%n", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
  }

  /** Onboards a generated register of N plans ({@code benchmark.plans}, default 10,000) and prints plans/s. */
  @Test
  void importARegisterOfPlans() {
    int plans = Integer.getInteger("benchmark.plans", 10_000);
    LocalDate today = LocalDate.now();
    StringBuilder csv = new StringBuilder(String.join(",", RegisterCsvImport.HEADER)).append('\n');
    for (int i = 1; i <= plans; i++) {
      csv.append(String.format("BENCH-%06d", i)).append(",,").append(today.minusYears(5 + i % 14).minusDays(i % 365))
          .append(",,,Setting,11,").append(today.minusDays(20 + i % 700)).append(",,\n");
    }
    long start = System.nanoTime();
    RegisterCsvImport.Report report = registerImport.importCsv(csv.toString());
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("benchmark: imported %d plans (each with its annual review) in %.1f s: %.0f plans/s%n",
        report.imported(), seconds, report.imported() / seconds);
  }

  /**
   * Times the group's first page as that user: 200 samples after 5 warm-up runs, or as many as 30 seconds allow;
   * prints p50 and p95.
   */
  private void time(String label, String user, String group) {
    long[] nanos = new long[200];
    int samples = 0;
    long budgetEnds = System.nanoTime() + 30_000_000_000L;
    identity.setAuthentication(user, List.of(group));
    try {
      for (int i = 0; samples < nanos.length && (samples < 10 || System.nanoTime() < budgetEnds); i++) {
        long t = System.nanoTime();
        int size = tasks.createTaskQuery().taskCandidateGroup(group).orderByDueDate().asc().listPage(0, 50).size();
        if (i >= 5) {
          nanos[samples++] = System.nanoTime() - t;
        }
        if (size == 0) {
          throw new IllegalStateException("no tasks visible to " + user);
        }
      }
    } finally {
      identity.clearAuthentication();
    }
    long[] taken = Arrays.copyOf(nanos, samples);
    Arrays.sort(taken);
    System.out.printf("benchmark: first page of 50 group tasks by due date, %s: p50 %.1f ms, p95 %.1f ms (%d samples)%n",
        label, taken[samples / 2] / 1e6, taken[samples * 95 / 100] / 1e6, samples);
  }
}
