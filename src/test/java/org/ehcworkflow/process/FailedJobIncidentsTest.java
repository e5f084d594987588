package org.ehcworkflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.CompositeIncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * A job's incidents end exactly as with Camunda's own handler, whether the job runs, is given new retries, or is
 * deleted with its case; and a job that never failed is deleted without the incident lookup (the engine's own handler,
 * run for comparison, makes it), counted on the database.
 */
class FailedJobIncidentsTest {

  /** Fails while the process variable {@code fail} is true. */
  public static class Failing implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      if (Boolean.TRUE.equals(execution.getVariable("fail"))) {
        throw new IllegalStateException("the partner service is down");
      }
    }
  }

  static final String INCIDENT_LOOKUP = "from ACT_RU_INCIDENT I where I.CONFIGURATION_ = ?";

  @Test
  void aJobThatNeverFailedIsDeletedWithoutTheIncidentLookup() {
    Consumer<Case> reminderSent = c -> c.engine.getManagementService().executeJob(c.timer().getId());
    Outcome lean = run(true, false, reminderSent);
    Outcome engines = run(false, false, reminderSent);
    assertThat(lean.lookups).isZero();
    assertThat(engines.lookups).as("the engine's own handler looks it up").isEqualTo(1);
    assertThat(lean.incidents).isEqualTo(engines.incidents).isEmpty();
  }

  @Test
  void anIncidentIsResolvedWhenItsJobIsGivenRetriesAndRuns() {
    Consumer<Case> retried = c -> {
      c.failToAnIncident();
      c.engine.getRuntimeService().setVariable(c.instance, "fail", false);
      c.engine.getManagementService().setJobRetries(c.timer().getId(), 1);
      c.engine.getManagementService().executeJob(c.timer().getId());
    };
    Outcome lean = run(true, true, retried);
    assertThat(lean.incidents).containsExactly("failedJob resolved");
    assertThat(lean.incidents).isEqualTo(run(false, true, retried).incidents);
  }

  @Test
  void anIncidentEndsWithItsJobWhenTheTaskIsDoneOrTheCaseDeleted() {
    Consumer<Case> taskDone = c -> {
      c.failToAnIncident();
      c.engine.getTaskService().complete(c.engine.getTaskService().createTaskQuery().singleResult().getId());
    };
    Outcome lean = run(true, true, taskDone);
    assertThat(lean.openIncidents).isZero();
    assertThat(lean.incidents).hasSize(1).isEqualTo(run(false, true, taskDone).incidents);

    Consumer<Case> caseDeleted = c -> {
      c.failToAnIncident();
      c.engine.getRuntimeService().deleteProcessInstance(c.instance, "withdrawn");
    };
    Outcome deleted = run(true, true, caseDeleted);
    assertThat(deleted.openIncidents).isZero();
    assertThat(deleted.incidents).hasSize(1).isEqualTo(run(false, true, caseDeleted).incidents);
  }

  @Test
  void onlyCamundasOwnHandlerIsReplaced() {
    assertThat(InMemoryEngines.partOf(List.of(new FailedJobIncidents()), configuration -> { },
        configuration -> configuration.getIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE)))
        .isInstanceOf(FailedJobIncidents.Handler.class);
    assertThat(InMemoryEngines.partOf(List.of(new FailedJobIncidents()),
        configuration -> configuration.setCompositeIncidentHandlersEnabled(true),
        configuration -> configuration.getIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE)))
        .as("Camunda's composite handlers stay as they are").isInstanceOf(CompositeIncidentHandler.class);
  }

  record Outcome(long lookups, long openIncidents, List<String> incidents) {
  }

  record Case(ProcessEngine engine, String instance) {
    Job timer() {
      return engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
    }

    void failToAnIncident() {
      engine.getManagementService().setJobRetries(timer().getId(), 1);
      assertThatThrownBy(() -> engine.getManagementService().executeJob(timer().getId()))
          .hasMessageContaining("partner service is down");
      assertThat(engine.getRuntimeService().createIncidentQuery().count()).isEqualTo(1);
    }
  }

  private static Outcome run(boolean plugin, boolean fail, Consumer<Case> steps) {
    ProcessEngine engine = InMemoryEngines.withPlugins(plugin ? List.of(new FailedJobIncidents()) : List.of());
    ProcessEngineConfigurationImpl configuration = InMemoryEngines.configurationOf(engine);
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn", Bpmn.createExecutableProcess("p")
          .camundaHistoryTimeToLive(1).startEvent()
          .userTask("work")
          .boundaryEvent("reminder").cancelActivity(false).timerWithDuration("PT1H")
          .serviceTask("send").camundaClass(Failing.class.getName()).endEvent()
          .moveToActivity("work").endEvent().done()).deploy();
      String instance = engine.getRuntimeService().startProcessInstanceByKey("p", Map.of("fail", fail)).getId();
      long before = lookups(configuration);
      steps.accept(new Case(engine, instance));
      return new Outcome(lookups(configuration) - before, engine.getRuntimeService().createIncidentQuery().count(),
          engine.getHistoryService().createHistoricIncidentQuery().list().stream()
              .map(FailedJobIncidentsTest::typeAndState).toList());
    } finally {
      engine.close();
    }
  }

  private static String typeAndState(HistoricIncident incident) {
    return incident.getIncidentType() + " " + (incident.isOpen() ? "open" : incident.isResolved() ? "resolved"
        : "deleted");
  }

  /** How often the database ran the engine's lookup of incidents by configuration. */
  private static long lookups(ProcessEngineConfigurationImpl configuration) {
    return InMemoryEngines.executions(configuration, INCIDENT_LOOKUP);
  }
}
