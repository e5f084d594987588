package org.ehcworkflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.ehcworkflow.calendar.TimeLimit;
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
      for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
        deadlineContract(model, event);
      }
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        assertThat(node.getId()).as("meaningful id").doesNotMatch(".*_\\d+$|^(Activity|Event|Gateway)_[0-9a-z]{7}$");
        if (node instanceof Activity) {
          assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
        }
      }
    }));
  }

  /**
   * The deadline contract the ledger and the managers' figures rely on: a breach timer (non-interrupting, due at the
   * end of a deadline day) names its time limit in the property {@code timeLimit}, a real {@link TimeLimit} or a
   * {@code ${variable}} that holds one; the same limit's breach step records it; and the step has its reminder.
   */
  private static void deadlineContract(BpmnModelInstance model, BoundaryEvent event) {
    TimerEventDefinition timer = event.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
        .map(TimerEventDefinition.class::cast).findFirst().orElse(null);
    if (timer == null || event.cancelActivity() || timer.getTimeDate() == null) {
      return;
    }
    String due = timer.getTimeDate().getTextContent().trim();
    if (!due.endsWith("T23:59:59") || event.getOutgoing().stream()
        .noneMatch(flow -> flow.getTarget() instanceof ServiceTask task && "${recordBreach}".equals(task.getCamundaDelegateExpression()))) {
      return;
    }
    String limit = property(event, "timeLimit");
    assertThat(limit).as("breach timer %s names its time limit (camunda:property timeLimit)", event.getId()).isNotNull();
    if (!limit.startsWith("${")) {
      assertThat(Arrays.stream(TimeLimit.values()).map(Enum::name)).as("time limit of %s", event.getId()).contains(limit);
      assertThat(due).as("%s is due on its limit's day", event.getId())
          .isEqualTo("${" + TimeLimit.valueOf(limit).dueVariable() + "}T23:59:59");
    }
    assertThat(event.getId()).as("breach timer id").endsWith("Deadline");
    ServiceTask breach = (ServiceTask) event.getOutgoing().iterator().next().getTarget();
    assertThat(inputParameter(breach, "timeLimit")).as("breach step after %s records the same limit", event.getId())
        .isEqualTo(limit);
    boolean reminded = model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(other -> other != event && other.getAttachedTo() == event.getAttachedTo() && !other.cancelActivity())
        .flatMap(other -> other.getOutgoing().stream())
        .anyMatch(flow -> flow.getTarget() instanceof ServiceTask task
            && limit.equals(inputParameter(task, "deadline")));
    assertThat(reminded).as("the step of %s has a reminder timer for %s", event.getId(), limit).isTrue();
  }

  private static String property(BaseElement element, String name) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> name.equals(property.getCamundaName())).map(CamundaProperty::getCamundaValue)
        .findFirst().orElse(null);
  }

  private static String inputParameter(BaseElement element, String name) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    return extensions.getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
        .flatMap(io -> io.getCamundaInputParameters().stream())
        .filter(parameter -> name.equals(parameter.getCamundaName()))
        .map(parameter -> parameter.getTextContent().trim()).findFirst().orElse(null);
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
