package org.ehcworkflow.casefile;

import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each year's case numbers, taken in a short transaction of their own and committed at once, so the counter's row
 * lock is held for one update rather than for the whole opening of a case: cases open side by side. A number taken
 * by an opening that then fails is not given again, so a year's numbers may have gaps; none is ever given twice.
 *
 * <p>The counter has connections of its own (a pool of two in the application), so an opening that holds one of the
 * main pool's connections never waits for a second one from it: under load the main pool can be exhausted by
 * openings each waiting for the counter, and would then stall them all.
 */
public class CaseReferenceCounter implements AutoCloseable {

  private final DataSource connections;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public CaseReferenceCounter(DataSource connections) {
    this.connections = connections;
    this.jdbc = new JdbcTemplate(connections);
    this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(connections));
    // A new one even where the caller's transaction runs on the same data source.
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The year's next number, committed before it is returned. */
  public int next(int year) {
    try {
      return ownTransaction.execute(status -> take(year));
    } catch (DuplicateKeyException firstOfTheYearRaced) {
      // Another opening inserted the year's counter first; its row is there now.
      return ownTransaction.execute(status -> take(year));
    }
  }

  private int take(int year) {
    // The update takes the row lock, so concurrent openings each get their own number.
    int updated = jdbc.update("update case_reference_counter set last_value = last_value + 1 where counter_year = ?",
        year);
    if (updated == 0) {
      jdbc.update("insert into case_reference_counter (counter_year, last_value) values (?, 1)", year);
    }
    return jdbc.queryForObject("select last_value from case_reference_counter where counter_year = ?",
        Integer.class, year);
  }

  /** Closes the counter's own connections where it holds a pool of them. */
  @Override
  public void close() throws Exception {
    if (connections instanceof AutoCloseable pool) {
      pool.close();
    }
  }
}
