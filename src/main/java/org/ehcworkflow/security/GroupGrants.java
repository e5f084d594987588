package org.ehcworkflow.security;

import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * A group's Camunda authorizations on one resource, kept idempotently: what the start-up of the roles
 * ({@link RoleAuthorizations}) and of the Tasklist filters grant with.
 */
public final class GroupGrants {

  private final AuthorizationService authorizations;

  public GroupGrants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /** The group's authorization of that type (grant or revoke) on the resource, if it has one. */
  public Optional<Authorization> find(String group, Resource resource, String resourceId, int type) {
    return authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .list().stream().filter(a -> a.getAuthorizationType() == type).findFirst();
  }

  /** Grants the group exactly these permissions on the resource: added where missing, others taken away. */
  public void grantExactly(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = find(group, resource, resourceId, Authorization.AUTH_TYPE_GRANT)
        .orElseGet(() -> newAuthorization(group, resource, resourceId, Authorization.AUTH_TYPE_GRANT));
    authorization.setPermissions(new Permission[] {Permissions.NONE});
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  /** Takes away the group's grant on the resource, if it holds one. */
  public void removeGrant(String group, Resource resource, String resourceId) {
    remove(group, resource, resourceId, Authorization.AUTH_TYPE_GRANT);
  }

  /** Takes away the group's authorization of that type (grant or revoke) on the resource, if it holds one. */
  public void remove(String group, Resource resource, String resourceId, int type) {
    find(group, resource, resourceId, type).ifPresent(held -> authorizations.deleteAuthorization(held.getId()));
  }

  /** A new, unsaved authorization of that type for the group on the resource. */
  Authorization newAuthorization(String group, Resource resource, String resourceId, int type) {
    Authorization created = authorizations.createNewAuthorization(type);
    created.setGroupId(group);
    created.setResource(resource);
    created.setResourceId(resourceId);
    return created;
  }
}
