package org.ehcworkflow.onboarding;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;

/**
 * The onboarding command: started with {@code --import-plan-register=<file.csv>}, the application runs the same
 * import job as the API ({@link RegisterImports}, committed chunks, resumable) in this thread, prints the report
 * (line numbers and reasons only, no personal data) and exits: 0 when every row went in or was already there, 2 when
 * some rows were invalid.
 */
class ImportRegisterCommand implements ApplicationRunner {

  static final String OPTION = "import-plan-register";
  private static final Logger LOG = LoggerFactory.getLogger(ImportRegisterCommand.class);

  private final RegisterImports imports;
  private final ApplicationContext context;

  ImportRegisterCommand(RegisterImports imports, ApplicationContext context) {
    this.imports = imports;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments arguments) throws Exception {
    List<String> files = arguments.getOptionValues(OPTION);
    if (files == null || files.isEmpty()) {
      return;
    }
    int exit = 0;
    for (String file : files) {
      long started = System.nanoTime();
      long id = imports.accept(Files.readString(Path.of(file), StandardCharsets.UTF_8), "command-line");
      imports.run(id);
      RegisterImports.Progress report = imports.progress(id).orElseThrow();
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("%s: import %d %s: %d imported, %d already in the register, %d overdue, %d invalid (%.1f s)%n",
          file, id, report.status(), report.imported(), report.unchanged(), report.overdue(), report.invalid().size(),
          seconds);
      report.invalid().forEach(p -> System.out.printf("  line %d: %s%n", p.line(), p.reason()));
      exit = !"DONE".equals(report.status()) ? 1 : report.invalid().isEmpty() ? exit : 2;
    }
    int code = exit;
    LOG.info("Register import finished; exiting with {}", code);
    System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
  }
}
