package org.ehcworkflow.respond;

/**
 * What a secure link answers: the step whose task it completes, and the variable that says of whom it was asked
 * (the advice giver, the requested setting). The link's notice names it with {@code respondByLink}.
 */
public enum Asked {
  /** Advice for the needs assessment (SEND Regs 2014 reg 6, 8). */
  ADVICE("Task_ProvideAdvice", "adviceGiver", "adviceDue"),
  /** A requested school's answer to consultation (CFA 2014 s39-40). */
  CONSULTATION("Task_RecordSettingResponse", "requestedSetting", "settingConsultationDue");

  private final String task;
  private final String scopeVariable;
  private final String dueVariable;

  Asked(String task, String scopeVariable, String dueVariable) {
    this.task = task;
    this.scopeVariable = scopeVariable;
    this.dueVariable = dueVariable;
  }

  public String task() {
    return task;
  }

  public String scopeVariable() {
    return scopeVariable;
  }

  public String dueVariable() {
    return dueVariable;
  }
}
