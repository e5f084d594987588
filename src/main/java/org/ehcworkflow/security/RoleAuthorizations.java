package org.ehcworkflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups and their authorizations at start-up from configuration ({@link RoleProperties},
 * {@code ehc.security.roles} in application.yml), idempotently: running it again adds what is missing and changes
 * nothing else. Partner groups see only the tasks they are candidates for (the engine
 * grants those per task); the panel sees the decisions put to it (granted on {@code ehc-panel-decision}, in
 * configuration); coordinators open cases and work every case's tasks; managers read and reassign everything.
 * {@link Roles#PROCESS_WIDE_TASK_GROUPS} get their task rights here, on the process definitions.
 */
@Component
class RoleAuthorizations {

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final GroupGrants groupGrants;
  private final RoleProperties roles;

  RoleAuthorizations(IdentityService identity, AuthorizationService authorizations, RoleProperties roles) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.groupGrants = new GroupGrants(authorizations);
    this.roles = roles;
  }

  @EventListener
  @Order(0)
  public void onStarted(ApplicationStartedEvent event) {
    ensure();
  }

  void ensure() {
    List<String> missing = Roles.ALL.stream().filter(group -> !roles.roles().containsKey(group)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("ehc.security.roles must configure the groups the models name: " + missing);
    }
    List<Grant> grants = new ArrayList<>();
    roles.roles().forEach((group, role) -> role.grants().forEach(grant -> grants.add(Grant.parse(group, grant))));
    roles.roles().forEach((group, role) -> ensureGroup(group, role.name() == null ? group : role.name()));
    // Lines naming the same group, resource and id add up; what is configured is what is granted, so a permission
    // taken out of the configuration is taken away at the next start.
    Map<List<Object>, Set<Permission>> exact = new LinkedHashMap<>();
    grants.forEach(grant -> exact.computeIfAbsent(List.of(grant.group(), grant.resource(), grant.resourceId()),
        key -> new LinkedHashSet<>()).addAll(Arrays.asList(grant.permissions())));
    exact.forEach((key, permissions) -> groupGrants.grantExactly((String) key.get(0), (Resource) key.get(1),
        (String) key.get(2), permissions.toArray(Permission[]::new)));
    // Until 2026-12 every role was configured to read every filter (FILTER:*), the shared filter included; each role
    // now reads its own filters (TasklistFilters), so a role group's FILTER:* grant that configuration no longer
    // lists is taken away.
    roles.roles().keySet().stream().filter(group -> !exact.containsKey(List.of(group, Resources.FILTER, "*")))
        .forEach(group -> groupGrants.removeGrant(group, Resources.FILTER, "*"));
    Roles.PER_TASK_GROUPS.forEach(this::ensureSubqueryChecks);
    // Until 2026-12 the panel's decisions were granted per task and the panel held the marker too; its rights are now
    // on its own definition, which the join checks fastest, so a role group that is not per-task loses the marker.
    roles.roles().keySet().stream().filter(group -> !Roles.PER_TASK_GROUPS.contains(group))
        .forEach(group -> groupGrants.remove(group, Resources.TASK, SUBQUERY_CHECKS_MARKER, AUTH_TYPE_REVOKE));
  }

  /**
   * The resource id of the revoke that sends a per-task group's task lists down Camunda's subquery checks. No task
   * has it: the engine's task ids are generated numbers or UUIDs.
   */
  static final String SUBQUERY_CHECKS_MARKER = "ehc-subquery-checks";

  /**
   * Sends the task lists of a group that holds an authorization per task down the engine's subquery checks rather
   * than its join, by giving the group a revoke that takes nothing away (READ on a task id no task has).
   *
   * <p>Why: with Camunda's default ({@code authorizationCheckRevokes: auto}) a query is checked by the cheaper join
   * unless the user or one of their groups holds a revoke. The join compares every candidate task with every
   * authorization row the group holds, one per open task, with an OR condition no index serves: at 2,000 open
   * panel tasks (when the panel was granted per task), four million comparisons and about 0.5 s for its first page.
   * The subquery checks look each task up in the group's authorizations by hash instead: 25 ms in the same
   * benchmark. Coordinators and managers, whose rights are on the process definitions, keep the join, which is faster
   * for them (10 ms against 48 ms), and so does the panel, whose rights are now on its own definition. What anyone
   * may see is unchanged: the checks are the same grants, read another way.
   */
  private void ensureSubqueryChecks(String group) {
    if (groupGrants.find(group, Resources.TASK, SUBQUERY_CHECKS_MARKER, AUTH_TYPE_REVOKE).isEmpty()) {
      Authorization marker =
          groupGrants.newAuthorization(group, Resources.TASK, SUBQUERY_CHECKS_MARKER, AUTH_TYPE_REVOKE);
      marker.removePermission(Permissions.READ);
      authorizations.saveAuthorization(marker);
    }
  }

  /** One configured grant, checked at start: an unknown resource or permission stops the start. */
  record Grant(String group, Resource resource, String resourceId, Permission[] permissions) {

    static Grant parse(String group, String text) {
      String[] parts = text.split(":", 3);
      if (parts.length != 3 || parts[2].isBlank()) {
        throw new IllegalStateException("ehc.security.roles." + group + ": grant '" + text
            + "' is not RESOURCE:resource-id:PERMISSION,...");
      }
      Resource resource;
      try {
        resource = Resources.valueOf(parts[0].trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("ehc.security.roles." + group + ": unknown resource " + parts[0]);
      }
      Permission[] permissions = Arrays.stream(parts[2].split(",")).map(String::trim).map(name -> {
        try {
          return ResourceTypeUtil.getPermissionByNameAndResourceType(name, resource.resourceType());
        } catch (RuntimeException e) {
          throw new IllegalStateException("ehc.security.roles." + group + ": permission " + name + " does not apply "
              + "to " + parts[0].trim());
        }
      }).toArray(Permission[]::new);
      return new Grant(group, resource, parts[1].trim(), permissions);
    }
  }

  private void ensureGroup(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }
}
