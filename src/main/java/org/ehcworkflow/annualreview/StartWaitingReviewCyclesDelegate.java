package org.ehcworkflow.annualreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The daily run, one batch per job: up to {@code batch} waiting review cycles whose day has come start, each once;
 * while a batch was full the run loops for the next one, so each batch commits on its own and a failure is an
 * incident on that batch alone.
 */
public class StartWaitingReviewCyclesDelegate implements JavaDelegate {

  /** How many cycles the run started, over all its batches, kept on the run's history. */
  static final String CYCLES_STARTED = "cyclesStarted";
  /** Whether the last batch was full, so more cycles may be due today. */
  static final String MORE_WAITING = "moreCyclesWaiting";

  private final AnnualReviews reviews;
  private final int batch;

  public StartWaitingReviewCyclesDelegate(AnnualReviews reviews, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("ehc.review.cycle-start-batch must be at least 1");
    }
    this.reviews = reviews;
    this.batch = batch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AnnualReviews.WaitingCycles done = reviews.startWaitingCycles(
        execution.getProcessEngineServices().getRuntimeService(), batch);
    Object before = execution.getVariable(CYCLES_STARTED);
    execution.setVariable(CYCLES_STARTED, (before instanceof Integer n ? n : 0) + done.started());
    execution.setVariable(MORE_WAITING, done.more());
  }
}
