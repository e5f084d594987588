package org.ehcworkflow.dataprotection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.ehcworkflow.process.EveryUserTask;
import org.ehcworkflow.audit.AuditTrail;

/** Every completed task of every model goes into the audit trail: who completed which step of which case, when. */
public class AuditedTasks extends AbstractProcessEnginePlugin {

  private final AuditTrail audit;

  public AuditedTasks(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_COMPLETE, this::completed, false);
  }

  void completed(DelegateTask task) {
    String caseReference = task.getExecution().getProcessBusinessKey();
    if (caseReference == null) {
      return;
    }
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    audit.record(user != null ? user.getUserId() : task.getAssignee(), AuditTrail.Action.TASK_COMPLETED,
        caseReference, task.getTaskDefinitionKey() + ": " + task.getName());
  }
}
