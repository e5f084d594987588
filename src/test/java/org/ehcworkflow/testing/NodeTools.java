package org.ehcworkflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Tests that need a tool outside the JVM (node and npm for the browser tests and bpmnlint, Debian's chromium): run
 * it, and without it skip on a developer's machine, saying why, but fail with {@code CI=true}, since a skipped test
 * proves nothing (.ci/run installs them).
 */
public final class NodeTools {

  private NodeTools() {
  }

  public static void needs(boolean present, String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      assertThat(present).as("CI=true: " + why).isTrue();
    }
    assumeTrue(present, why);
  }

  public record Result(int exit, String output) {

    /** The last JSON line a script printed. */
    public String json() {
      return output.lines().filter(line -> line.startsWith("{")).reduce((a, b) -> b).orElseThrow();
    }
  }

  public static Result run(Path directory, int seconds, String... command) throws IOException, InterruptedException {
    return run(directory, seconds, Map.of(), command);
  }

  public static Result run(Path directory, int seconds, Map<String, String> environment, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new Result(127, e.getMessage());
    }
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Result(124, "timed out: " + new String(output, StandardCharsets.UTF_8));
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
