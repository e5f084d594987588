package org.ehcworkflow.process;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The variables of a call activity that puts one step to a process of its own ({@code ehc-panel-decision}), named
 * in the model: {@code camunda:variableMappingDelegateExpression="${calledStepVariables}"}.
 *
 * <ul>
 *   <li>In: the variables the call activity names in its property {@code passes} (what the step shows and reads),
 *       those the calling process has, and {@value #STEP}, the call activity's id, which tells the called process
 *       which step it is (a transient variable: it routes the start and is not stored).</li>
 *   <li>Out: every variable the called instance holds that was not passed in: what the step decided and what its
 *       listeners set. What was passed in is never copied back, so a value the calling process changed while the
 *       step was open (a date corrected, say) is not overwritten by the copy the step was given.</li>
 * </ul>
 */
public class CalledStepVariables implements DelegateVariableMapping {

  /** The called process's variable that names the step: the id of the call activity that called it. */
  public static final String STEP = "panelDecision";
  static final String PASSES = "passes";

  @Override
  public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
    for (String name : passes(superExecution)) {
      if (superExecution.hasVariable(name)) {
        subVariables.putValueTyped(name, superExecution.getVariableTyped(name));
      }
    }
    // Transient: read by the called process's start check and its gateway in the same transaction, never stored.
    subVariables.putValueTyped(STEP, Variables.stringValue(superExecution.getCurrentActivityId(), true));
  }

  @Override
  public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
    Set<String> passed = passes(superExecution);
    VariableMap held = subInstance.getVariablesTyped();
    for (String name : held.keySet()) {
      if (!passed.contains(name) && !STEP.equals(name)) {
        superExecution.setVariable(name, held.getValueTyped(name));
      }
    }
  }

  /**
   * The called process's start check ({@code ${calledStepVariables.requireStep(execution)}}): started by anything but
   * a call activity naming one of its user tasks (an administrator through the engine REST API, say), it is refused
   * with a message naming {@value #STEP} and creates nothing.
   */
  public void requireStep(DelegateExecution execution) {
    Object step = execution.getVariable(STEP);
    if (!(step instanceof String id) || !(execution.getBpmnModelInstance().getModelElementById(id)
        instanceof UserTask)) {
      String process = execution.getProcessEngineServices().getRepositoryService()
          .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
      throw InputRejected.because(STEP + ": " + process + " is started by the step of a case that puts a decision to "
          + "it, naming one of its tasks; got '" + step + "'");
    }
  }

  /** The names in the call activity's property {@value #PASSES}; a call activity without it passes none. */
  static Set<String> passes(DelegateExecution superExecution) {
    Set<String> names = new LinkedHashSet<>();
    ExtensionElements extensions = ((BaseElement) superExecution.getBpmnModelElementInstance()).getExtensionElements();
    if (extensions == null) {
      return names;
    }
    for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (PASSES.equals(property.getCamundaName()) && property.getCamundaValue() != null) {
          Arrays.stream(property.getCamundaValue().split(",")).map(String::trim).filter(n -> !n.isEmpty())
              .forEach(names::add);
        }
      }
    }
    return names;
  }
}
