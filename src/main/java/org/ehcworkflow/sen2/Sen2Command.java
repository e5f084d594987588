package org.ehcworkflow.sen2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.ehcworkflow.csv.Csv;
import org.ehcworkflow.process.IsoDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The return from the command line, for councils that script their submission:
 * {@code --sen2-census=2027-01-21 --sen2-out=sen2}. Writes {@code sen2-<census>.xml}, one CSV per module and
 * {@code sen2-<census>-validation.csv} into the folder, then stops the application.
 */
@Component
public class Sen2Command implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(Sen2Command.class);

  private final Sen2Returns returns;
  private final ConfigurableApplicationContext context;

  Sen2Command(Sen2Returns returns, ConfigurableApplicationContext context) {
    this.returns = returns;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    List<String> census = args.getOptionValues("sen2-census");
    if (census == null || census.isEmpty()) {
      return;
    }
    Path folder = Path.of(args.containsOption("sen2-out") ? args.getOptionValues("sen2-out").get(0) : "sen2");
    int code = 0;
    try {
      List<Path> written = write(IsoDates.parse("sen2-census", census.get(0)), folder);
      LOG.info("SEN2 return written: {} files in {}", written.size(), folder.toAbsolutePath());
    } catch (IllegalArgumentException e) {
      LOG.error("SEN2 return not written: {}", e.getMessage());
      code = 2;
    }
    int exit = code;
    System.exit(SpringApplication.exit(context, () -> exit));
  }

  /** Writes the return's files into the folder; returns them, the XML first. */
  public List<Path> write(LocalDate census, Path folder) throws IOException {
    Files.createDirectories(folder);
    Sen2Return.Return sen2 = returns.build(census);
    String name = "sen2-" + census;
    List<Path> written = new java.util.ArrayList<>();
    written.add(Files.writeString(folder.resolve(name + ".xml"), returns.xml(sen2), StandardCharsets.UTF_8));
    for (var module : returns.csv(sen2).entrySet()) {
      written.add(Files.writeString(folder.resolve(name + "-" + module.getKey() + ".csv"), module.getValue(),
          StandardCharsets.UTF_8));
    }
    StringBuilder report = new StringBuilder("CaseReference,Module,Rule,Problem\r\n");
    for (Sen2Validation.Problem problem : returns.validation(sen2)) {
      report.append(String.join(",", Csv.field(problem.caseReference()), Csv.field(problem.module()),
          Csv.field(problem.rule()), Csv.field(problem.message()))).append("\r\n");
    }
    written.add(Files.writeString(folder.resolve(name + "-validation.csv"), report.toString(), StandardCharsets.UTF_8));
    return written;
  }
}
