package org.ehcworkflow.annualreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The daily run: each review cycle waiting in the register whose day has come starts, once. */
public class StartWaitingReviewCyclesDelegate implements JavaDelegate {

  /** How many cycles the run started, kept on the run's history. */
  static final String CYCLES_STARTED = "cyclesStarted";

  private final AnnualReviews reviews;

  public StartWaitingReviewCyclesDelegate(AnnualReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CYCLES_STARTED,
        reviews.startWaitingCycles(execution.getProcessEngineServices().getRuntimeService()));
  }
}
