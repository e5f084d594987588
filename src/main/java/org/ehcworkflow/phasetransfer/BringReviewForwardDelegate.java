package org.ehcworkflow.phasetransfer;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcworkflow.annualreview.AnnualReviews;

/** The transfer review takes the place of this year's annual review (see {@link AnnualReviews#bringForward}). */
public class BringReviewForwardDelegate implements JavaDelegate {

  private final AnnualReviews reviews;

  public BringReviewForwardDelegate(AnnualReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String how = reviews.bringForward(execution.getProcessEngineServices().getRuntimeService(),
        execution.getProcessBusinessKey(), Map.of(
            PhaseTransferVariables.TRANSFER_DUE.name(), PhaseTransferVariables.TRANSFER_DUE.get(execution),
            PhaseTransferVariables.TRANSFER_TITLE.name(), PhaseTransferVariables.TRANSFER_TITLE.get(execution)));
    PhaseTransferVariables.REVIEW_BROUGHT_FORWARD.set(execution, how);
  }
}
