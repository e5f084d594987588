package org.ehcworkflow.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's indexes on the engine's own tables, which Camunda's schema lacks. Created here once the engine has
 * created its tables (Flyway runs before it), with {@code create index if not exists}: a restart does nothing, and
 * of two nodes starting together the one that loses is told the index exists. One that cannot be created is logged
 * and the application starts without it.
 * <ul>
 *   <li>{@link #TASK_DUE_DATE} on {@code act_ru_task (due_date_)}: every Tasklist filter sorts by statutory
 *       deadline, and with it PostgreSQL walks the tasks in due-date order and stops once the page is full instead of
 *       reading and sorting every open task (see {@code TasklistFilters}).</li>
 *   <li>{@link #JOBS_LOCKED}: the jobs locked now, the few a node is running. Each job acquisition asks "has this
 *       case an exclusive job locked?"; without it PostgreSQL read every job in the table once per acquisition:
 *       0.6 to 0.9 ms at 1,500 due jobs ({@code EXPLAIN ANALYZE}), 3.4 ms at 60,000 (the storm's most expensive
 *       statement); with it, 0.05 ms. A partial index: PostgreSQL only.</li>
 *   <li>For the acquisition order configured ({@code jobExecutorPreferTimerJobs}: timers first; {@code
 *       jobExecutorAcquireByDueDate}: the most overdue first), {@link #JOBS_BY_TYPE_AND_DUE_DATE} and the like, so
 *       PostgreSQL walks the jobs in that order and stops when it has enough, instead of sorting every due job. With
 *       neither setting on, Camunda takes jobs in no order and no such index is created.</li>
 * </ul>
 */
public class EngineTableIndexes extends AbstractProcessEnginePlugin {

  public static final String TASK_DUE_DATE = "ehc_task_due_date";
  static final String JOBS_LOCKED = "ehc_job_locked";
  static final String JOBS_BY_TYPE_AND_DUE_DATE = "ehc_job_type_due_date";
  static final String JOBS_BY_TYPE = "ehc_job_type";
  static final String JOBS_BY_DUE_DATE = "ehc_job_due_date";
  /** Every index {@link #jobAcquisition} may create, whichever order is configured. */
  public static final List<String> JOB_ACQUISITION =
      List.of(JOBS_LOCKED, JOBS_BY_TYPE_AND_DUE_DATE, JOBS_BY_TYPE, JOBS_BY_DUE_DATE);
  private static final Logger LOG = LoggerFactory.getLogger(EngineTableIndexes.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    Map<String, String> indexes = new LinkedHashMap<>();
    indexes.put(TASK_DUE_DATE, taskDueDate());
    indexes.putAll(jobAcquisition(DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType()),
        configuration.isJobExecutorPreferTimerJobs(), configuration.isJobExecutorAcquireByDueDate()));
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      indexes.forEach((name, create) -> {
        try {
          statement.execute(create);
        } catch (SQLException e) {
          LOG.warn("Index {} on the engine's tables not created ({}); queries that need it read the table instead",
              name, e.getClass().getSimpleName());
        }
      });
    } catch (SQLException e) {
      LOG.warn("Indexes on the engine's tables not created: no connection ({})", e.getClass().getSimpleName());
    }
  }

  /** The statement creating {@link #TASK_DUE_DATE}, the index every Tasklist filter's sort needs. */
  public static String taskDueDate() {
    return "create index if not exists " + TASK_DUE_DATE + " on act_ru_task (due_date_)";
  }

  /**
   * The job acquisition's indexes for that order (Camunda's: type descending, then due date), by name, each with the
   * statement creating it. The locked jobs' index is a partial one, which PostgreSQL has and H2 (the embedded
   * default) has not.
   */
  public static Map<String, String> jobAcquisition(boolean postgres, boolean preferTimers, boolean byDueDate) {
    Map<String, String> indexes = new LinkedHashMap<>();
    if (postgres) {
      indexes.put(JOBS_LOCKED, "create index if not exists " + JOBS_LOCKED + " on act_ru_job (process_instance_id_) "
          + "where lock_owner_ is not null");
    }
    if (preferTimers && byDueDate) {
      indexes.put(JOBS_BY_TYPE_AND_DUE_DATE, "create index if not exists " + JOBS_BY_TYPE_AND_DUE_DATE
          + " on act_ru_job (type_ desc, duedate_)");
    } else if (preferTimers) {
      indexes.put(JOBS_BY_TYPE, "create index if not exists " + JOBS_BY_TYPE + " on act_ru_job (type_ desc)");
    } else if (byDueDate) {
      indexes.put(JOBS_BY_DUE_DATE, "create index if not exists " + JOBS_BY_DUE_DATE + " on act_ru_job (duedate_)");
    }
    return indexes;
  }
}
