package org.ehcworkflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_WORK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_TASK;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups and their authorizations at start-up, idempotently: running it again adds what is
 * missing and changes nothing else. Partner groups see only the tasks they are candidates for (the engine
 * grants those per task); coordinators open cases and work every case's tasks; managers read and reassign
 * everything. {@link Roles#PROCESS_WIDE_TASK_GROUPS} get their task rights here, on the process definitions.
 */
@Component
class RoleAuthorizations {

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  RoleAuthorizations(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @EventListener
  @Order(0)
  public void onStarted(ApplicationStartedEvent event) {
    ensure();
  }

  void ensure() {
    for (String group : Roles.ALL) {
      ensureGroup(group);
      grant(group, Resources.APPLICATION, "tasklist", ACCESS);
      grant(group, Resources.FILTER, "*", READ);
      grant(group, Resources.PROCESS_DEFINITION, "*", READ);
    }
    grant(Roles.COORDINATORS, Resources.PROCESS_DEFINITION, "*", READ, CREATE_INSTANCE, READ_INSTANCE, READ_TASK,
        TASK_WORK, READ_HISTORY);
    grant(Roles.COORDINATORS, Resources.PROCESS_INSTANCE, "*", CREATE, READ);
    grant(Roles.COORDINATORS, Resources.APPLICATION, "cockpit", ACCESS);
    grant(Roles.MANAGERS, Resources.PROCESS_DEFINITION, "*", READ, READ_INSTANCE, READ_TASK, UPDATE_TASK,
        READ_HISTORY);
    grant(Roles.MANAGERS, Resources.PROCESS_INSTANCE, "*", READ);
    grant(Roles.MANAGERS, Resources.TASK, "*", READ, UPDATE);
    grant(Roles.MANAGERS, Resources.APPLICATION, "cockpit", ACCESS);
  }

  private void ensureGroup(String id) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(id);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).list().stream()
        .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT).findFirst()
        .orElseGet(() -> {
          Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          created.setGroupId(group);
          created.setResource(resource);
          created.setResourceId(resourceId);
          return created;
        });
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
