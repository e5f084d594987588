package org.ehcworkflow.process;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.EntityLoadListener;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.sql.DbSqlPersistenceProviderFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.management.JobDefinition;

/**
 * A job's definition, without reading it from the database again for what deployment settled.
 *
 * <p>Each job the engine runs asks for its job definition twice: for its activity, before it runs, and for its type
 * and configuration, in the job log's row once it ran. Camunda reads the definition from the database for that, one
 * query for every job. Those fields are settled when the model is deployed and never change (a new deployment has new
 * definitions with new ids), so they are kept from the last time the definition was read, and a job loaded later gets
 * them from there. What can change while the engine runs, on this node or another (a definition suspended in Cockpit,
 * its overriding priority), is read from the database whenever it is asked for, as before; the engine's own creation
 * of a job (which suspends the job when its definition is suspended) reads the definition itself, and so refreshes
 * what is kept. A job whose definition was not read since the engine started is given nothing, and the engine reads
 * the definition as before.
 */
public class SettledJobDefinitions extends AbstractProcessEnginePlugin {

  private final Map<String, Settled> settled = new ConcurrentHashMap<>();

  /** Takes the place of Camunda's own persistence session factory, and of nothing else (a council's own stays). */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    CamundasOwn.replace(configuration.getSessionFactories(), PersistenceSession.class,
        DbSqlPersistenceProviderFactory.class, current -> new Factory(current, this::loaded));
  }

  /** How many job definitions are kept: each one read since the engine started. */
  int kept() {
    return settled.size();
  }

  void loaded(DbEntity entity) {
    if (entity instanceof JobDefinitionEntity definition) {
      settled.put(definition.getId(), Settled.of(definition));
    } else if (entity instanceof JobEntity job && job.getJobDefinitionId() != null) {
      Settled known = settled.get(job.getJobDefinitionId());
      if (known != null) {
        job.setJobDefinition(known);
      }
    }
  }

  /** The engine's persistence session, telling this plugin of each entity it loads. */
  public static class Factory implements SessionFactory {

    private final SessionFactory engines;
    private final EntityLoadListener listener;

    Factory(SessionFactory engines, EntityLoadListener listener) {
      this.engines = engines;
      this.listener = listener;
    }

    @Override
    public Class<?> getSessionType() {
      return PersistenceSession.class;
    }

    @Override
    public Session openSession() {
      PersistenceSession session = (PersistenceSession) engines.openSession();
      session.addEntityLoadListener(listener);
      return session;
    }
  }

  /**
   * What deployment settled about a job definition; what can change is read from the database when asked.
   * Serializable, as a job is, and as the engine's own definition on it was.
   */
  record Settled(String id, String processDefinitionId, String processDefinitionKey, String jobType,
      String jobConfiguration, String activityId, String tenantId, String deploymentId)
      implements JobDefinition, Serializable {

    static Settled of(JobDefinitionEntity definition) {
      return new Settled(definition.getId(), definition.getProcessDefinitionId(),
          definition.getProcessDefinitionKey(), definition.getJobType(), definition.getJobConfiguration(),
          definition.getActivityId(), definition.getTenantId(), definition.getDeploymentId());
    }

    @Override
    public String getId() {
      return id;
    }

    @Override
    public String getProcessDefinitionId() {
      return processDefinitionId;
    }

    @Override
    public String getProcessDefinitionKey() {
      return processDefinitionKey;
    }

    @Override
    public String getJobType() {
      return jobType;
    }

    @Override
    public String getJobConfiguration() {
      return jobConfiguration;
    }

    @Override
    public String getActivityId() {
      return activityId;
    }

    @Override
    public String getTenantId() {
      return tenantId;
    }

    @Override
    public String getDeploymentId() {
      return deploymentId;
    }

    @Override
    public boolean isSuspended() {
      return current().isSuspended();
    }

    @Override
    public Long getOverridingJobPriority() {
      return current().getOverridingJobPriority();
    }

    /** The definition as the database has it now, as the engine itself would have read it. */
    private JobDefinition current() {
      CommandContext command = Context.getCommandContext();
      if (command == null) {
        throw new IllegalStateException("job definition " + id
            + ": its suspension and priority are read in an engine command (ManagementService's job definition query)");
      }
      JobDefinitionEntity definition = command.getJobDefinitionManager().findById(id);
      if (definition == null) {
        throw new IllegalStateException("job definition " + id + " no longer exists");
      }
      return definition;
    }
  }
}
