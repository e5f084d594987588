package org.ehcworkflow.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.casefile.CaseStatus;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.ProcessVariable;

/** Records the case's outcome on the case file and in {@code caseOutcome}. Input: {@link StepInputs#OUTCOME}. */
public class CloseCaseDelegate implements JavaDelegate {

  public static final ProcessVariable<String> CASE_OUTCOME =
      ProcessVariable.of("caseOutcome", String.class, "the case's outcome, a CaseStatus name");
  public static final ProcessVariable<String> WITHDRAWAL_REASON =
      ProcessVariable.of("withdrawalReason", String.class, "why the case was withdrawn, as the officer recorded it");

  private final CaseFile caseFile;

  public CloseCaseDelegate(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseStatus outcome = CaseStatus.valueOf(StepInputs.OUTCOME.local(execution));
    String reason = outcome == CaseStatus.WITHDRAWN ? WITHDRAWAL_REASON.get(execution) : null;
    caseFile.close(execution.getProcessBusinessKey(), outcome, EngineClock.today(), reason);
    CASE_OUTCOME.set(execution, outcome.name());
  }
}
