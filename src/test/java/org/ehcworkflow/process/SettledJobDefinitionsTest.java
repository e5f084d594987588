package org.ehcworkflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.sql.DbSqlPersistenceProviderFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * A job runs without its definition read from the database again, and leaves the same job log and incidents as with
 * the engine's own persistence (run for comparison, it reads the definition for every job); what can change about a
 * definition (suspended in Cockpit, its priority) is read from the database when asked for.
 */
class SettledJobDefinitionsTest {

  static final String DEFINITION_READ = "from ACT_RU_JOBDEF where ID_ = ?";

  @Test
  void aTimerRunsWithoutItsDefinitionReadAgainAndLogsTheSameAsWithTheEngineAlone() {
    Outcome settled = run(true, false);
    Outcome engines = run(false, false);
    assertThat(settled.definitionReads).isZero();
    assertThat(engines.definitionReads).as("the engine reads it for every job").isEqualTo(1);
    assertThat(settled.jobLog).containsExactly("created at reminder, timer-transition DURATION: PT1H, its definition",
        "succeeded at reminder, timer-transition DURATION: PT1H, its definition").isEqualTo(engines.jobLog);
  }

  @Test
  void aFailedTimerLogsAndRaisesItsIncidentAsWithTheEngineAlone() {
    Outcome settled = run(true, true);
    Outcome engines = run(false, true);
    assertThat(settled.jobLog).contains("failed at reminder, timer-transition DURATION: PT1H, its definition")
        .isEqualTo(engines.jobLog);
    assertThat(settled.incidents).containsExactly("failedJob at reminder").isEqualTo(engines.incidents);
  }

  @Test
  void whatCanChangeAboutADefinitionIsReadWhenAskedFor() {
    ProcessEngine engine = InMemoryEngines.withPlugins(List.of(new SettledJobDefinitions()));
    try {
      Job timer = engine.getManagementService().createJobQuery()
          .processInstanceId(start(engine, false)).singleResult();
      String definition = timer.getJobDefinitionId();
      engine.getManagementService().suspendJobDefinitionById(definition);
      engine.getManagementService().setOverridingJobPriorityForJobDefinition(definition, 7);

      JobDefinition suspended = definitionAsLoaded(engine, timer.getId(), true);
      assertThat(suspended).isInstanceOf(SettledJobDefinitions.Settled.class);
      assertThat(suspended.getActivityId()).isEqualTo("reminder");

      engine.getManagementService().activateJobDefinitionById(definition);
      engine.getManagementService().clearOverridingJobPriorityForJobDefinition(definition);
      definitionAsLoaded(engine, timer.getId(), false);
    } finally {
      engine.close();
    }
  }

  @Test
  void aJobWhoseDefinitionWasNotReadIsLeftToTheEngine() {
    SettledJobDefinitions plugin = new SettledJobDefinitions();
    Probe job = new Probe();
    job.setJobDefinitionId("definition-1");
    plugin.loaded(job);
    assertThat(job.known()).isNull();

    JobDefinitionEntity definition = new JobDefinitionEntity();
    definition.setId("definition-1");
    definition.setActivityId("Timer_Reminder");
    definition.setJobType("timer-transition");
    definition.setJobConfiguration("timer-config");
    definition.setProcessDefinitionId("annual-review:1:1");
    definition.setProcessDefinitionKey("annual-review");
    definition.setDeploymentId("deployment-1");
    plugin.loaded(definition);
    plugin.loaded(job);
    assertThat(job.known()).isEqualTo(SettledJobDefinitions.Settled.of(definition));
    assertThat(plugin.kept()).isEqualTo(1);
    assertThat(serialized(job)).as("a job stays serializable, as with the engine's own definition on it").isPositive();
    assertThatThrownBy(() -> job.known().isSuspended()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("definition-1").hasMessageContaining("read in an engine command");
  }

  @Test
  void onlyCamundasOwnPersistenceIsWrapped() {
    assertThat(InMemoryEngines.partOf(List.of(new SettledJobDefinitions()), configuration -> { },
        configuration -> configuration.getSessionFactories().get(PersistenceSession.class)))
        .isInstanceOf(SettledJobDefinitions.Factory.class);
    SessionFactory councils = new DbSqlPersistenceProviderFactory() {
    };
    assertThat(InMemoryEngines.partOf(List.of(new SettledJobDefinitions()),
        configuration -> configuration.setCustomSessionFactories(List.of(councils)),
        configuration -> configuration.getSessionFactories().get(PersistenceSession.class))).isSameAs(councils);
  }

  private static int serialized(Object job) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(job);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.size();
  }

