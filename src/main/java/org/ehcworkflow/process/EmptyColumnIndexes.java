package org.ehcworkflow.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On PostgreSQL, Camunda's indexes on columns this product leaves empty on nearly every row become partial indexes
 * of the rows that have a value ({@code where tenant_id_ is not null}), under the same names.
 *
 * <p>Why: PostgreSQL indexes a null like any value, so each new row of the engine's runtime and history tables went
 * into every such index: a new case's 17 variables into the variable tables' indexes on tenant, batch, byte array,
 * CMMN case and removal time (about 150 entries), each of its jobs, tasks and history rows likewise. No query reads
 * those entries; leaving them out cut PostgreSQL's CPU a case by 2 to 10% in four of six back-to-back runs (the
 * other two within the spread), and the database after a storm by 4%. Camunda looks these columns up only by a value
 * ({@code tenant_id_ = ?}, {@code removal_time_ <= ?}), and a partial index answers every such lookup, since a row
 * matching a value is not null. Where Camunda asks for the empty rows ({@code removal_time_ is null}), it is beside
 * a column with an index of its own (the root process instance).
 *
 * <p>Which: non-unique indexes on the runtime and history tables ({@code act_ru_*}, {@code act_hi_*}) whose first
 * column is one of {@link #EMPTY_COLUMNS}: tenants (the product has none), CMMN (no case models), batches, a
 * variable's or job's byte array (only for objects and failures), and the history's removal time (set when a process
 * ends). Not an index of definitions, nor one a query may need for the empty rows (end time: the unfinished
 * instances; assignee: the unassigned tasks).
 *
 * <p>How: at each start, once the engine has its tables; an index already partial is left alone, so a restart
 * does nothing. With {@code ehc.database.empty-column-indexes: camunda} it gives them back as Camunda ships them.
 * Each index is replaced in a transaction of its own, under an advisory lock that a second node
 * starting at the same moment waits for, so the two never both replace one. The first start after an upgrade
 * builds them again, reading each table once (minutes on England's size). H2, the embedded default, has no partial
 * indexes and keeps Camunda's. Camunda's upgrade scripts drop and create indexes by name, which is unchanged.
 */
public class EmptyColumnIndexes extends AbstractProcessEnginePlugin {

  /** The columns, as PostgreSQL names them, whose indexes leave out the rows without a value. */
  public static final Set<String> EMPTY_COLUMNS = Set.of("tenant_id_", "case_inst_id_", "case_execution_id_",
      "case_def_id_", "batch_id_", "bytearray_id_", "exception_stack_id_", "job_exception_stack_id_",
      "removal_time_", "restarted_proc_inst_id_");

  /** The advisory lock that one node at a time holds while it replaces indexes. */
  private static final long LOCK = 0x656863_0001L;
  private static final Logger LOG = LoggerFactory.getLogger(EmptyColumnIndexes.class);

  /**
   * The indexes on those columns of the runtime and history tables, with a condition: their name, first column and
   * definition.
   */
  private static final String INDEXES = "select i.relname, a.attname, pg_get_indexdef(x.indexrelid) from pg_index x"
      + " join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid"
      + " join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()"
      + " join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]"
      + " join pg_am m on m.oid = i.relam and m.amname = 'btree'"
      + " where (t.relname like 'act\\_ru\\_%' or t.relname like 'act\\_hi\\_%') and a.attname = any (?) and ";
  /** Camunda's, still indexing every row. */
  private static final String FULL = "not x.indisunique and not x.indisprimary and x.indpred is null";
  /** Those this class made partial: leaving out exactly the rows where their column is empty. */
  private static final String PARTIAL = "pg_get_expr(x.indpred, x.indrelid) = '(' || a.attname || ' IS NOT NULL)'";

  private final boolean partial;

  /** @param partial true: partial indexes; false: Camunda's full ones, made full again where they were partial */
  public EmptyColumnIndexes(boolean partial) {
    this.partial = partial;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    if (!DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      return;
    }
    try {
      if (partial) {
        int replaced = makePartial(configuration.getDataSource());
        if (replaced > 0) {
          LOG.info("{} of Camunda's indexes now leave out the rows where their column is empty", replaced);
        }
      } else {
        int restored = makeFull(configuration.getDataSource());
        if (restored > 0) {
          LOG.info("{} of Camunda's indexes index every row again, as Camunda's schema has them", restored);
        }
      }
    } catch (SQLException e) {
      LOG.warn("Camunda's indexes on empty columns left as they are ({}); new rows cost more to write",
          e.getClass().getSimpleName());
    }
  }

  /** Replaces each full index on an empty column by its partial form; returns how many it replaced. */
  public static int makePartial(DataSource connections) throws SQLException {
    return replaceEach(connections, FULL, index -> index.definition() + " where " + index.column() + " is not null");
  }

  /**
   * Makes each of those indexes a full one again, as Camunda's schema has it: for a council that wants Camunda's
   * schema exactly ({@code ehc.database.empty-column-indexes: camunda}), and for the benchmark's naive baseline.
   */
  public static int makeFull(DataSource connections) throws SQLException {
    return replaceEach(connections, PARTIAL,
        index -> index.definition().substring(0, index.definition().indexOf(" WHERE ")));
  }

  /**
   * Replaces each index the condition selects by the one its new definition gives, under the advisory lock. Two
   * nodes starting together: the second waits until the first is done, then finds nothing left to do. The catalog is
   * read under the lock too: reading an index the other node is dropping is an error.
   */
  private static int replaceEach(DataSource connections, String condition, Function<Index, String> newDefinition)
      throws SQLException {
    try (Connection connection = connections.getConnection()) {
      execute(connection, "select pg_advisory_lock(" + LOCK + ")");
      try {
        List<Index> indexes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(INDEXES + condition)) {
          query.setArray(1, connection.createArrayOf("text", EMPTY_COLUMNS.toArray()));
          try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              indexes.add(new Index(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
          }
        }
        int replaced = 0;
        for (Index index : indexes) {
          if (replace(connection, index.name(), newDefinition.apply(index))) {
            replaced++;
          }
        }
        return replaced;
      } finally {
        execute(connection, "select pg_advisory_unlock(" + LOCK + ")");
      }
    }
  }

  /** Drops the index and creates it anew, in one transaction: never a moment without it. */
  private static boolean replace(Connection connection, String index, String definition) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      // Replacing an index waits for the transactions writing to its table; on a busy database, not for long.
      statement.execute("set local lock_timeout = '10s'");
      statement.execute("drop index " + index);
      statement.execute(definition);
      connection.commit();
      return true;
    } catch (SQLException e) {
      connection.rollback();
      LOG.warn("Index {} left as it was, to be tried again at the next start ({})", index,
          e.getClass().getSimpleName());
      return false;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private record Index(String name, String column, String definition) {
  }
}
