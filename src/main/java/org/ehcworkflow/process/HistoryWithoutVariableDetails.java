package org.ehcworkflow.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * History stays at level FULL (the job log, activity and task history, each variable's last value in
 * {@code act_hi_varinst}), but without {@code act_hi_detail}: a row for every change of every variable, which
 * nothing in the product reads (Cockpit's community edition shows none of it) and which was a quarter of the
 * history rows a plan writes, each deadline variable twice. The level in the database is unchanged, so an existing
 * database starts as before; {@code ehc.history.variable-details=true} keeps the rows.
 */
public class HistoryWithoutVariableDetails extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new WithoutDetails());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** The engine's own database handler, writing every history event but a variable change's detail row. */
  static class WithoutDetails extends DbHistoryEventHandler {
    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
      return false;
    }
  }
}
