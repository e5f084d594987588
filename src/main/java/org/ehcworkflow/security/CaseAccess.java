package org.ehcworkflow.security;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.ehcworkflow.audit.AuditTrail;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.stereotype.Component;

/**
 * Who may see a case: coordinators, the SEND panel, managers and administrators see every case and its documents;
 * a partner (health, social care, educational psychology, a school) sees the plan's sections only in a case in which
 * they can see an open task, as Camunda's task authorizations decide for the signed-in user, and no case documents.
 * Every access, and every refusal, goes into the audit trail.
 */
@Component
public class CaseAccess {

  static final List<String> WHOLE_CASELOAD = List.of(Roles.COORDINATORS, Roles.SEND_PANEL, Roles.MANAGERS,
      Roles.ADMINISTRATORS);

  private final CurrentUser user;
  private final TaskService tasks;
  private final AuditTrail audit;

  CaseAccess(CurrentUser user, TaskService tasks, AuditTrail audit) {
    this.user = user;
    this.tasks = tasks;
    this.audit = audit;
  }

  /**
   * Lets the request through if the signed-in user may see this case, and records in the audit trail that they
   * viewed or changed it (the request's method and path), or that they were refused.
   *
   * @throws CurrentUser.Forbidden unless the signed-in user may see this case
   */
  public void requireCase(String caseReference) {
    boolean allowed = wholeCaseload()
        // The query runs with the signed-in user's task authorizations: it counts only tasks they may see.
        || user.id() != null && tasks.createTaskQuery().processInstanceBusinessKey(caseReference).count() > 0;
    decide(allowed, caseReference);
  }

  /**
   * A case's documents are for the authority's own staff (coordinators, panel, managers, administrators): partners
   * receive what concerns them through their tasks and notices, never the case's whole file.
   *
   * @throws CurrentUser.Forbidden for anyone else
   */
  public void requireCaseDocuments(String caseReference) {
    decide(wholeCaseload(), caseReference);
  }

  private boolean wholeCaseload() {
    return user.id() != null && user.groups().stream().anyMatch(WHOLE_CASELOAD::contains);
  }

  /** Records the access (viewed or changed, by the request's method) or the refusal, and refuses if it must. */
  private void decide(boolean allowed, String caseReference) {
    String request = request();
    if (!allowed) {
      if (user.id() != null) {
        audit.record(user.id(), AuditTrail.Action.REFUSED, caseReference, request);
      }
      throw new CurrentUser.Forbidden();
    }
    audit.record(user.id(), request.startsWith("GET ") ? AuditTrail.Action.VIEWED : AuditTrail.Action.CHANGED,
        caseReference, request);
  }

  private static String request() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      return attributes.getRequest().getMethod() + " " + attributes.getRequest().getRequestURI();
    }
    return "GET (no request)";
  }

  public List<String> groups() {
    return user.groups();
  }

  public String userId() {
    return user.id();
  }
}
