package org.ehcworkflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcworkflow.testing.NodeTools.needs;
import static org.ehcworkflow.testing.NodeTools.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ehcworkflow.testing.NodeTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * bpmnlint over every model in bpmn/, beside the house rules: its recommended rules and the Camunda 7.24
 * compatibility rules (bpmnlint-plugin-camunda-compat), as {@code .bpmnlintrc} says, with no warning allowed. The
 * packages come from the npm registry into {@code target/bpmnlint}; without node or npm the test is skipped, saying
 * why, and with {@code CI=true} it fails.
 */
class ModelLintTest {

  private static final Path LINT = Path.of("target/bpmnlint");

  @BeforeAll
  static void install() throws IOException, InterruptedException {
    needs(run(Path.of("."), 60, "node", "--version").exit() == 0, "no node on the PATH");
    Files.createDirectories(LINT);
    Files.copy(Path.of("src/test/lint/package.json"), LINT.resolve("package.json"),
        StandardCopyOption.REPLACE_EXISTING);
    if (!Files.isDirectory(LINT.resolve("node_modules/bpmnlint-plugin-camunda-compat"))) {
      NodeTools.Result install = run(LINT, 300, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
      needs(install.exit() == 0, "npm could not install bpmnlint: " + install.output());
    }
  }

  @Test
  void everyModelPassesBpmnlintAndTheCamunda7CompatibilityRules() throws Exception {
    List<Path> models;
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      models = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(models).hasSizeGreaterThanOrEqualTo(8);
    NodeTools.Result lint = lint(models);
    assertThat(lint.exit()).as(lint.output()).isZero();
    assertThat(lint.output()).as("no problem, not even a warning").doesNotContain("problem");
  }

  /** The same command finds a fault, so the test above can fail. */
  @Test
  void aModelWithAFakeJoinFails() throws Exception {
    Path broken = LINT.resolve("fake-join.bpmn");
    Files.writeString(broken, """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" \
        targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="broken" name="Broken" isExecutable="true">
            <bpmn:startEvent id="Start" name="Started"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:exclusiveGateway id="Split" name="Which?" default="F2">
              <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing><bpmn:outgoing>F3</bpmn:outgoing>
            </bpmn:exclusiveGateway>
            <bpmn:userTask id="Task" name="Both paths meet here">
              <bpmn:incoming>F2</bpmn:incoming><bpmn:incoming>F3</bpmn:incoming><bpmn:outgoing>F4</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:endEvent id="End" name="Ended"><bpmn:incoming>F4</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Split" />
            <bpmn:sequenceFlow id="F2" name="one" sourceRef="Split" targetRef="Task" />
            <bpmn:sequenceFlow id="F3" name="two" sourceRef="Split" targetRef="Task">
              <bpmn:conditionExpression>${true}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F4" sourceRef="Task" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """);
    NodeTools.Result lint = lint(List.of(broken));
    assertThat(lint.exit()).as(lint.output()).isNotZero();
    assertThat(lint.output()).contains("fake-join");
  }

  private static NodeTools.Result lint(List<Path> models) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", "node_modules/bpmnlint/bin/bpmnlint.js", "--config",
        Path.of(".bpmnlintrc").toAbsolutePath().toString(), "--max-warnings=0"));
    models.forEach(model -> command.add(model.toAbsolutePath().toString()));
    return run(LINT, 120, command.toArray(String[]::new));
  }
}
