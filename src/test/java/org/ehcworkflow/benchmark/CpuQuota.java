package org.ehcworkflow.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Holds a process (all its threads, and those it starts later) to a share of the machine's cores, with a Linux
 * control group's CPU quota: a node of the application as if it ran on a server of that many cores, while PostgreSQL,
 * left out of the group, has what the nodes do not use. One group a node; {@link #close} moves the processes back to
 * the top group (where the benchmark's processes start) and removes the group. Needs root and a writable
 * {@code cpu} controller (cgroup v1 at {@code /sys/fs/cgroup/cpu}, or cgroup v2 at {@code /sys/fs/cgroup} with its
 * {@code cpu} controller); {@link #unavailable()} says why not when it cannot be done.
 */
final class CpuQuota implements AutoCloseable {

  private static final Path V1 = Path.of("/sys/fs/cgroup/cpu");
  private static final Path V2 = Path.of("/sys/fs/cgroup");
  /**
   * The scheduler's accounting period, in which the group may spend its cores times this: 10 ms. With the kernel's
   * usual 100 ms, a node's eight job threads spent a third of a core's share in the first 16 ms of each period and
   * then all waited 84 ms, in the middle of their transactions; one node held that way drained 213 to 433 jobs/s from
   * run to run.
   */
  private static final long PERIOD_MICROS = 10_000;

  private final Path root;
  private final Path group;
  private final List<Long> held = new ArrayList<>();

  private CpuQuota(Path root, Path group) {
    this.root = root;
    this.group = group;
  }

  /** Why a quota cannot be set on this machine, or {@code null} when it can. */
  static String unavailable() {
    return v1() || v2() ? null : "no writable cgroup cpu controller (run as root on Linux with /sys/fs/cgroup/cpu, "
        + "or cgroup v2 with its cpu controller)";
  }

  private static boolean v1() {
    return Files.isWritable(V1.resolve("cpu.cfs_quota_us"));
  }

  private static boolean v2() {
    return read(V2.resolve("cgroup.controllers")).contains("cpu")
        && Files.isWritable(V2.resolve("cgroup.subtree_control"));
  }

  /** A new group named {@code name} whose processes share at most {@code cores} of the machine's cores. */
  static CpuQuota of(String name, double cores) {
    String reason = unavailable();
    if (reason != null) {
      throw new IllegalStateException("cannot hold a node to " + cores + " cores: " + reason);
    }
    long quota = Math.round(cores * PERIOD_MICROS);
    try {
      if (v1()) {
        Path group = Files.createDirectories(V1.resolve(name));
        Files.writeString(group.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
        Files.writeString(group.resolve("cpu.cfs_quota_us"), Long.toString(quota));
        return new CpuQuota(V1, group);
      }
      if (!read(V2.resolve("cgroup.subtree_control")).contains("cpu")) {
        Files.writeString(V2.resolve("cgroup.subtree_control"), "+cpu");
      }
      Path group = Files.createDirectories(V2.resolve(name));
      Files.writeString(group.resolve("cpu.max"), String.format(Locale.ROOT, "%d %d", quota, PERIOD_MICROS));
      return new CpuQuota(V2, group);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up the CPU quota " + name, e);
    }
  }

  /** Puts process {@code pid}, with all its threads, in the group. */
  void hold(long pid) {
    move(pid, group);
    held.add(pid);
  }

  /** Moves every process held back to the top group, and removes the group. */
  @Override
  public void close() {
    for (Long pid : held) {
      try {
        move(pid, root);
      } catch (UncheckedIOException e) {
        // The process has ended (a node stopped before the quota was lifted): nothing left to move.
      }
    }
    held.clear();
    try {
      Files.deleteIfExists(group);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the CPU quota group " + group, e);
    }
  }

  private static void move(long pid, Path to) {
    try {
      Files.writeString(to.resolve("cgroup.procs"), Long.toString(pid));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move process " + pid + " to " + to, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
