package org.ehcworkflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * A task variable set as the task is created is stored without the engine reading the new task's variables first
 * (without the call, for comparison, it reads them for every task); what was set on the task before is kept.
 */
class NewTaskVariablesTest {

  static final String TASK_VARIABLES_READ = "WHERE TASK_ID_ = ?";

  @Test
  void aVariableSetOnANewTaskIsStoredWithoutReadingTheTasksVariables() {
    assertThat(NewTaskVariables.available()).as("Camunda's task entity as this class knows it").isTrue();
    Outcome told = run(true, false);
    Outcome engines = run(false, false);
    assertThat(told.reads).isZero();
    assertThat(engines.reads).as("the engine reads them for every new task").isEqualTo(2);
    assertThat(told.variables).containsExactly(Map.entry("caseReference", "CASE-1"), Map.entry("caseReference",
        "CASE-2")).isEqualTo(engines.variables);
  }

  @Test
  void whatWasSetOnTheTaskBeforeIsKept() {
    Outcome told = run(true, true);
    assertThat(told.variables).containsExactlyInAnyOrder(Map.entry("caseReference", "CASE-1"),
        Map.entry("earlier", "CASE-1"), Map.entry("caseReference", "CASE-2"), Map.entry("earlier", "CASE-2"));
  }

  record Outcome(long reads, List<Map.Entry<String, Object>> variables) {
  }

  /** Two instances, each with a user task whose create listener sets {@code caseReference} as the product does. */
  private static Outcome run(boolean tell, boolean earlierVariable) {
    TaskListener listener = task -> {
      if (earlierVariable) {
        task.setVariableLocal("earlier", task.getExecution().getProcessBusinessKey());
      }
      if (tell) {
        NewTaskVariables.noneStoredYet(task);
      }
      task.setVariableLocal("caseReference", task.getExecution().getProcessBusinessKey());
    };
    ProcessEngine engine = InMemoryEngines.withPlugins(List.of(new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.listen(configuration, TaskListener.EVENTNAME_CREATE, listener, true);
      }
    }));
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn", Bpmn.createExecutableProcess("p")
          .camundaHistoryTimeToLive(1).startEvent().userTask("work").endEvent().done()).deploy();
      ProcessEngineConfigurationImpl configuration = InMemoryEngines.configurationOf(engine);
      long before = InMemoryEngines.executions(configuration, TASK_VARIABLES_READ);
      engine.getRuntimeService().startProcessInstanceByKey("p", "CASE-1");
      engine.getRuntimeService().startProcessInstanceByKey("p", "CASE-2");
      long reads = InMemoryEngines.executions(configuration, TASK_VARIABLES_READ) - before;
      List<Map.Entry<String, Object>> variables = engine.getTaskService().createTaskQuery().list().stream()
          .flatMap(task -> engine.getTaskService().getVariablesLocal(task.getId()).entrySet().stream())
          .sorted(java.util.Comparator.comparing((Map.Entry<String, Object> e) -> e.getValue().toString())
              .thenComparing(Map.Entry::getKey))
          .toList();
      return new Outcome(reads, variables);
    } finally {
      engine.close();
    }
  }
}
