package org.ehcworkflow.needsassessment;

import static org.ehcworkflow.calendar.TimeLimit.DECISION_TO_ASSESS;
import static org.ehcworkflow.calendar.TimeLimit.DECISION_TO_ISSUE;
import static org.ehcworkflow.calendar.TimeLimit.DRAFT_PLAN;
import static org.ehcworkflow.calendar.TimeLimit.FINAL_PLAN;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
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
  private final Predicate<String> knownSetting;

  /** @param knownSetting whether a code names an active setting in the partner directory */
  public OpenCaseListener(CaseFile caseFile, DeadlineSchedule schedule, Predicate<String> knownSetting) {
    this.caseFile = caseFile;
    this.schedule = schedule;
    this.knownSetting = knownSetting;
  }

  @Override
  public void notify(DelegateExecution execution) {
    LocalDate today = EngineClock.today();
    CaseRequest request = CaseRequestValidator.validate(execution.getVariables(), execution.getProcessBusinessKey(),
        today);
    if (request.currentSettingCode() != null && !knownSetting.test(request.currentSettingCode())) {
      throw InputRejected.because("currentSettingCode '" + request.currentSettingCode()
          + "' is not an active school or setting in the partner directory");
    }
    // Every refusal comes before a new reference is taken, so a refused request leaves no gap in the year's numbers.
    Optional<String> coordinator = namedCoordinator(execution);
    String reference = request.caseReference() != null ? request.caseReference()
        : caseFile.nextCaseReference(today.getYear());
    if (caseFile.exists(reference)) {
      throw CaseOpening.alreadyOpen(reference);
    }
    execution.setProcessBusinessKey(reference);
    NeedsAssessmentVariables.CASE_REFERENCE.set(execution, reference);
    NeedsAssessmentVariables.REQUEST_RECEIVED_DATE.set(execution, request.requestReceivedDate().toString());
    NeedsAssessmentVariables.REQUESTER_TYPE.set(execution, request.requesterType().name());
    if (request.councilReference() != null) {
      NeedsAssessmentVariables.COUNCIL_REFERENCE.set(execution, request.councilReference());
    } else {
      // A blank one from the form; no variable for what was not given (the case file keeps the reference anyway).
      execution.removeVariable(NeedsAssessmentVariables.COUNCIL_REFERENCE.name());
    }
    schedule.start(execution, request.requestReceivedDate(), DECISION_TO_ASSESS, DECISION_TO_ISSUE, DRAFT_PLAN,
        FINAL_PLAN);
    caseFile.open(new OpenedCase(reference, execution.getProcessInstanceId(), request.requesterType().name(),
        request.requestReceivedDate(), request.councilReference(), request.currentSettingCode(), CaseStatus.OPEN));
    coordinator.ifPresent(user -> caseFile.assignCoordinator(reference, user, today,
        currentUser(execution)));
    execution.removeVariable(NeedsAssessmentVariables.COORDINATOR.name());
    LOG.info("Case {} opened, request received {}", reference, request.requestReceivedDate());
  }

  /**
   * The named coordinator: the one given at the start ({@code coordinator}, a member of the coordinators' group),
   * else the coordinator who opened the case; none when the case came in by another route (a manager names one).
   */
  private static Optional<String> namedCoordinator(DelegateExecution execution) {
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    Object given = execution.getVariable(NeedsAssessmentVariables.COORDINATOR.name());
    if (given != null && !given.toString().isBlank()) {
      String user = given.toString().trim();
      if (!Caseload.isCoordinator(identity, user)) {
        throw InputRejected.because("coordinator '" + user + "' is not a member of the coordinators' group");
      }
      return Optional.of(user);
    }
    return Optional.ofNullable(currentUser(execution)).filter(user -> Caseload.isCoordinator(identity, user));
  }

  private static String currentUser(DelegateExecution execution) {
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
