package org.ehcworkflow.tasklist;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.ehcworkflow.process.EveryUserTask;
import org.ehcworkflow.process.NewTaskVariables;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every model a task variable {@code caseReference} (the business key), so each
 * Tasklist card says which case it belongs to. It is a task variable because anyone who may read the task may
 * read it, while the case's process variables stay closed to partners and the panel (least privilege).
 */
@Component
class CaseReferenceOnTasks extends AbstractProcessEnginePlugin {

  static final String VARIABLE = "caseReference";

  private static final TaskListener COPY_CASE_REFERENCE = (DelegateTask task) -> {
    String caseReference = task.getExecution().getProcessBusinessKey();
    if (caseReference != null) {
      NewTaskVariables.noneStoredYet(task);
      task.setVariableLocal(VARIABLE, caseReference);
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_CREATE, COPY_CASE_REFERENCE, true);
  }
}
