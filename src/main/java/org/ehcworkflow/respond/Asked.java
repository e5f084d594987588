package org.ehcworkflow.respond;

/**
 * What a secure link answers: the step whose task it completes, and the variable that says of whom it was asked
 * (the advice giver, the requested setting; none for the review report, which the case's own setting sends), and the
 * document a PDF sent with it is kept as. The link's notice names it with {@code respondByLink}.
 */
public enum Asked {
  /** Advice for the needs assessment (SEND Regs 2014 reg 6, 8). */
  ADVICE("Task_ProvideAdvice", "adviceGiver", "adviceDue"),
  /** A requested school's answer to consultation (CFA 2014 s39-40). */
  CONSULTATION("Task_RecordSettingResponse", "requestedSetting", "settingConsultationDue"),
  /** The annual review's report from the head teacher or principal (SEND Regs 2014 reg 20(7), 21(7)). */
  REVIEW_REPORT("Task_SubmitReviewReport", null, "reviewReportDue");

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

  /** The variable naming of whom it was asked, or null when the link's scope is the case's own setting. */
  public String scopeVariable() {
    return scopeVariable;
  }

  public String dueVariable() {
    return dueVariable;
  }
}
