package org.ehcworkflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.ehcworkflow.integration.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's indexes on the columns the product leaves empty, on PostgreSQL, as an engine with the plugin leaves them:
 * partial, under their own names, still used for a lookup by value; the rest untouched; a second start or a second
 * node changes nothing; and the engine still finds what they index.
 */
class EmptyColumnIndexesOnPostgresIT {

  private static JdbcTemplate jdbc;
  private static ProcessEngine engine;

  @BeforeAll
  static void engineWithThePlugin() {
    jdbc = TestPostgres.migratedDatabase();
    engine = engine("empty-columns-1");
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static ProcessEngine engine(String name) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setDataSource(jdbc.getDataSource());
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName(name);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setProcessEnginePlugins(List.of(new EmptyColumnIndexes(true)));
    return configuration.buildProcessEngine();
  }

  private static String predicate(String index) {
    return jdbc.queryForObject("select coalesce(pg_get_expr(x.indpred, x.indrelid), '') from pg_index x"
        + " join pg_class i on i.oid = x.indexrelid where i.relname = ?", String.class, index);
  }

  private static int partialCount() {
    return jdbc.queryForObject("select count(*) from pg_index where indpred is not null", Integer.class);
  }

  @Test
  void camundasIndexesOnEmptyColumnsLeaveOutTheEmptyRowsUnderTheirOwnNames() {
    assertThat(predicate("act_idx_variable_tenant_id")).isEqualTo("(tenant_id_ IS NOT NULL)");
    assertThat(predicate("act_idx_batch_id")).isEqualTo("(batch_id_ IS NOT NULL)");
    assertThat(predicate("act_idx_var_bytearray")).isEqualTo("(bytearray_id_ IS NOT NULL)");
    assertThat(predicate("act_idx_hi_varinst_rm_time")).isEqualTo("(removal_time_ IS NOT NULL)");
    assertThat(predicate("act_idx_hi_casevar_case_inst")).isEqualTo("(case_inst_id_ IS NOT NULL)");
    assertThat(predicate("act_idx_job_exception")).isEqualTo("(exception_stack_id_ IS NOT NULL)");
    assertThat(predicate("act_idx_hi_job_log_tenant_id")).isEqualTo("(tenant_id_ IS NOT NULL)");

    assertThat(predicate("act_idx_hi_pro_inst_end")).as("the unfinished instances are asked for").isEmpty();
    assertThat(predicate("act_idx_task_assignee")).as("the unassigned tasks are asked for").isEmpty();
    assertThat(predicate("act_idx_var_procinst")).as("a column every row fills").isEmpty();
    assertThat(predicate("act_idx_procdef_tenant_id")).as("definitions are not written by the work").isEmpty();
  }

  @Test
  void aLookupByValueStillUsesTheIndexAndTheEngineFindsWhatItIndexes() {
    engine.getRepositoryService().createDeployment().tenantId("council-a")
        .addModelInstance("wait.bpmn", Bpmn.createExecutableProcess("wait").camundaHistoryTimeToLive(1)
            .startEvent().userTask().endEvent().done())
        .deploy();
    engine.getRuntimeService().startProcessInstanceByKey("wait", Map.of("note", "kept"));
    engine.getRuntimeService().startProcessInstanceByKey("wait", Map.of("note", "kept too"));

    assertThat(engine.getRuntimeService().createVariableInstanceQuery().tenantIdIn("council-a").count())
        .isEqualTo(2);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().tenantIdIn("council-a").count())
        .isEqualTo(2);
    String plan = String.join("\n", jdbc.queryForList("explain (costs off) select * from act_ru_variable"
        + " where tenant_id_ = 'council-a'", String.class));
    assertThat(plan).contains("act_idx_variable_tenant_id");
  }

  @Test
  void aSecondStartAndTwoNodesStartingTogetherChangeNothingMore() throws Exception {
    int partial = partialCount();
    DataSource database = jdbc.getDataSource();
    assertThat(EmptyColumnIndexes.makePartial(database)).as("a restart").isZero();
    ProcessEngine second = engine("empty-columns-2");
    second.close();
    assertThat(partialCount()).isEqualTo(partial);

    int restored = EmptyColumnIndexes.makeFull(database);
    assertThat(restored).as("each made partial, made full again").isGreaterThanOrEqualTo(20);
    assertThat(predicate("act_idx_variable_tenant_id")).isEmpty();
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> start = () -> EmptyColumnIndexes.makePartial(database);
      List<Future<Integer>> both = nodes.invokeAll(List.of(start, start));
      assertThat(both.get(0).get() + both.get(1).get()).as("each index replaced once, by one node")
          .isEqualTo(restored);
    } finally {
      nodes.shutdownNow();
    }
    assertThat(partialCount()).isEqualTo(partial);
    assertThat(predicate("act_idx_variable_tenant_id")).isEqualTo("(tenant_id_ IS NOT NULL)");
  }
}
