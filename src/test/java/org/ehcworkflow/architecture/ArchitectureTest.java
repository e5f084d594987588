package org.ehcworkflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.security.Allowed;
import org.ehcworkflow.security.AnySignedInUser;
import org.ehcworkflow.security.NoAccount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The structure, proven: no package cycles, a kernel ({@code process}) that imports no capability, every
 * dependency between modules the one the README's architecture table allows (and the table no wider than the
 * code), every endpoint declaring who may call it, no SQL in controllers, and one clock.
 */
class ArchitectureTest {

  private static final String ROOT = "org.ehcworkflow";
  private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\|[^|]*\\| ([^|]*) \\|\\s*$");
  private static final Pattern MODULE = Pattern.compile("`(\\w+)`");

  private static final List<Class<? extends Annotation>> MAPPINGS = List.of(RequestMapping.class, GetMapping.class,
      PostMapping.class, PutMapping.class, DeleteMapping.class, PatchMapping.class);
  private static final List<Class<? extends Annotation>> ACCESS =
      List.of(Allowed.class, AnySignedInUser.class, NoAccount.class);

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void modulesFormNoCycle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theKernelImportsNoCapability() {
    noClasses().that().resideInAPackage(ROOT + ".process..")
        .should().dependOnClassesThat().resideOutsideOfPackages(ROOT + ".process..", "java..", "javax..",
            "jakarta..", "org.camunda..", "org.springframework..", "org.slf4j..", "com.fasterxml..")
        .check(classes);
  }

  @Test
  void everyDependencyBetweenModulesIsTheOneTheReadmeAllows() throws IOException {
    Map<String, Set<String>> allowed = readmeTable();
    Map<String, Set<String>> actual = moduleDependencies(classes);
    List<String> problems = new ArrayList<>();
    for (String module : actual.keySet()) {
      if (!allowed.containsKey(module)) {
        problems.add("module " + module + " has no row in the README's architecture table");
        continue;
      }
      for (String used : actual.get(module)) {
        if (!allowed.get(module).contains(used)) {
          problems.add(module + " uses " + used + ", which the README does not allow");
        }
      }
      for (String listed : allowed.get(module)) {
        if (!actual.get(module).contains(listed)) {
          problems.add(module + " is allowed " + listed + " in the README but does not use it: narrow the table");
        }
      }
    }
    for (String module : allowed.keySet()) {
      if (!actual.containsKey(module)) {
        problems.add("the README's table lists " + module + ", which is not a module of the code");
      }
    }
    assertThat(problems).as("README architecture table, as the code has it: %s", asTable(actual)).isEmpty();
  }

  @Test
  void controllersHoldNoSql() {
    noClasses().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
        .should().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
        .because("SQL belongs in the capability's adapter, which the controller asks")
        .check(classes);
  }

  @Test
  void theEngineClockIsTheOnlyClock() {
    noClasses().that().doNotHaveFullyQualifiedName(EngineClock.class.getName())
        .should().callMethod(Instant.class, "now")
        .orShould().callMethod(LocalDate.class, "now")
        .orShould().callMethod(LocalDate.class, "now", java.time.ZoneId.class)
        .orShould().callMethod(LocalDateTime.class, "now")
        .orShould().callMethod(LocalDateTime.class, "now", java.time.ZoneId.class)
        .orShould().callMethod(OffsetDateTime.class, "now")
        .orShould().callMethod(ZonedDateTime.class, "now")
        .orShould().callMethod(Clock.class, "systemUTC")
        .orShould().callMethod(Clock.class, "systemDefaultZone")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .because("the engine's clock is the application's one source of time (EngineClock), so a test that "
            + "moves it moves timers, dates and timestamps together")
        .check(classes);
  }

  @Test
  void everyEndpointDeclaresWhoMayCallIt() {
    List<String> undeclared = new ArrayList<>();
    for (JavaClass type : classes) {
      boolean onType = ACCESS.stream().anyMatch(type::isAnnotatedWith);
      for (JavaMethod method : type.getMethods()) {
        boolean endpoint = MAPPINGS.stream().anyMatch(method::isAnnotatedWith);
        long declared = ACCESS.stream().filter(method::isAnnotatedWith).count();
        if (endpoint && declared == 0 && !onType) {
          undeclared.add(method.getFullName());
        }
        if (declared > 1) {
          undeclared.add(method.getFullName() + " (declares more than one)");
        }
      }
    }
    assertThat(undeclared).as("endpoints without exactly one of @Allowed, @AnySignedInUser, @NoAccount").isEmpty();
  }

  /** A module's dependencies on other modules, from every class under it (fields, calls, signatures, annotations). */
  static Map<String, Set<String>> moduleDependencies(JavaClasses classes) {
    Map<String, Set<String>> modules = new TreeMap<>();
    for (JavaClass type : classes) {
      Optional<String> from = moduleOf(type);
      if (from.isEmpty()) {
        continue;
      }
      Set<String> uses = modules.computeIfAbsent(from.get(), m -> new TreeSet<>());
      for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
        moduleOf(dependency.getTargetClass()).filter(to -> !to.equals(from.get())).ifPresent(uses::add);
      }
    }
    return modules;
  }

  private static Optional<String> moduleOf(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith(ROOT + ".")) {
      return Optional.empty();
    }
    String rest = name.substring(ROOT.length() + 1);
    int dot = rest.indexOf('.');
    return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
  }

  private static Map<String, Set<String>> readmeTable() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("<!-- modules:start -->");
    int end = readme.indexOf("<!-- modules:end -->");
    assertThat(start).as("README.md has the architecture table between <!-- modules:start --> and end").isPositive();
    Map<String, Set<String>> table = new TreeMap<>();
    for (String line : readme.substring(start, end).split("\n")) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        Set<String> uses = new TreeSet<>();
        Matcher module = MODULE.matcher(row.group(2));
        while (module.find()) {
          uses.add(module.group(1));
        }
        table.put(row.group(1), uses);
      }
    }
    return table;
  }

  private static String asTable(Map<String, Set<String>> modules) {
    StringBuilder table = new StringBuilder("\n");
    modules.forEach((module, uses) -> table.append("| `").append(module).append("` | | ")
        .append(uses.isEmpty() ? "nothing" : String.join(", ", uses.stream().map(u -> "`" + u + "`").toList()))
        .append(" |\n"));
    return table.toString();
  }
}
