package org.ehcworkflow.annualreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A transfer review is done: the phase transfer waiting for it learns the outcome and completes. */
public class ConcludeTransferReviewDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    tellTransfer(execution, AnnualReviewVariables.DECISION.get(execution));
  }

  /** Tells a phase transfer of the same case, if one is waiting; there is none when the transfer was not started. */
  static void tellTransfer(DelegateExecution execution, String outcome) {
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(AnnualReviews.TRANSFER_REVIEW_CONCLUDED)
        .processInstanceBusinessKey(execution.getProcessBusinessKey())
        .setVariable("transferOutcome", outcome)
        .correlateAll();
  }
}
