package org.ehcworkflow.onboarding;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refreshes PostgreSQL's planner statistics once a bulk load has entered many plans ({@code ANALYZE}, as PostgreSQL
 * advises after loading data), instead of leaving the database with the statistics it had before the load until
 * autovacuum next passes.
 *
 * <p>Why it matters at go-live: every foreign-key check the engine's writes cause (deleting an execution checks
 * its variables, tasks and jobs; a task's candidate group checks its task) runs a plan that each connection prepares
 * once and keeps while the table's statistics stay as they are. Prepared while a table was nearly empty, it scans
 * the whole table; as the load and the storm of timers after it grow the table to thousands of rows, each check
 * reads all of them. Measured in the timer-storm benchmark (1,500 overdue plans): deleting an execution fell from
 * 0.83 to 0.21 ms of PostgreSQL's time per job once the tables had been analysed.
 *
 * <p>A failure here never fails the load, which is already committed: it is logged and autovacuum does the work
 * later. On H2 (the embedded default for trying the product) nothing is done.
 */
class PlannerStatistics {

  private static final Logger LOG = LoggerFactory.getLogger(PlannerStatistics.class);

  private final JdbcTemplate jdbc;
  private final boolean postgres;
  private final int afterPlans;

  /**
   * @param postgres whether the database is PostgreSQL (the engine's database type); otherwise nothing is done
   * @param afterPlans the fewest plans entered by one load that refresh the statistics
   */
  PlannerStatistics(JdbcTemplate jdbc, boolean postgres, int afterPlans) {
    this.jdbc = jdbc;
    this.postgres = postgres;
    this.afterPlans = afterPlans;
  }

  /** Called when a load has finished, with the number of plans it entered. */
  void loaded(int plansEntered) {
    if (plansEntered < afterPlans || !postgres) {
      return;
    }
    long started = System.nanoTime();
    try {
      jdbc.execute("analyze");
      LOG.info("Planner statistics refreshed after a load of {} plans, in {} ms", plansEntered,
          (System.nanoTime() - started) / 1_000_000);
    } catch (DataAccessException e) {
      LOG.warn("Planner statistics not refreshed after a load of {} plans ({}); autovacuum will refresh them",
          plansEntered, e.getClass().getSimpleName());
    }
  }
}
