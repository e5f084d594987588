package org.ehcworkflow.phasetransfer;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ehcworkflow.calendar.PhaseTransfer;
import org.ehcworkflow.process.CaseReferences;
import org.ehcworkflow.process.Codes;
import org.ehcworkflow.process.InputRejected;
import org.ehcworkflow.process.IsoDates;
import static org.ehcworkflow.process.TaskInputs.rejectInvalid;

/**
 * Start listener of a child's transfer ({@code ${phaseTransferStart.starting(execution)}}), however it is started:
 * by the cohort, from Tasklist's start form or through the engine REST API. Invalid input is refused with a 400
 * and nothing starts.
 */
public class PhaseTransferStart {

  private final PhaseTransfers transfers;

  public PhaseTransferStart(PhaseTransfers transfers) {
    this.transfers = transfers;
  }

  public void starting(DelegateExecution execution) {
    Object given = execution.getVariable(PhaseTransferVariables.CASE_REFERENCE.name());
    String caseReference = given != null && !given.toString().isBlank() ? given.toString().trim()
        : execution.getProcessBusinessKey();
    if (caseReference == null || caseReference.isBlank()) {
      throw InputRejected.because("caseReference is required");
    }
    if (!CaseReferences.valid(caseReference)) {
      throw InputRejected.because("caseReference '" + caseReference + "' must be " + CaseReferences.DESCRIPTION);
    }
    LocalDate day = rejectInvalid(() -> {
      Object value = execution.getVariable(PhaseTransferVariables.TRANSFER_DAY.name());
      return value == null || value.toString().isBlank() ? null
          : IsoDates.parse(PhaseTransferVariables.TRANSFER_DAY.name(), value);
    });
    PhaseTransfer kind = rejectInvalid(() -> {
      Object value = execution.getVariable(PhaseTransferVariables.TRANSFER_KIND.name());
      return value == null || value.toString().isBlank() ? null
          : Codes.parse(PhaseTransfer.class, PhaseTransferVariables.TRANSFER_KIND.name(), value);
    });
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(caseReference);
    } else if (!execution.getProcessBusinessKey().equals(caseReference)) {
      throw InputRejected.because("businessKey and caseReference differ: give the case reference once");
    }
    execution.setVariables(transfers.prepare(execution.getProcessEngineServices().getRuntimeService(),
        caseReference, day, kind));
  }
}
