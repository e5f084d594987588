package org.ehcworkflow.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a benchmark's CPU went, read from Linux's {@code /proc}: this JVM, a second node's JVM, the embedded
 * PostgreSQL server with all its backends, and the whole machine. {@link #start} before the work, then
 * {@link Span#stop} and {@link Used#print} after it print each one's CPU per unit of work (a job, a case) and how
 * busy the machine's cores were: a rate that stops rising while the cores are full is bounded by the cores, not by
 * the code waiting.
 */
final class CpuTime {

  private static final Path PROC = Path.of("/proc");
  private static final long TICKS_PER_SECOND = ticksPerSecond();

  private CpuTime() {
  }

  /** A measurement under way; {@code otherJvm} is a second node's process id, or 0 when there is none. */
  record Span(long postmaster, long otherJvm, long startNanos, double jvm, double postgres, double other,
      double machineBusy, double machineAll) {

    /** Ends the span (before a second node is stopped: its CPU is read while it runs). */
    Used stop() {
      Span end = sample(postmaster, otherJvm, startNanos);
      double all = end.machineAll - machineAll;
      return new Used(otherJvm != 0, (System.nanoTime() - startNanos) / 1e9, end.jvm - jvm, end.other - other,
          end.postgres - postgres, all <= 0 ? 0 : (end.machineBusy - machineBusy) / all);
    }
  }

  /** The CPU seconds each used over a span of {@code wall} seconds, and the share of the machine's cores busy. */
  record Used(boolean withOtherJvm, double wall, double jvm, double other, double postgres, double busyShare) {

    /** Prints each process's CPU per unit of work and the machine's cores busy over the span. */
    void print(long units, String unit) {
      int cores = Runtime.getRuntime().availableProcessors();
      System.out.printf("benchmark:   CPU per %s: this JVM %.2f ms, %sPostgreSQL %.2f ms; the machine's %d cores "
          + "%.0f%% busy over %.1f s (%.2f cores)%n", unit, 1000 * jvm / units,
          withOtherJvm ? String.format("the second node %.2f ms, ", 1000 * other / units) : "",
          1000 * postgres / units, cores, 100 * busyShare, wall, cores * busyShare);
    }
  }

  /**
   * Starts a span: {@code jdbc} reaches the PostgreSQL server whose CPU is counted (the server is the parent of the
   * backend serving it); {@code otherJvm} is a second node's process id, or 0.
   */
  static Span start(JdbcTemplate jdbc, long otherJvm) {
    Long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
    long postmaster = backend == null ? 0 : Long.parseLong(stat(backend).get(1));
    return sample(postmaster, otherJvm, System.nanoTime());
  }

  private static Span sample(long postmaster, long otherJvm, long startNanos) {
    long[] machine = machineTicks();
    return new Span(postmaster, otherJvm, startNanos, seconds(ProcessHandle.current().pid(), false),
        postgresSeconds(postmaster), otherJvm == 0 ? 0 : seconds(otherJvm, true), machine[0], machine[1]);
  }

  /** The server's own CPU, that of the backends it has reaped, and that of those still running. */
  private static double postgresSeconds(long postmaster) {
    if (postmaster == 0) {
      return 0;
    }
    double total = seconds(postmaster, true);
    try (Stream<Path> entries = Files.list(PROC)) {
      total += entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .mapToDouble(p -> {
            List<String> fields = statOrNull(Long.parseLong(p.getFileName().toString()));
            return fields != null && Long.parseLong(fields.get(1)) == postmaster ? ticks(fields, false) : 0;
          }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total;
  }

  private static double seconds(long pid, boolean withReapedChildren) {
    List<String> fields = statOrNull(pid);
    return fields == null ? 0 : ticks(fields, withReapedChildren);
  }

  /** utime and stime (fields 14 and 15 of {@code stat}), and cutime and cstime (16, 17) when asked, in seconds. */
  private static double ticks(List<String> fields, boolean withReapedChildren) {
    long ticks = Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
    if (withReapedChildren) {
      ticks += Long.parseLong(fields.get(13)) + Long.parseLong(fields.get(14));
    }
    return (double) ticks / TICKS_PER_SECOND;
  }

  private static List<String> stat(long pid) {
    List<String> fields = statOrNull(pid);
    if (fields == null) {
      throw new IllegalStateException("no process " + pid);
    }
    return fields;
  }

  /** The fields of {@code /proc/<pid>/stat} after the command's name (state first), or null once it has gone. */
  private static List<String> statOrNull(long pid) {
    try {
      String line = Files.readString(PROC.resolve(pid + "/stat"));
      return List.of(line.substring(line.lastIndexOf(')') + 2).trim().split(" "));
    } catch (IOException e) {
      return null;
    }
  }

  /** The machine's busy ticks and all its ticks, summed over its cores, from {@code /proc/stat}. */
  private static long[] machineTicks() {
    try {
      String[] cpu = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
      long all = 0;
      for (int i = 1; i < cpu.length && i <= 8; i++) {
        all += Long.parseLong(cpu[i]);
      }
      long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
      return new long[] {all - idle, all};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long ticksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
