package org.ehcworkflow.benchmark;

/** The heap the benchmarks print: what the JVM holds in use now, in MiB. */
final class Heap {

  private Heap() {
  }

  static long usedMiB() {
    Runtime runtime = Runtime.getRuntime();
    return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
  }
}
