package org.ehcworkflow.casefile;

import java.sql.DatabaseMetaData;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each year's case numbers, from a database sequence of that year ({@code case_reference_2027}). Taking a number
 * locks nothing and commits nothing: openings side by side never wait for each other, and an opening costs no commit
 * of its own for its number. A number taken by an opening that then fails is not given again, so a year's numbers
 * may have gaps; none is ever given twice.
 *
 * <p>A year's sequence is created the first time a number of that year is asked for, in a short transaction of its
 * own on a connection of its own (a pool of one in the application), so an opening that holds one of the main pool's
 * connections never waits for a second one from it. It starts after the last number the counter table
 * ({@code case_reference_counter}, which issued numbers until 2026-12) gave in that year, so an upgraded database
 * goes on from where it was.
 */
public class CaseReferenceCounter implements AutoCloseable {

  private final JdbcTemplate caseConnections;
  private final DataSource ownConnections;
  private final JdbcTemplate own;
  private final TransactionTemplate ownTransaction;
  private final boolean postgres;
  private final Set<Integer> yearsReady = ConcurrentHashMap.newKeySet();

  /**
   * @param caseConnections the connections openings run on: a number is taken in the opening's own transaction
   * @param ownConnections connections of the counter's own, for creating a year's sequence
   */
  public CaseReferenceCounter(DataSource caseConnections, DataSource ownConnections) {
    this.caseConnections = new JdbcTemplate(caseConnections);
    this.ownConnections = ownConnections;
    this.own = new JdbcTemplate(ownConnections);
    this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(ownConnections));
    // A new one even where the caller's transaction runs on the same data source.
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    // Asked of the openings' pool, which is open anyway: the counter's own connects only to create a sequence.
    this.postgres = isPostgres(caseConnections);
  }

  /** One data source for both: tests and tools that run no opening while holding a connection. */
  public CaseReferenceCounter(DataSource connections) {
    this(connections, connections);
  }

  /** The year's next number. */
  public int next(int year) {
    if (!yearsReady.contains(year)) {
      createSequence(year);
      yearsReady.add(year);
    }
    String sequence = sequence(year);
    Long next = caseConnections.queryForObject(
        postgres ? "select nextval('" + sequence + "')" : "select next value for " + sequence, Long.class);
    return Math.toIntExact(next);
  }

  private void createSequence(int year) {
    try {
      ownTransaction.executeWithoutResult(status -> {
        Integer last = own.query("select last_value from case_reference_counter where counter_year = ?",
            rows -> rows.next() ? rows.getInt(1) : 0, year);
        own.execute("create sequence if not exists " + sequence(year) + " start with " + (last + 1));
      });
    } catch (DataAccessException createdByAnotherNodeFirst) {
      // Two nodes (or two openings) created the year's sequence at once; one of them won, which is all we need.
      if (!ownTransaction.execute(status -> exists(year))) {
        throw createdByAnotherNodeFirst;
      }
    }
  }

  private boolean exists(int year) {
    Integer found = own.queryForObject("select count(*) from information_schema.sequences"
        + " where sequence_schema = current_schema and lower(sequence_name) = ?", Integer.class, sequence(year));
    return found != null && found > 0;
  }

  private static String sequence(int year) {
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("a case number's year has four digits: " + year);
    }
    return "case_reference_" + year;
  }

  private static boolean isPostgres(DataSource connections) {
    try {
      String product = JdbcUtils.extractDatabaseMetaData(connections, DatabaseMetaData::getDatabaseProductName);
      return product.toLowerCase().contains("postgres");
    } catch (Exception e) {
      throw new IllegalStateException("cannot tell which database holds the case numbers", e);
    }
  }

  /** Closes the counter's own connections where it holds a pool of them. */
  @Override
  public void close() throws Exception {
    if (ownConnections instanceof AutoCloseable pool) {
      pool.close();
    }
  }
}
