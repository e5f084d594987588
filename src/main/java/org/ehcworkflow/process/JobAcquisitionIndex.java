package org.ehcworkflow.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexes the job executor's acquisition needs; Camunda's schema has neither. Each acquisition asks for the
 * first few due jobs that are not locked and whose process instance has no exclusive job locked now.
 * <ul>
 *   <li>{@link #LOCKED}: the jobs locked now, the few a node is running. Without it PostgreSQL answered "has this
 *       instance an exclusive job locked?" by reading every job in the table once per acquisition, so each
 *       acquisition grew with the storm: 0.6 to 0.9 ms at 1,500 due jobs ({@code EXPLAIN ANALYZE}), 3.4 ms at
 *       60,000 (the storm's most expensive statement); with the index, 0.05 ms.</li>
 *   <li>For the order configured ({@code jobExecutorPreferTimerJobs}: timers first; {@code
 *       jobExecutorAcquireByDueDate}: the most overdue first), {@link #BY_TYPE_AND_DUE_DATE} and the like, so
 *       PostgreSQL walks the jobs in that order and stops when it has enough, instead of sorting every due job.
 *       With neither setting on, Camunda takes jobs in no order and no such index is created.</li>
 * </ul>
 * Created once the engine has created its own tables (Flyway runs before). Two nodes starting together may both
 * try; the one that loses is told they exist.
 */
public class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

  static final String LOCKED = "ehc_job_locked";
  static final String BY_TYPE_AND_DUE_DATE = "ehc_job_type_due_date";
  static final String BY_TYPE = "ehc_job_type";
  static final String BY_DUE_DATE = "ehc_job_due_date";
  /** Every index this creates, whichever order is configured. */
  public static final List<String> NAMES = List.of(LOCKED, BY_TYPE_AND_DUE_DATE, BY_TYPE, BY_DUE_DATE);
  private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndex.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    List<String> indexes = indexes("postgres".equals(configuration.getDatabaseType()),
        configuration.isJobExecutorPreferTimerJobs(), configuration.isJobExecutorAcquireByDueDate());
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String index : indexes) {
        statement.execute(index);
      }
    } catch (SQLException e) {
      LOG.warn("Indexes for the job executor's acquisition not created ({}); each acquisition reads the job table "
          + "without them", e.getClass().getSimpleName());
    }
  }

  /**
   * The statements creating the indexes for that order (Camunda's: type descending, then due date). The locked
   * jobs' index is a partial one, which PostgreSQL has and H2 (the embedded default) has not.
   */
  public static List<String> indexes(boolean postgres, boolean preferTimers, boolean byDueDate) {
    List<String> indexes = new ArrayList<>();
    if (postgres) {
      indexes.add("create index if not exists " + LOCKED + " on act_ru_job (process_instance_id_) "
          + "where lock_owner_ is not null");
    }
    if (preferTimers && byDueDate) {
      indexes.add("create index if not exists " + BY_TYPE_AND_DUE_DATE + " on act_ru_job (type_ desc, duedate_)");
    } else if (preferTimers) {
      indexes.add("create index if not exists " + BY_TYPE + " on act_ru_job (type_ desc)");
    } else if (byDueDate) {
      indexes.add("create index if not exists " + BY_DUE_DATE + " on act_ru_job (duedate_)");
    }
    return indexes;
  }
}
