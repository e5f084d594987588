package org.ehcworkflow.needsassessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.ehcworkflow.partner.PartnerTeams;
import org.ehcworkflow.partner.PartnerType;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.casefile.CaseFile.OpenedCase;
import org.ehcworkflow.audit.AuditTrail;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.ehcworkflow.process.CheckedCaller;
import org.ehcworkflow.process.InstanceTexts;
import org.ehcworkflow.process.Refusal;
import org.ehcworkflow.security.CurrentUser;
import org.ehcworkflow.security.Allowed;
import org.ehcworkflow.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The project's API for opening and reading cases. Requires HTTP Basic; coordinators and managers only. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "EHC needs assessment cases")
class CaseController {

  /** The case's deadlines, in the order of the law; a per-advice-giver deadline lives in its own scope. */
  private static final List<String> DUE_VARIABLES =
      java.util.Arrays.stream(TimeLimit.values()).map(TimeLimit::dueVariable).toList();

  private final CaseOpening opening;
  private final CaseFile caseFile;
  private final RuntimeService runtime;
  private final CurrentUser user;

  private final AuditTrail audit;

  private final Caseload caseload;
  private final PartnerTeams teams;
  private final TaskService tasks;
  private final org.ehcworkflow.plan.PlanRegister register;
  private final InstanceTexts instanceTexts;
  private final CheckedCaller checkedCaller;

  CaseController(CaseOpening opening, CaseFile caseFile, RuntimeService runtime, CurrentUser user, AuditTrail audit,
      Caseload caseload, org.ehcworkflow.plan.PlanRegister register, PartnerTeams teams, TaskService tasks,
      InstanceTexts instanceTexts, CheckedCaller checkedCaller) {
    this.instanceTexts = instanceTexts;
    this.checkedCaller = checkedCaller;
    this.teams = teams;
    this.tasks = tasks;
    this.caseload = caseload;
    this.register = register;
    this.audit = audit;
    this.opening = opening;
    this.caseFile = caseFile;
    this.runtime = runtime;
    this.user = user;
  }

  /**
   * A request to open a case.
   *
   * @param requestReceivedDate the day the authority received the request, YYYY-MM-DD
   * @param caseReference optional; a new EHC-YYYY-NNNNN reference is given when absent
   * @param currentSettingCode the child's school or setting, by its code in the partner directory, if any
   */
  record OpenCaseRequest(String requestReceivedDate, String requesterType, @Size(max = 100) String councilReference,
      String caseReference, String currentSettingCode, CaseFile.ChildDetails child, String coordinator) {
  }

  /** @param partnerType a team type (HEALTH, SOCIAL_CARE, EDUCATIONAL_PSYCHOLOGY, OTHER); @param code the team's code */
  record TeamChange(String partnerType, String code) {
  }

  /** @param coordinator the user id of a member of the coordinators' group */
  record CoordinatorChange(String coordinator) {
  }

  record OpenedCaseResponse(String caseReference, String processInstanceId, Map<String, Object> deadlines) {
  }

  record CaseView(String caseReference, String status, String requesterType, LocalDate requestReceivedDate,
      String coordinator, Map<String, Object> deadlines, List<CaseFile.Breach> breaches, List<CaseFile.TimeLimitException> exceptions,
      List<CaseFile.StepRecord> record, Map<PartnerType, String> teams) {
  }

  record Withdrawal(String reason) {
  }

