package org.ehcworkflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The house rules, checked on every model in bpmn/ so a new model cannot skip them. */
class ModelHouseRulesTest {

  private static final Path MODELS = Path.of("bpmn");
  private static final Path FORMS = Path.of("forms");

  @TestFactory
  Stream<DynamicTest> everyModelKeepsTheHouseRules() throws IOException {
    Set<String> formIds = formIds();
    List<Path> models;
    try (Stream<Path> files = Files.walk(MODELS)) {
      models = files.filter(p -> p.toString().endsWith(".bpmn")).toList();
    }
    assertThat(models).isNotEmpty();
    return models.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
      BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        assertThat(process.getCamundaHistoryTimeToLiveString()).as("history time to live of %s", process.getId())
            .isNotBlank();
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(task.getCamundaCandidateGroups()).as("candidate groups of %s", task.getId()).isNotBlank();
        assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).isNotBlank();
        assertThat(task.getCamundaFormRef()).as("form of %s", task.getId()).isIn(formIds);
      }
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        assertThat(task.isCamundaAsyncBefore()).as("%s runs behind an async continuation", task.getId()).isTrue();
      }
      for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
        BaseElement event = (BaseElement) timer.getParentElement();
        String documentation = event.getDocumentations().stream().map(Documentation::getTextContent)
            .reduce("", String::concat);
        assertThat(documentation).as("legal basis in the documentation of %s", event.getId())
            .containsPattern("reg \\d|CFA|HESC|Code of Practice");
      }
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        assertThat(node.getId()).as("meaningful id").doesNotMatch(".*_\\d+$|^(Activity|Event|Gateway)_[0-9a-z]{7}$");
        if (node instanceof Activity) {
          assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
        }
      }
    }));
  }

  private static Set<String> formIds() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Set<String> ids = new HashSet<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path form : files.filter(p -> p.toString().endsWith(".form")).toList()) {
        ids.add(json.readTree(form.toFile()).get("id").asText());
      }
    }
    return ids;
  }
}
