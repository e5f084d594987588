package org.ehcworkflow.needsassessment;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.casefile.CaseFile.ChildDetails;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.Refusal;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a case through the engine, so the API and demo data take the same path as Tasklist and the engine
 * REST API (validation and deadlines happen in {@link OpenCaseListener}). The child's details go to the case
 * file in the same transaction, never into process variables.
 */
public class CaseOpening {

  private final RuntimeService runtime;
  private final CaseFile caseFile;

  public CaseOpening(RuntimeService runtime, CaseFile caseFile) {
    this.runtime = runtime;
    this.caseFile = caseFile;
  }

  /** A second request for a case reference already open: 409, whichever route it came by. */
  static Refusal alreadyOpen(String caseReference) {
    return Refusal.conflict("caseReference " + caseReference + " is already open: a request is recorded once");
  }

  /**
   * Validates and refuses a case reference already in use before starting, so the API can answer 400 with
   * every problem and 409 for a duplicate; {@link OpenCaseListener} checks the same again as the authority for
   * every route.
   */
  @Transactional
  public ProcessInstance open(Map<String, Object> variables, String caseReference, ChildDetails child) {
    CaseRequest request = CaseRequestValidator.validate(variables, caseReference, EngineClock.today());
    if (request.caseReference() != null && caseFile.exists(request.caseReference())) {
      throw alreadyOpen(request.caseReference());
    }
    Map<String, Object> start = new HashMap<>();
    start.put(NeedsAssessmentVariables.REQUEST_RECEIVED_DATE.name(), request.requestReceivedDate().toString());
    start.put(NeedsAssessmentVariables.REQUESTER_TYPE.name(), request.requesterType().name());
    if (request.currentSettingCode() != null) {
      start.put(NeedsAssessmentVariables.CURRENT_SETTING_CODE.name(), request.currentSettingCode());
    }
    Object coordinator = variables.get(NeedsAssessmentVariables.COORDINATOR.name());
    if (coordinator != null && !coordinator.toString().isBlank()) {
      start.put(NeedsAssessmentVariables.COORDINATOR.name(), coordinator.toString().trim());
    }
    if (request.councilReference() != null) {
      start.put(NeedsAssessmentVariables.COUNCIL_REFERENCE.name(), request.councilReference());
    }
    ProcessInstance instance = runtime.createProcessInstanceByKey(NeedsAssessmentVariables.PROCESS_ID)
        .businessKey(request.caseReference())
        .setVariables(start)
        .execute();
    if (child != null) {
      caseFile.recordRequestDetails(instance.getBusinessKey(), child);
    }
    return instance;
  }
}
