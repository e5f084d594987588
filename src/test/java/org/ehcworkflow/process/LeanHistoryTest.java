package org.ehcworkflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * At history level FULL the plugin keeps every history but a variable change's detail row and a step input's value:
 * the job log, the activities and each case variable's value stay; {@code act_hi_detail} stays empty, and a step's
 * input parameter leaves no historic value, while a case variable of the same name keeps its own. Without the plugin
 * (the engine's own handler) every row is written.
 */
class LeanHistoryTest {

  static final Set<String> STEP_INPUTS = Set.of("template");

  @Test
  void variablesKeepTheirHistoryButNotADetailRowPerChangeNorAStepsInputs() {
    History lean = run(new LeanHistory(false, STEP_INPUTS));
    assertThat(lean.counts()).containsEntry("details", 0L).containsEntry("jobLog", 2L).containsEntry("activities", 3L);
    assertThat(lean.variables()).as("the case's variables, not the step's input")
        .containsExactlyInAnyOrder("due=2027-01-02", "other=x", "template=a case variable of that name");

    History engines = run(null);
    assertThat(engines.counts()).as("the engine's own handler, for comparison").containsEntry("details", 5L);
    assertThat(engines.variables()).contains("template=deadline-reminder").hasSize(4);
  }

  @Test
  void eachKindOfRowCanBeKept() {
    History all = run(new LeanHistory(true, Set.of()));
    assertThat(all.counts()).containsEntry("details", 5L);
    assertThat(all.variables()).contains("template=deadline-reminder").hasSize(4);
  }

  record History(Map<String, Long> counts, List<String> variables) {
  }

  private static History run(LeanHistory plugin) {
    ProcessEngine engine = InMemoryEngines.withPlugins(plugin == null ? List.of() : List.of(plugin));
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn", Bpmn.createExecutableProcess("p")
          .camundaHistoryTimeToLive(1).startEvent()
          .serviceTask("Task_Notice").camundaAsyncBefore().camundaExpression("${true}")
          .camundaInputParameter("template", "deadline-reminder")
          .userTask("wait").endEvent().done()).deploy();
      String instance = engine.getRuntimeService().startProcessInstanceByKey("p", Map.of("due", "2027-01-01"))
          .getId();
      engine.getRuntimeService().setVariable(instance, "due", "2027-01-02");
      engine.getRuntimeService().setVariable(instance, "other", "x");
      engine.getRuntimeService().setVariable(instance, "template", "a case variable of that name");
      engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().singleResult().getId());
      var history = engine.getHistoryService();
      return new History(Map.of("details", history.createHistoricDetailQuery().count(),
          "jobLog", history.createHistoricJobLogQuery().count(),
          "activities", history.createHistoricActivityInstanceQuery().count()),
          history.createHistoricVariableInstanceQuery().list().stream()
              .map(LeanHistoryTest::nameAndValue).toList());
    } finally {
      engine.close();
    }
  }

  private static String nameAndValue(HistoricVariableInstance variable) {
    return variable.getName() + "=" + variable.getValue();
  }
}
