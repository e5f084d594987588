package org.ehcworkflow.annualreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcworkflow.plan.PlanRegister;
import org.ehcworkflow.process.EngineClock;

/** The plan ceases once no appeal can change the decision; a phase transfer waiting on it ends too. */
public class CeasePlanDelegate implements JavaDelegate {

  private final PlanRegister register;

  public CeasePlanDelegate(PlanRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseReference = execution.getProcessBusinessKey();
    register.cease(caseReference, EngineClock.today(), AnnualReviewVariables.CEASING_REASON.get(execution),
        "process:" + execution.getCurrentActivityId());
    ConcludeTransferReviewDelegate.tellTransfer(execution, "ceased");
  }
}
