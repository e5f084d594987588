package org.ehcworkflow.phasetransfer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcworkflow.calendar.SchoolYears;
import org.ehcworkflow.process.EngineClock;

/** The yearly run: one transfer for each child who moves to a new phase at the end of this school year. */
public class StartTransferCohortDelegate implements JavaDelegate {

  private final PhaseTransfers transfers;

  public StartTransferCohortDelegate(PhaseTransfers transfers) {
    this.transfers = transfers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int started = transfers.startCohort(execution.getProcessEngineServices().getRuntimeService(),
        SchoolYears.schoolYearOf(EngineClock.today()));
    PhaseTransferVariables.COHORT_STARTED.set(execution, started);
  }
}
