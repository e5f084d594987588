package org.ehcworkflow.security;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Who may see a case's documents and plan: coordinators, the SEND panel, managers and administrators see every
 * case; a partner (health, social care, educational psychology, a school) only a case in which they can see an open
 * task, as Camunda's task authorizations decide for the signed-in user.
 */
@Component
public class CaseAccess {

  static final List<String> WHOLE_CASELOAD = List.of(Roles.COORDINATORS, Roles.SEND_PANEL, Roles.MANAGERS,
      "camunda-admin");

  private final CurrentUser user;
  private final TaskService tasks;

  CaseAccess(CurrentUser user, TaskService tasks) {
    this.user = user;
    this.tasks = tasks;
  }

  /** @throws CurrentUser.Forbidden unless the signed-in user may see this case */
  public void requireCase(String caseReference) {
    if (user.id() == null) {
      throw new CurrentUser.Forbidden();
    }
    if (user.groups().stream().anyMatch(WHOLE_CASELOAD::contains)) {
      return;
    }
    // The query runs with the signed-in user's task authorizations: it counts only tasks they may see.
    if (tasks.createTaskQuery().processInstanceBusinessKey(caseReference).count() == 0) {
      throw new CurrentUser.Forbidden();
    }
  }

  public List<String> groups() {
    return user.groups();
  }

  public String userId() {
    return user.id();
  }
}
