package org.ehcworkflow.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * History stays at level FULL (the job log, activity and task history, each variable's last value in
 * {@code act_hi_varinst}), without two kinds of rows nothing reads:
 * <ul>
 *   <li>{@code act_hi_detail}, a row for every change of every variable (Cockpit's community edition shows none of
 *       it), which was a quarter of the history rows a plan writes, each deadline variable twice;
 *       {@code ehc.history.variable-details=true} keeps them;</li>
 *   <li>the historic value of a step's input parameters ({@link StepInputNames}: a notice's template and recipients,
 *       a breach's time limit), constants of the model, a third of the variable history of an overdue review;
 *       {@code ehc.history.step-inputs=true} keeps them. What the step did is recorded where it is read: the notice
 *       outbox, the case file's breaches, the deadline ledger.</li>
 * </ul>
 * The level in the database is unchanged, so an existing database starts as before.
 */
public class LeanHistory extends AbstractProcessEnginePlugin {

  private final boolean variableDetails;
  private final Set<String> stepInputs;

  /**
   * @param variableDetails keep a detail row for each variable change
   * @param stepInputs the step input names kept out of history; empty keeps them all
   */
  public LeanHistory(boolean variableDetails, Set<String> stepInputs) {
    this.variableDetails = variableDetails;
    this.stepInputs = Set.copyOf(stepInputs);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new Lean());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /**
   * Whether a variable event is a step's input: a step input's name, local to an activity's scope (not the process
   * instance, not a task), which is where Camunda puts a {@code camunda:inputParameter}.
   */
  boolean isStepInput(HistoricVariableUpdateEventEntity event) {
    return stepInputs.contains(event.getVariableName()) && event.getTaskId() == null
        && event.getActivityInstanceId() != null && !event.getActivityInstanceId().equals(event.getProcessInstanceId());
  }

  /** The engine's own database handler, without the rows left out above. */
  class Lean extends DbHistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable && isStepInput(variable)) {
        return;
      }
      super.handleEvent(event);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
      return variableDetails && super.shouldWriteHistoricDetail(historyEvent);
    }
  }
}
