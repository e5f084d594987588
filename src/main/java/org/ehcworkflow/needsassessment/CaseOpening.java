package org.ehcworkflow.needsassessment;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.process.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a case through the engine, so the API and demo data take the same path as Tasklist and the engine
 * REST API (validation and deadlines happen in {@link OpenCaseListener}). The child's details go to the case
 * file in the same transaction, never into process variables.
 */
public class CaseOpening {

  private final RuntimeService runtime;
  private final CaseFile caseFile;
  private final JdbcTemplate jdbc;

  public CaseOpening(RuntimeService runtime, CaseFile caseFile, JdbcTemplate jdbc) {
    this.runtime = runtime;
    this.caseFile = caseFile;
    this.jdbc = jdbc;
  }

  /** The child and the family's contact details, kept in {@code case_request}. */
  public record ChildDetails(String givenName, String familyName, java.time.LocalDate dateOfBirth,
      String contactEmail, String contactPhone, String summary) {
  }

  /** Validates, refuses a case reference already in use, then starts the process. */
  @Transactional
  public ProcessInstance open(Map<String, Object> variables, String caseReference, ChildDetails child) {
    CaseRequest request = CaseRequestValidator.validate(variables, caseReference, EngineClock.today());
    if (request.caseReference() != null && caseFile.exists(request.caseReference())) {
      throw new CaseAlreadyOpen(request.caseReference());
    }
    Map<String, Object> start = new HashMap<>();
    start.put(NeedsAssessmentVariables.REQUEST_RECEIVED_DATE.name(), request.requestReceivedDate().toString());
    start.put(NeedsAssessmentVariables.REQUESTER_TYPE.name(), request.requesterType().name());
    if (request.councilReference() != null) {
      start.put(NeedsAssessmentVariables.COUNCIL_REFERENCE.name(), request.councilReference());
    }
    ProcessInstance instance = runtime.createProcessInstanceByKey(NeedsAssessmentVariables.PROCESS_ID)
        .businessKey(request.caseReference())
        .setVariables(start)
        .execute();
    if (child != null) {
      jdbc.update("""
          insert into case_request (case_reference, child_given_name, child_family_name, child_date_of_birth,
            contact_email, contact_phone, summary) values (?, ?, ?, ?, ?, ?, ?)
          """, instance.getBusinessKey(), child.givenName(), child.familyName(),
          child.dateOfBirth() == null ? null : java.sql.Date.valueOf(child.dateOfBirth()), child.contactEmail(),
          child.contactPhone(), child.summary());
    }
    return instance;
  }

  /** A second request for a case reference already open. */
  public static class CaseAlreadyOpen extends RuntimeException {
    public CaseAlreadyOpen(String caseReference) {
      super("case " + caseReference + " is already open: a request is recorded once");
    }
  }
}
