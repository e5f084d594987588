package org.ehcworkflow.tasklist;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
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
      task.setVariableLocal(VARIABLE, caseReference);
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, COPY_CASE_REFERENCE);
      }
    });
  }
}