  /** A job whose definition, as set on it, can be seen without asking the database. */
  static class Probe extends TimerEntity {
    JobDefinition known() {
      return jobDefinition;
    }
  }

  record Outcome(long definitionReads, List<String> jobLog, List<String> incidents) {
  }

  private static Outcome run(boolean plugin, boolean fail) {
    ProcessEngine engine = InMemoryEngines.withPlugins(plugin ? List.of(new SettledJobDefinitions()) : List.of());
    ProcessEngineConfigurationImpl configuration = InMemoryEngines.configurationOf(engine);
    try {
      String instance = start(engine, fail);
      Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
      long before = InMemoryEngines.executions(configuration, DEFINITION_READ);
      if (fail) {
        engine.getManagementService().setJobRetries(timer.getId(), 1);
        assertThatThrownBy(() -> engine.getManagementService().executeJob(timer.getId()))
            .hasMessageContaining("partner service is down");
      } else {
        engine.getManagementService().executeJob(timer.getId());
      }
      long reads = InMemoryEngines.executions(configuration, DEFINITION_READ) - before;
      List<String> jobLog = engine.getHistoryService().createHistoricJobLogQuery().orderPartiallyByOccurrence().asc()
          .list().stream().map(log -> logged(log, timer.getJobDefinitionId())).toList();
      List<String> incidents = engine.getRuntimeService().createIncidentQuery().list().stream()
          .map(incident -> incident.getIncidentType() + " at " + incident.getActivityId()).toList();
      return new Outcome(reads, jobLog, incidents);
    } finally {
      engine.close();
    }
  }

  private static String start(ProcessEngine engine, boolean fail) {
    engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn", Bpmn.createExecutableProcess("p")
        .camundaHistoryTimeToLive(1).startEvent()
        .userTask("work")
        .boundaryEvent("reminder").cancelActivity(false).timerWithDuration("PT1H")
        .serviceTask("send").camundaClass(FailedJobIncidentsTest.Failing.class.getName()).endEvent()
        .moveToActivity("work").endEvent().done()).deploy();
    return engine.getRuntimeService().startProcessInstanceByKey("p", Map.of("fail", fail)).getId();
  }

  /** A job log row: what happened, and what it says of the job's definition (its id, type and configuration). */
  private static String logged(HistoricJobLog log, String definitionId) {
    String kind = log.isCreationLog() ? "created" : log.isSuccessLog() ? "succeeded"
        : log.isFailureLog() ? "failed" : "deleted";
    return kind + " at " + log.getActivityId() + ", " + log.getJobDefinitionType() + " "
        + log.getJobDefinitionConfiguration() + ", "
        + (definitionId.equals(log.getJobDefinitionId()) ? "its definition" : "definition " + log.getJobDefinitionId());
  }

  /** The job's definition as a job loaded in a command has it, checked there against what the database says. */
  private static JobDefinition definitionAsLoaded(ProcessEngine engine, String jobId, boolean suspended) {
    return InMemoryEngines.configurationOf(engine).getCommandExecutorTxRequired().execute(command -> {
      JobEntity job = command.getJobManager().findJobById(jobId);
      JobDefinition definition = job.getJobDefinition();
      assertThat(definition.isSuspended()).isEqualTo(suspended);
      assertThat(definition.getOverridingJobPriority()).isEqualTo(suspended ? Long.valueOf(7) : null);
      return definition;
    });
  }
}
