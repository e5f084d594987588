package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcworkflow.integration.FamilyPageOnPostgresIT.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * History stays within its time to live, on PostgreSQL with the product's engine (its history plugins included): a
 * case withdrawn while its panel decision was open leaves history for both processes, each marked for removal its
 * model's time to live after the case ended; the engine's history cleanup keeps all of it until that day and then
 * removes every row of the case from every history table. The job executor is off so that moving the engine's clock
 * seven years on fires nothing; the test runs the case's jobs and the cleanup itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ehc.demo.enabled=true", "camunda.bpm.job-execution.enabled=false"})
class HistoryRetentionOnPostgresIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aCasesHistoryIsKeptForItsTimeToLiveAndThenRemovedFromEveryHistoryTable() throws Exception {
    HttpCalls http = new HttpCalls(port);
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    assertThat(http.basic("coordinator", "POST", "/api/cases", "{\"requestReceivedDate\":\"" + today.minusDays(3)
        + "\",\"requesterType\":\"PARENT\",\"caseReference\":\"RET-1\"}").statusCode()).isEqualTo(201);
    await(tasks, "RET-1", "Task_DecideWhetherToAssess");
    assertThat(http.basic("coordinator", "POST", "/api/cases/RET-1/withdrawal", "{\"reason\":\"moved away\"}")
        .statusCode()).isEqualTo(202);
    runDueJobs(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("RET-1")
        .processDefinitionKey("ehc-needs-assessment").singleResult().getId());

    List<HistoricProcessInstance> ended = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey("RET-1").list();
    assertThat(ended).extracting(HistoricProcessInstance::getProcessDefinitionKey)
        .containsExactlyInAnyOrder("ehc-needs-assessment", "ehc-panel-decision");
    HistoricProcessInstance root = ended.stream().filter(p -> p.getSuperProcessInstanceId() == null).findFirst()
        .orElseThrow();
    assertThat(root.getEndTime()).as("the withdrawn case has ended").isNotNull();
    // The whole case is removed together: the panel decision it called keeps the case's removal day.
    int timeToLive = repository.getProcessDefinition(root.getProcessDefinitionId()).getHistoryTimeToLive();
    assertThat(timeToLive).isEqualTo(2557);
    Date removal = Date.from(root.getEndTime().toInstant().plus(Duration.ofDays(timeToLive)));
    assertThat(ended).extracting(HistoricProcessInstance::getRemovalTime).containsOnly(removal);

    Map<String, Integer> kept = historyRows(root.getId());
    assertThat(kept).as("history of the case").containsKeys("act_hi_procinst", "act_hi_actinst", "act_hi_varinst",
        "act_hi_taskinst", "act_hi_identitylink", "act_hi_job_log", "act_hi_op_log");

    ClockUtil.setCurrentTime(new Date(removal.getTime() - Duration.ofDays(1).toMillis()));
    cleanUp();
    assertThat(historyRows(root.getId())).as("a day before its removal day, nothing of it removed").isEqualTo(kept);

    ClockUtil.setCurrentTime(new Date(removal.getTime() + Duration.ofDays(1).toMillis()));
    cleanUp();
    assertThat(historyRows(root.getId())).as("the day after, every history row of the case removed").isEmpty();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("RET-1").count()).isZero();
  }

  /** The case's async steps (the withdrawal notice, closing the case), as the job executor would run them. */
  private void runDueJobs(String caseInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(caseInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("the case's jobs kept coming");
  }

  /** Camunda's history cleanup job, made due now and run once, as it runs each night in its window. */
  private void cleanUp() {
    Job cleanup = history.cleanUpHistoryAsync(true);
    management.executeJob(cleanup.getId());
  }

  /** Each history table's rows that belong to the case (its root process instance), by table. */
  private Map<String, Integer> historyRows(String rootProcessInstanceId) {
    Map<String, Integer> rows = new LinkedHashMap<>();
    List<String> tables = jdbc.queryForList("select table_name from information_schema.columns where "
        + "table_schema = current_schema() and column_name = 'root_proc_inst_id_' and table_name like 'act_%' "
        + "order by table_name", String.class);
    assertThat(tables).as("tables that record a row's case").contains("act_hi_procinst", "act_ge_bytearray");
    for (String table : tables) {
      int count = jdbc.queryForObject("select count(*) from " + table + " where root_proc_inst_id_ = ?",
          Integer.class, rootProcessInstanceId);
      if (count > 0) {
        rows.put(table, count);
      }
    }
    return rows;
  }
}
