package org.ehcworkflow.needsassessment;

import static org.ehcworkflow.calendar.TimeLimit.DECISION_TO_ASSESS;
import static org.ehcworkflow.calendar.TimeLimit.DECISION_TO_ISSUE;
import static org.ehcworkflow.calendar.TimeLimit.DRAFT_PLAN;
import static org.ehcworkflow.calendar.TimeLimit.FINAL_PLAN;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.ehcworkflow.calendar.DeadlineSchedule;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.casefile.CaseFile.OpenedCase;
import org.ehcworkflow.casefile.CaseStatus;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.InputRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs when an {@code ehc-needs-assessment} instance starts, by whatever route: validates the request, gives the
 * case its reference (the business key), computes every deadline counted from the request and opens the case
 * file. Invalid input throws, so the start rolls back and no instance exists.
 */
public class OpenCaseListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(OpenCaseListener.class);

  private final CaseFile caseFile;
  private final DeadlineSchedule schedule;

  public OpenCaseListener(CaseFile caseFile, DeadlineSchedule schedule) {
    this.caseFile = caseFile;
    this.schedule = schedule;
  }

  @Override
  public void notify(DelegateExecution execution) {
    LocalDate today = EngineClock.today();
    CaseRequest request;
    try {
      request = CaseRequestValidator.validate(execution.getVariables(), execution.getProcessBusinessKey(), today);
    } catch (InvalidCaseRequest e) {
      throw InputRejected.because(e.getMessage());
    }
    String reference = request.caseReference() != null ? request.caseReference()
        : caseFile.nextCaseReference(today.getYear());
    if (caseFile.exists(reference)) {
      throw InputRejected.because("case " + reference + " is already open: a request is recorded once");
    }
    execution.setProcessBusinessKey(reference);
    NeedsAssessmentVariables.CASE_REFERENCE.set(execution, reference);
    NeedsAssessmentVariables.REQUEST_RECEIVED_DATE.set(execution, request.requestReceivedDate().toString());
    NeedsAssessmentVariables.REQUESTER_TYPE.set(execution, request.requesterType().name());
    NeedsAssessmentVariables.COUNCIL_REFERENCE.set(execution, request.councilReference());
    execution.setVariables(schedule.variables(request.requestReceivedDate(),
        DECISION_TO_ASSESS, DECISION_TO_ISSUE, DRAFT_PLAN, FINAL_PLAN));
    caseFile.open(new OpenedCase(reference, execution.getProcessInstanceId(), request.requesterType().name(),
        request.requestReceivedDate(), request.councilReference(), CaseStatus.OPEN));
    LOG.info("Case {} opened, request received {}", reference, request.requestReceivedDate());
  }
}
