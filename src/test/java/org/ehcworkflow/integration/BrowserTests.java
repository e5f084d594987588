package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the browser tests share: Debian's chromium driven by playwright-core, with axe-core for accessibility, both
 * installed from the npm registry into {@code target/e2e} (the scripts live in {@code src/test/e2e}). Without node,
 * npm or {@code /usr/bin/chromium} a test is skipped, saying why, on a developer's machine; with {@code CI=true} it
 * fails instead, since a skipped test proves nothing (.ci/run installs them).
 */
final class BrowserTests {

  static final Path E2E = Path.of("target/e2e");

  private BrowserTests() {
  }

  static void needs(boolean present, String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      assertThat(present).as("CI=true: " + why).isTrue();
    }
    assumeTrue(present, why);
  }

  /** Checks the tools, copies the scripts and installs the npm packages once. */
  static void prepare(String... scripts) throws IOException, InterruptedException {
    needs(Files.isExecutable(Path.of("/usr/bin/chromium")), "no /usr/bin/chromium (apt install chromium)");
    needs(run(Path.of("."), 60, "node", "--version").exit() == 0, "no node on the PATH");
    Files.createDirectories(E2E);
    Files.copy(Path.of("src/test/e2e/package.json"), E2E.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
    for (String script : java.util.stream.Stream.concat(java.util.stream.Stream.of("browser.mjs"),
        java.util.Arrays.stream(scripts)).toList()) {
      Files.copy(Path.of("src/test/e2e", script), E2E.resolve(script), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(E2E.resolve("node_modules/playwright-core"))
        || !Files.isDirectory(E2E.resolve("node_modules/axe-core"))) {
      Result install = run(E2E, 300, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
      needs(install.exit() == 0, "npm could not install the browser test packages: " + install.output());
    }
  }

  record Result(int exit, String output) {

    /** The last JSON line a script printed. */
    String json() {
      return output.lines().filter(line -> line.startsWith("{")).reduce((a, b) -> b).orElseThrow();
    }
  }

  static Result run(Path directory, int seconds, String... command) throws IOException, InterruptedException {
    return run(directory, seconds, Map.of(), command);
  }

  static Result run(Path directory, int seconds, Map<String, String> environment, String... command)
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
