package org.ehcworkflow.process;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/** Engines of their own for the kernel's plugin tests: in-memory H2, history FULL, no job executor. */
final class InMemoryEngines {

  private InMemoryEngines() {
  }

  /** A new engine with these plugins only (none: Camunda's own behaviour, for comparison). */
  static ProcessEngine withPlugins(List<ProcessEnginePlugin> plugins) {
    return withPlugins(plugins, configuration -> { });
  }

  /** A new engine with these plugins only, and the test's own settings. */
  static ProcessEngine withPlugins(List<ProcessEnginePlugin> plugins,
      Consumer<ProcessEngineConfigurationImpl> settings) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    String name = "kernel-" + System.nanoTime();
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName(name);
    configuration.setProcessEnginePlugins(plugins);
    settings.accept(configuration);
    return ((ProcessEngineConfigurationImpl) configuration).buildProcessEngine();
  }

  /** What a new engine with these plugins and settings has made of its configuration; the engine is closed after. */
  static Object partOf(List<ProcessEnginePlugin> plugins, Consumer<ProcessEngineConfigurationImpl> settings,
      Function<ProcessEngineConfigurationImpl, ?> part) {
    ProcessEngine engine = withPlugins(plugins, settings);
    try {
      return part.apply(configurationOf(engine));
    } finally {
      engine.close();
    }
  }

  static ProcessEngineConfigurationImpl configurationOf(ProcessEngine engine) {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /**
   * How often the engine's database has run statements containing this text (H2's query statistics, on from the
   * first call: call it once before the steps counted).
   */
  static long executions(ProcessEngineConfigurationImpl configuration, String statementText) {
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SET QUERY_STATISTICS TRUE");
      long count = 0;
      try (ResultSet rows = statement.executeQuery(
          "select SQL_STATEMENT, EXECUTION_COUNT from INFORMATION_SCHEMA.QUERY_STATISTICS")) {
        while (rows.next()) {
          if (rows.getString(1).replaceAll("\\s+", " ").contains(statementText)) {
            count += rows.getLong(2);
          }
        }
      }
      return count;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
