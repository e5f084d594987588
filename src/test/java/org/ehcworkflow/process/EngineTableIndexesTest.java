package org.ehcworkflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With the product's acquisition order on H2 (the embedded default): the index for it is created, the partial
 * index PostgreSQL gets is not tried, and a due timer is taken before a waiting async step, the most overdue timer
 * first. ({@code TwoNodesOnPostgresIT} checks both indexes on PostgreSQL under a storm.)
 */
class EngineTableIndexesTest {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void timersAreTakenFirstTheMostOverdueFirstWithTheIndexForThatOrder() throws Exception {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:acquisition;DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName("acquisition");
    configuration.setJobExecutorPreferTimerJobs(true);
    configuration.setJobExecutorAcquireByDueDate(true);
    configuration.setProcessEnginePlugins(List.of(new EngineTableIndexes()));
    ProcessEngine engine = ((ProcessEngineConfigurationImpl) configuration).buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment()
          .addModelInstance("async.bpmn", Bpmn.createExecutableProcess("async").camundaHistoryTimeToLive(1)
              .startEvent().camundaAsyncBefore().userTask().endEvent().done())
          .addModelInstance("timer.bpmn", Bpmn.createExecutableProcess("timer").camundaHistoryTimeToLive(1)
              .startEvent().intermediateCatchEvent().timerWithDuration("${wait}").userTask().endEvent().done())
          .deploy();
      var runtime = engine.getRuntimeService();
      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() - 3_600_000));
      String asyncStep = runtime.startProcessInstanceByKey("async").getId();
      String dueLater = runtime.startProcessInstanceByKey("timer", java.util.Map.of("wait", "PT20M")).getId();
      String dueFirst = runtime.startProcessInstanceByKey("timer", java.util.Map.of("wait", "PT10M")).getId();
      ClockUtil.reset();

      // One job per acquisition, three times: each acquisition locks what it took, so the next takes the one after.
      List<String> instances = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        AcquiredJobs acquired = configuration.getCommandExecutorTxRequired()
            .execute(new AcquireJobsCmd(configuration.getJobExecutor(), 1));
        String id = acquired.getJobIdBatches().get(0).get(0);
        Job job = engine.getManagementService().createJobQuery().jobId(id).singleResult();
        instances.add(job.getProcessInstanceId());
      }
      assertThat(instances).containsExactly(dueFirst, dueLater, asyncStep);

      try (Connection connection = configuration.getDataSource().getConnection();
          ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, "ACT_RU_JOB", false, false)) {
        List<String> names = new ArrayList<>();
        while (indexes.next()) {
          names.add(indexes.getString("INDEX_NAME").toLowerCase());
        }
        assertThat(names).contains(EngineTableIndexes.JOBS_BY_TYPE_AND_DUE_DATE)
            .doesNotContain(EngineTableIndexes.JOBS_LOCKED);
      }
    } finally {
      engine.close();
    }
  }
}
