package org.ehcworkflow.annualreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The review is complete: the next cycle starts, due 12 months from this review's meeting. */
public class StartNextReviewDelegate implements JavaDelegate {

  private final AnnualReviews reviews;

  public StartNextReviewDelegate(AnnualReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.startNext(execution.getProcessEngineServices().getRuntimeService(), execution.getProcessBusinessKey(),
        execution.getProcessInstanceId());
  }
}
