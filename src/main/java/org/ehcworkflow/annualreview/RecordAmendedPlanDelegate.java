package org.ehcworkflow.annualreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcworkflow.plan.PlanRegister;
import org.ehcworkflow.plan.PlanRegister.NamedSetting;
import org.ehcworkflow.plan.PlanVariables;
import org.ehcworkflow.process.EngineClock;

/** The amended plan is issued: the register records it with the setting section I now names. */
public class RecordAmendedPlanDelegate implements JavaDelegate {

  private final PlanRegister register;

  public RecordAmendedPlanDelegate(PlanRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = PlanVariables.NAMED_SETTING_CODE.get(execution);
    Number upperAge = PlanVariables.NAMED_SETTING_UPPER_AGE.get(execution);
    NamedSetting setting = new NamedSetting(code == null || code.isBlank() ? null : code.trim(),
        PlanVariables.NAMED_SETTING.get(execution), upperAge == null ? null : upperAge.intValue());
    register.recordAmendment(execution.getProcessBusinessKey(), EngineClock.today(), setting,
        "process:" + execution.getCurrentActivityId());
  }
}
