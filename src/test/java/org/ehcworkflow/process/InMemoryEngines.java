package org.ehcworkflow.process;

import java.util.List;
import java.util.function.Consumer;
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

  static ProcessEngineConfigurationImpl configurationOf(ProcessEngine engine) {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
