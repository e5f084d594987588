package org.ehcworkflow.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
  private static final boolean BY_THREAD = Boolean.getBoolean("benchmark.cpu-by-thread");

  private CpuTime() {
  }

  /** A measurement under way; {@code otherJvms} are other nodes' process ids (none when there is no other node). */
  record Span(long postmaster, List<Long> otherJvms, long startNanos, double jvm, double postgres,
      List<Double> others, double machineBusy, double machineAll, Map<String, Map<String, Double>> byThread) {

    /** Ends the span (before another node is stopped: its CPU is read while it runs). */
    Used stop() {
      Span end = sample(postmaster, otherJvms, startNanos);
      double all = end.machineAll - machineAll;
      Map<String, Map<String, Double>> used = new LinkedHashMap<>();
      end.byThread.forEach((process, groups) -> used.put(process, minus(groups, byThread.getOrDefault(process,
          Map.of()))));
      List<Double> othersUsed = new ArrayList<>();
      for (int i = 0; i < others.size(); i++) {
        othersUsed.add(end.others.get(i) - others.get(i));
      }
      return new Used((System.nanoTime() - startNanos) / 1e9, end.jvm - jvm, othersUsed, end.postgres - postgres,
          all <= 0 ? 0 : (end.machineBusy - machineBusy) / all, used);
    }
  }

  /**
   * The CPU seconds each used over a span of {@code wall} seconds (this JVM, each other node's JVM in the order
   * given, PostgreSQL), and the share of the machine's cores busy.
   */
  record Used(double wall, double jvm, List<Double> others, double postgres, double busyShare,
      Map<String, Map<String, Double>> byThread) {

    /** The other nodes' CPU seconds together. */
    double other() {
      return others.stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * Prints each process's CPU per unit of work and the machine's cores busy over the span; with
     * {@code -Dbenchmark.cpu-by-thread=true}, each process's CPU seconds by kind of thread too.
     */
    void print(long units, String unit) {
      int cores = Runtime.getRuntime().availableProcessors();
      System.out.printf("benchmark:   CPU per %s: this JVM %.2f ms, %sPostgreSQL %.2f ms; the machine's %d cores "
          + "%.0f%% busy over %.1f s (%.2f cores)%n", unit, 1000 * jvm / units,
          others.isEmpty() ? "" : String.format("the other node%s %.2f ms, ", others.size() > 1 ? "s" : "",
              1000 * other() / units),
          1000 * postgres / units, cores, 100 * busyShare, wall, cores * busyShare);
      byThread.forEach((process, groups) -> System.out.printf(
          "benchmark:     %s, CPU seconds by kind of thread or process: %s%n", process,
          groups.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
              .map(g -> String.format("%s %.1f", g.getKey(), g.getValue())).collect(Collectors.joining(", "))));
    }
  }

  /**
   * Starts a span: {@code jdbc} reaches the PostgreSQL server whose CPU is counted (the server is the parent of the
   * backend serving it); {@code otherJvms} are other nodes' process ids.
   */
  static Span start(JdbcTemplate jdbc, List<Long> otherJvms) {
    Long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
    long postmaster = backend == null ? 0 : Long.parseLong(stat(backend).get(1));
    return sample(postmaster, otherJvms, System.nanoTime());
  }

  private static Span sample(long postmaster, List<Long> otherJvms, long startNanos) {
    long[] machine = machineTicks();
    Map<String, Map<String, Double>> byThread = new LinkedHashMap<>();
    if (BY_THREAD) {
      byThread.put("this JVM", threads(ProcessHandle.current().pid()));
      for (int i = 0; i < otherJvms.size(); i++) {
        byThread.put("other node " + (i + 1), threads(otherJvms.get(i)));
      }
      if (postmaster != 0) {
        byThread.put("PostgreSQL", postgresProcesses(postmaster));
      }
    }
    return new Span(postmaster, otherJvms, startNanos, seconds(ProcessHandle.current().pid(), false),
        postgresSeconds(postmaster), otherJvms.stream().map(pid -> seconds(pid, true)).toList(), machine[0],
        machine[1], byThread);
  }

  /** A process's threads' CPU seconds, by their name without its number (a pool's threads together). */
  private static Map<String, Double> threads(long pid) {
    Map<String, Double> groups = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(PROC.resolve(pid + "/task"))) {
      tasks.forEach(task -> {
        try {
          String line = Files.readString(task.resolve("stat"));
          String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'))
              .replaceAll("[#\\-]?[0-9]+$", "").replaceAll("[0-9]+", "#");
          groups.merge(name, ticks(fields(line), false), Double::sum);
        } catch (IOException e) {
          // the thread ended meanwhile: its time stays in the process's total
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return groups;
  }

  /**
   * PostgreSQL's CPU seconds by process: its backends, each background process by its title, and what the server
   * has reaped (autovacuum workers and backends that ended).
   */
  private static Map<String, Double> postgresProcesses(long postmaster) {
    Map<String, Double> groups = new TreeMap<>();
    List<String> server = statOrNull(postmaster);
    if (server != null) {
      groups.put("server", ticks(server, false));
      groups.put("reaped (autovacuum workers, ended backends)", ticks(server, true) - ticks(server, false));
    }
    childrenOf(postmaster).forEach((process, fields) -> groups.merge(title(process), ticks(fields, false),
        Double::sum));
    return groups;
  }

  /** A PostgreSQL process's kind from its title: "backends" for a connection's, else what it is. */
  private static String title(Path process) {
    try {
      String title = Files.readString(process.resolve("cmdline")).replace('\0', ' ').trim();
      if (title.startsWith("postgres: ")) {
        title = title.substring("postgres: ".length());
      }
      return title.contains("autovacuum worker") ? "autovacuum workers"
          : title.matches(".*(idle|SELECT|INSERT|UPDATE|DELETE|COMMIT|BEGIN|in transaction|\\[local\\]).*")
              || title.contains("127.0.0.1") ? "backends" : title;
    } catch (IOException e) {
      return "ended";
    }
  }

  private static Map<String, Double> minus(Map<String, Double> end, Map<String, Double> start) {
    Map<String, Double> used = new TreeMap<>();
    end.forEach((name, seconds) -> used.put(name, seconds - start.getOrDefault(name, 0.0)));
    return used;
  }

  /** The server's own CPU, that of the backends it has reaped, and that of those still running. */
  private static double postgresSeconds(long postmaster) {
    if (postmaster == 0) {
      return 0;
    }
    return seconds(postmaster, true) + childrenOf(postmaster).values().stream()
        .mapToDouble(fields -> ticks(fields, false)).sum();
  }

  /** The processes whose parent is that one, each with its {@code stat} fields. */
  private static Map<Path, List<String>> childrenOf(long parent) {
    Map<Path, List<String>> children = new LinkedHashMap<>();
    try (Stream<Path> entries = Files.list(PROC)) {
      entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
        List<String> fields = statOrNull(Long.parseLong(p.getFileName().toString()));
        if (fields != null && Long.parseLong(fields.get(1)) == parent) {
          children.put(p, fields);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return children;
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
      return fields(Files.readString(PROC.resolve(pid + "/stat")));
    } catch (IOException e) {
      return null;
    }
  }

  /** A {@code stat} line's fields after the command's name, which may itself hold spaces and parentheses. */
  private static List<String> fields(String statLine) {
    return List.of(statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" "));
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
