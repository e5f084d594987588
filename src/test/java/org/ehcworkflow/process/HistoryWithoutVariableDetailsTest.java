package org.ehcworkflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * At history level FULL the plugin keeps every history but a variable change's detail row: the job log, the
 * activities and each variable's value stay; {@code act_hi_detail} stays empty. Without it the rows are written.
 */
class HistoryWithoutVariableDetailsTest {

  @Test
  void variablesKeepTheirHistoryButNotADetailRowPerChange() {
    assertThat(detailsAndVariables(true)).containsEntry("details", 0L).containsEntry("variables", 2L)
        .containsEntry("jobLog", 2L).containsEntry("activities", 3L);
    assertThat(detailsAndVariables(false)).as("the engine's own handler, for comparison")
        .containsEntry("details", 3L).containsEntry("variables", 2L);
  }

  private static Map<String, Long> detailsAndVariables(boolean withPlugin) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:history-" + withPlugin + ";DB_CLOSE_DELAY=-1");
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName("history-" + withPlugin);
    if (withPlugin) {
      configuration.setProcessEnginePlugins(List.of(new HistoryWithoutVariableDetails()));
    }
    ProcessEngine engine = ((ProcessEngineConfigurationImpl) configuration).buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn", Bpmn.createExecutableProcess("p")
          .camundaHistoryTimeToLive(1).startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}")
          .userTask("wait").endEvent().done()).deploy();
      String instance = engine.getRuntimeService().startProcessInstanceByKey("p", Map.of("due", "2027-01-01"))
          .getId();
      engine.getRuntimeService().setVariable(instance, "due", "2027-01-02");
      engine.getRuntimeService().setVariable(instance, "other", "x");
      engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().singleResult().getId());
      var history = engine.getHistoryService();
      return Map.of("details", history.createHistoricDetailQuery().count(),
          "variables", history.createHistoricVariableInstanceQuery().count(),
          "jobLog", history.createHistoricJobLogQuery().count(),
          "activities", history.createHistoricActivityInstanceQuery().count());
    } finally {
      engine.close();
    }
  }
}