  @Operation(summary = "Open an EHC needs assessment case",
      description = "Validates the request like every other route, starts ehc-needs-assessment and returns the "
          + "statutory deadlines. 400 names the field at fault; 409 if the case reference is already open.")
  @Allowed(Roles.COORDINATORS)
  @PostMapping
  ResponseEntity<OpenedCaseResponse> open(@RequestBody OpenCaseRequest request) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(NeedsAssessmentVariables.REQUEST_RECEIVED_DATE.name(), request.requestReceivedDate());
    variables.put(NeedsAssessmentVariables.REQUESTER_TYPE.name(), request.requesterType());
    variables.put(NeedsAssessmentVariables.COUNCIL_REFERENCE.name(), request.councilReference());
    variables.put(NeedsAssessmentVariables.CURRENT_SETTING_CODE.name(), request.currentSettingCode());
    variables.put(NeedsAssessmentVariables.COORDINATOR.name(), request.coordinator());
    ProcessInstance instance = opening.open(variables, request.caseReference(), request.child());
    String reference = instance.getBusinessKey();
    audit.record(user.id(), AuditTrail.Action.CHANGED, reference, "POST /api/cases: case opened");
    return ResponseEntity.created(URI.create("/api/cases/" + reference))
        .body(new OpenedCaseResponse(reference, instance.getId(), deadlines(instance.getId())));
  }

  @Operation(summary = "A case with its statutory deadlines, recorded breaches and exceptions, and what each step "
      + "recorded (the setting's response, the family's representations, the date of a disagreement, ...)")
  @Allowed({Roles.COORDINATORS, Roles.MANAGERS})
  @GetMapping("/{caseReference}")
  ResponseEntity<CaseView> read(@PathVariable String caseReference) {
    return caseFile.find(caseReference)
        .map(c -> {
          audit.record(user.id(), AuditTrail.Action.VIEWED, caseReference, "GET /api/cases/" + caseReference);
          return ResponseEntity.ok(view(c));
        })
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @Operation(summary = "Withdraw a case", description = "Ends all open work on the case with the recorded reason.")
  @Allowed(Roles.COORDINATORS)
  @PostMapping("/{caseReference}/withdrawal")
  ResponseEntity<Void> withdraw(@PathVariable String caseReference, @RequestBody Withdrawal withdrawal) {
    if (withdrawal == null || withdrawal.reason() == null || withdrawal.reason().isBlank()) {
      throw Refusal.invalid("reason is required to withdraw a case");
    }
    if (caseFile.find(caseReference).isEmpty()) {
      throw Refusal.notFound("caseReference " + caseReference + " is not a case");
    }
    // Asked first, so that a case already ended is refused without the engine logging its refused correlation as an
    // error.
    if (!withdrawable(caseReference)) {
      throw nothingToWithdraw(caseReference);
    }
    // Coordinators hold no right to change a case's instance through the engine's REST API: the route has checked
    // the reason and the open assessment, so the engine withdraws it with the application's rights.
    try {
      checkedCaller.run(() -> runtime.createMessageCorrelation("CaseWithdrawn")
          .processInstanceBusinessKey(caseReference).setVariable("withdrawalReason", withdrawal.reason().trim())
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
      // Another request withdrew it a moment ago (a second press of the button): this one changes nothing.
      throw nothingToWithdraw(caseReference);
    } catch (ProcessEngineException e) {
      // The other press committed between the engine finding the case's subscription and reading it again to deliver
      // the message ("does not have a subscription"): the same second press, refused the same way. Anything else
      // leaves the case withdrawable and stays a server error.
      if (!withdrawable(caseReference)) {
        throw nothingToWithdraw(caseReference);
      }
      throw e;
    }
    audit.record(user.id(), AuditTrail.Action.CHANGED, caseReference, "case withdrawn");
    return ResponseEntity.accepted().build();
  }

  /** Whether the case's assessment is open and waiting to be withdrawn: its instance holds the message's subscription. */
  private boolean withdrawable(String caseReference) {
    return runtime.createExecutionQuery().processInstanceBusinessKey(caseReference)
        .messageEventSubscriptionName("CaseWithdrawn").count() > 0;
  }

  private static Refusal nothingToWithdraw(String caseReference) {
    return Refusal.conflict("caseReference " + caseReference + " has no open assessment to withdraw");
  }

  @Operation(summary = "Name the case's coordinator (managers)",
      description = "The caseload: the officer the family sees and writes to. 400 when the user is not a coordinator; "
          + "404 for an unknown case or plan.")
  @Allowed(Roles.MANAGERS)
  @PutMapping("/{caseReference}/coordinator")
  ResponseEntity<Map<String, String>> assignCoordinator(@PathVariable String caseReference,
      @RequestBody CoordinatorChange change) {
    caseload.assign(caseReference, change == null ? null : change.coordinator(), user.id(),
        caseFile.exists(caseReference) || register.find(caseReference).isPresent());
    audit.record(user.id(), AuditTrail.Action.CHANGED, caseReference, "coordinator named: " + change.coordinator());
    return ResponseEntity.ok(Map.of("caseReference", caseReference, "coordinator", change.coordinator().trim()));
  }

  @Operation(summary = "Name the team that serves the case, where the authority has several of a kind",
      description = "Two health trusts, say: the case's advice request of that kind goes to the named team's own "
          + "group (team<CODE>) alone, and its notices to that team's address alone; an advice task already open "
          + "moves to the team. Until a team is named, such a request goes to the coordinators. 400 naming the "
          + "field for an unknown type, a school, or a code that is no active team of the type; 404 for an unknown "
          + "case.")
  @Allowed({Roles.COORDINATORS, Roles.MANAGERS})
  @PutMapping("/{caseReference}/teams")
  ResponseEntity<Map<String, Object>> nameTeam(@PathVariable String caseReference, @RequestBody TeamChange change) {
    if (!caseFile.exists(caseReference) && register.find(caseReference).isEmpty()) {
      throw Refusal.notFound("caseReference: no case or plan " + caseReference);
    }
    if (change == null) {
      throw Refusal.invalid("partnerType: required");
    }
    PartnerType type = teams.assign(caseReference, change.partnerType(), change.code(), user.id());
    String group = PartnerTeams.groupOf(change.code());
    for (Task open : tasks.createTaskQuery().processInstanceBusinessKey(caseReference)
        .taskDefinitionKey("Task_ProvideAdvice").list()) {
      // Each advice giver is one instance of the multi-instance, with its own adviceGiver.
      if (!type.name().equals(tasks.getVariable(open.getId(), "adviceGiver"))) {
        continue;
      }
      for (IdentityLink link : tasks.getIdentityLinksForTask(open.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          tasks.deleteCandidateGroup(open.getId(), link.getGroupId());
        }
      }
      tasks.addCandidateGroup(open.getId(), group);
    }
    audit.record(user.id(), AuditTrail.Action.CHANGED, caseReference, type + " team named: " + change.code().trim());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("caseReference", caseReference);
    answer.put("teams", teams.serving(caseReference));
    return ResponseEntity.ok(answer);
  }

  private CaseView view(OpenedCase c) {
    return new CaseView(c.caseReference(), c.status().name(), c.requesterType(), c.requestReceivedDate(),
        caseFile.coordinator(c.caseReference()).orElse(null),
        c.processInstanceId() == null ? Map.of() : deadlines(c.processInstanceId()),
        caseFile.breaches(c.caseReference()), caseFile.exceptions(c.caseReference()), caseFile.steps(c.caseReference()), teams.serving(c.caseReference()));
  }

  /** The route has checked the caller's role (coordinators, managers); the dates come straight from the instance. */
  private Map<String, Object> deadlines(String processInstanceId) {
    return instanceTexts.of(processInstanceId, DUE_VARIABLES);
  }
}
