package org.ehcworkflow.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.BitMaskUtil;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * Camunda's handler of failed jobs' incidents, without its lookup when there is nothing to find.
 *
 * <p>Whenever a job is deleted (it ran, or its timer was cancelled) the engine looks for incidents whose
 * configuration is the job's id: one query for each job, and in a timer storm about 4% of the job threads' time, for
 * a query that almost always finds nothing. A failed job's incident is linked to the job's execution, and an
 * execution records whether it has any incident (its cached entity state; the engine trusts the same record to skip
 * the same kind of query when it removes an execution). So when the job's execution is already loaded in the command
 * and has no incident, there is no incident to resolve or delete, and the lookup is skipped. In every other case (a
 * job without an execution, an execution not loaded, or one with an incident) the engine's own handler runs as
 * before.
 */
public class FailedJobIncidents extends AbstractProcessEnginePlugin {

  /**
   * Takes the place of Camunda's own handler of failed jobs' incidents, and of nothing else: a council's own handler,
   * or Camunda's composite handlers ({@code compositeIncidentHandlersEnabled}), stay as they are.
   */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    CamundasOwn.replace(configuration.getIncidentHandlers(), Incident.FAILED_JOB_HANDLER_TYPE,
        DefaultIncidentHandler.class, current -> new Handler());
  }

  /** Whether the execution, as loaded in this command, is known to have no incident at all. */
  static boolean knownToHaveNone(ExecutionEntity execution) {
    return execution != null
        && !BitMaskUtil.isBitOn(execution.getCachedEntityState(), ExecutionEntity.INCIDENT_STATE_BIT);
  }

  /** The engine's handler for {@code failedJob} incidents, asked only when an incident can exist. */
  public static class Handler extends DefaultIncidentHandler {

    Handler() {
      super(Incident.FAILED_JOB_HANDLER_TYPE);
    }

    @Override
    protected void removeIncident(IncidentContext context, boolean incidentResolved) {
      if (context.getExecutionId() != null) {
        CommandContext command = Context.getCommandContext();
        if (knownToHaveNone(command.getDbEntityManager().getCachedEntity(ExecutionEntity.class,
            context.getExecutionId()))) {
          return;
        }
      }
      super.removeIncident(context, incidentResolved);
    }
  }
}
