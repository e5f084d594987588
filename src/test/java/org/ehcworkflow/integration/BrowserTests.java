package org.ehcworkflow.integration;

import static org.ehcworkflow.testing.NodeTools.needs;
import static org.ehcworkflow.testing.NodeTools.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Stream;
import org.ehcworkflow.testing.NodeTools;

/**
 * What the browser tests share: Debian's chromium driven by playwright-core, with axe-core for accessibility, both
 * installed from the npm registry into {@code target/e2e} (the scripts live in {@code src/test/e2e}). Without node,
 * npm or {@code /usr/bin/chromium} a test is skipped, saying why, on a developer's machine; with {@code CI=true} it
 * fails instead ({@link org.ehcworkflow.testing.NodeTools#needs}).
 */
final class BrowserTests {

  static final Path E2E = Path.of("target/e2e");

  private BrowserTests() {
  }

  /** Checks the tools, copies the scripts and installs the npm packages once. */
  static void prepare(String... scripts) throws IOException, InterruptedException {
    needs(Files.isExecutable(Path.of("/usr/bin/chromium")), "no /usr/bin/chromium (apt install chromium)");
    needs(run(Path.of("."), 60, "node", "--version").exit() == 0, "no node on the PATH");
    Files.createDirectories(E2E);
    Files.copy(Path.of("src/test/e2e/package.json"), E2E.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
    for (String script : Stream.concat(Stream.of("browser.mjs"), Arrays.stream(scripts)).toList()) {
      Files.copy(Path.of("src/test/e2e", script), E2E.resolve(script), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(E2E.resolve("node_modules/playwright-core"))
        || !Files.isDirectory(E2E.resolve("node_modules/axe-core"))) {
      NodeTools.Result install = run(E2E, 300, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
      needs(install.exit() == 0, "npm could not install the browser test packages: " + install.output());
    }
  }
}
