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
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.ehcworkflow.calendar.TimeLimit;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
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
        assertThat(task.isCamundaAsyncBefore() || runsInItsTimersJob(task))
            .as("%s runs behind an async continuation, or is a local step right after a timer", task.getId()).isTrue();
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
   * The steps that write to this database only (the case file, the deadline ledger, the notice outbox, which sends
   * later on its own retries) and may run in the job of the timer they follow.
   */
  static final Set<String> LOCAL_STEPS = Set.of("${sendNotice}", "${recordBreach}");

  /**
   * A service task needs no continuation of its own when its only way in is a timer (a reminder, a breach, the end of
   * a consultation) and it calls no other system: the timer's job is its continuation, so a failure rolls back to
   * the timer and retries that timer's job alone, never an officer's completed task, and when retries run out the
   * incident is on the timer in Cockpit. In a storm each such step saves a job (measured in TimerStormBenchmark).
   */
  static boolean runsInItsTimersJob(ServiceTask task) {
    return LOCAL_STEPS.contains(task.getCamundaDelegateExpression()) && task.getIncoming().size() == 1
        && task.getIncoming().iterator().next().getSource() instanceof CatchEvent event
        && !(event instanceof StartEvent)
        && event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance);
  }

  @org.junit.jupiter.api.Test
  void onlyALocalStepRightAfterATimerMayRunWithoutItsOwnContinuation() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("rule").startEvent("Start")
        .userTask("Task_Officer")
        .boundaryEvent("Timer_Reminder").cancelActivity(false).timerWithDuration("P1D")
        .serviceTask("Task_AfterTimer").camundaDelegateExpression("${sendNotice}").endEvent()
        .moveToActivity("Task_Officer").boundaryEvent("Timer_Filing").cancelActivity(false).timerWithDuration("P2D")
        .serviceTask("Task_CallsAnotherSystem").camundaDelegateExpression("${fileDocument}").endEvent()
        .moveToActivity("Task_Officer").serviceTask("Task_AfterOfficer").camundaDelegateExpression("${sendNotice}")
        .endEvent().done();

    assertThat(runsInItsTimersJob(model.getModelElementById("Task_AfterTimer"))).isTrue();
    assertThat(runsInItsTimersJob(model.getModelElementById("Task_CallsAnotherSystem")))
        .as("a step that calls another system keeps its own continuation").isFalse();
    assertThat(runsInItsTimersJob(model.getModelElementById("Task_AfterOfficer")))
        .as("without a continuation a failure would roll back the officer's completed task").isFalse();
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
