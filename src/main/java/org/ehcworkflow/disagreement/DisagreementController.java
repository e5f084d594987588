package org.ehcworkflow.disagreement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.audit.AuditTrail;
import org.ehcworkflow.process.Codes;
import org.ehcworkflow.process.Refusal;
import org.ehcworkflow.process.TaskInputs;
import org.ehcworkflow.security.CurrentUser;
import org.ehcworkflow.security.Allowed;
import org.ehcworkflow.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's disagreements. A refusal to assess or to issue a plan opens its own from the case (the task "Record
 * mediation or appeal"); this API records the others: against a plan already issued (its contents or school named, or
 * a decision not to amend it after a review), or a refusal notified before the system ran it. The process's own start
 * checks the request (the case or plan exists, the same decision is not already in dispute), so the engine REST API
 * answers the same. Coordinators record; coordinators and managers read.
 */
@RestController
@RequestMapping("/api/cases/{caseReference}/disagreements")
@Tag(name = "Disagreements", description = "Mediation, appeal and the tribunal's orders")
class DisagreementController {

  private final RuntimeService runtime;
  private final HistoryService history;
  private final CaseFile caseFile;
  private final CurrentUser user;
  private final AuditTrail audit;

  DisagreementController(RuntimeService runtime, HistoryService history, CaseFile caseFile, CurrentUser user, AuditTrail audit) {
    this.runtime = runtime;
    this.history = history;
    this.caseFile = caseFile;
    this.user = user;
    this.audit = audit;
  }

  /**
   * @param decision PLAN_CONTENTS or NOT_TO_AMEND
   * @param decisionNotifiedOn the day the plan or decision was issued to the family
   * @param disagreement mediation, mediationDeclined or appeal
   * @param disagreementDate the day the family did so
   */
  record DisagreementRequest(String decision, String decisionNotifiedOn, String disagreement, String disagreementDate) {
  }

  record DisagreementView(String processInstanceId, String decision, String disagreement, String disagreementDate,
      boolean open, String appealDue, String tribunalOutcome, String orderType, List<String> waitingAt) {
  }

  @Operation(summary = "Record a disagreement with an issued plan",
      description = "Starts ehc-disagreement for the plan's contents or school named (PLAN_CONTENTS), a decision not "
          + "to amend it (NOT_TO_AMEND), or a refusal (NOT_TO_ASSESS, NOT_TO_ISSUE) notified outside the system. "
          + "400 names the field at fault; 404 if there is no such case or plan; 409 if the same decision is already "
          + "in dispute.")
  @Allowed(Roles.COORDINATORS)
  @PostMapping
  ResponseEntity<DisagreementView> record(@PathVariable String caseReference, @RequestBody DisagreementRequest body) {
    if (body == null) {
      throw Refusal.invalid("decision, decisionNotifiedOn, disagreement and disagreementDate are required");
    }
    AppealableDecision decision = TaskInputs.rejectInvalid(() -> Codes.parse(AppealableDecision.class, "decision",
        body.decision()));
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("caseReference", caseReference);
    variables.put(DisagreementVariables.DECISION.name(), decision.name());
    variables.put(DisagreementVariables.DECISION_NOTIFIED_ON.name(), body.decisionNotifiedOn());
    variables.put(DisagreementVariables.DISAGREEMENT.name(), body.disagreement());
    variables.put(DisagreementVariables.DISAGREEMENT_DATE.name(), body.disagreementDate());
    caseFile.find(caseReference).ifPresent(opened -> variables.put("requestReceivedDate",
        opened.requestReceivedDate().toString()));
    ProcessInstance started = runtime.startProcessInstanceByKey(DisagreementVariables.DISAGREEMENT_PROCESS,
        caseReference, variables);
    audit.record(user.id(), AuditTrail.Action.CHANGED, caseReference,
        "POST /api/cases/" + caseReference + "/disagreements " + decision + " " + body.disagreement());
    return ResponseEntity.created(URI.create("/api/cases/" + caseReference + "/disagreements"))
        .body(view(history.createHistoricProcessInstanceQuery().processInstanceId(started.getId()).singleResult()));
  }

  @Operation(summary = "A case's disagreements, open and concluded, with the step each is at")
  @Allowed({Roles.COORDINATORS, Roles.MANAGERS})
  @GetMapping
  ResponseEntity<List<DisagreementView>> list(@PathVariable String caseReference) {
    List<DisagreementView> views = new ArrayList<>();
    history.createHistoricProcessInstanceQuery().processDefinitionKey(DisagreementVariables.DISAGREEMENT_PROCESS)
        .processInstanceBusinessKey(caseReference).orderByProcessInstanceStartTime().asc().list()
        .forEach(instance -> views.add(view(instance)));
    audit.record(user.id(), AuditTrail.Action.VIEWED, caseReference, "GET /api/cases/" + caseReference + "/disagreements");
    return ResponseEntity.ok(views);
  }

  private DisagreementView view(HistoricProcessInstance instance) {
    Map<String, Object> variables = new LinkedHashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
        .forEach(v -> variables.put(v.getName(), v.getValue()));
    boolean open = instance.getEndTime() == null;
    List<String> waitingAt = new ArrayList<>();
    if (open) {
      waitingAt.addAll(runtime.getActiveActivityIds(instance.getId()));
      runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list()
          .forEach(order -> waitingAt.addAll(runtime.getActiveActivityIds(order.getId())));
    }
    String outcome = text(variables, DisagreementVariables.TRIBUNAL_OUTCOME.name());
    boolean ordered = outcome != null
        && TribunalOutcome.ofCode(DisagreementVariables.TRIBUNAL_OUTCOME.name(), outcome).isOrder();
    String order = ordered ? outcome : null;
    return new DisagreementView(instance.getId(), text(variables, DisagreementVariables.DECISION.name()),
        text(variables, DisagreementVariables.DISAGREEMENT.name()),
        text(variables, DisagreementVariables.DISAGREEMENT_DATE.name()), open,
        text(variables, DisagreementVariables.APPEAL_DUE.name()), outcome, order, waitingAt);
  }

  private static String text(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    return value == null ? null : value.toString();
  }
}
