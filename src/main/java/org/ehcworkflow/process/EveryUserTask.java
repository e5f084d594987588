package org.ehcworkflow.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Adds a task listener to every user task of every model, from an engine plugin, without a line of BPMN. */
public final class EveryUserTask {

  private EveryUserTask() {
  }

  /**
   * @param beforeModelListeners true to run before the listeners the models declare (pre-parse), false after
   */
  public static void listen(ProcessEngineConfigurationImpl configuration, String event, TaskListener listener,
      boolean beforeModelListeners) {
    AbstractBpmnParseListener parseListener = new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(event, listener);
      }
    };
    if (beforeModelListeners) {
      if (configuration.getCustomPreBPMNParseListeners() == null) {
        configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
      }
      configuration.getCustomPreBPMNParseListeners().add(parseListener);
    } else {
      if (configuration.getCustomPostBPMNParseListeners() == null) {
        configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
      }
      configuration.getCustomPostBPMNParseListeners().add(parseListener);
    }
  }
}
