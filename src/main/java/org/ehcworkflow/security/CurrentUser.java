package org.ehcworkflow.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Role checks for the project's API. The request's user is the one the authentication filter signed in against the
 * engine's identity; administrators ({@code camunda-admin}) pass every check.
 */
@Component
public class CurrentUser {

  private final IdentityService identity;

  CurrentUser(IdentityService identity) {
    this.identity = identity;
  }

  /** @throws Forbidden unless the signed-in user is in one of the groups */
  public void requireAnyOf(String... groups) {
    Authentication authentication = identity.getCurrentAuthentication();
    List<String> memberOf = authentication == null || authentication.getGroupIds() == null ? List.of()
        : authentication.getGroupIds();
    if (authentication == null
        || (!memberOf.contains(Roles.ADMINISTRATORS) && memberOf.stream().noneMatch(List.of(groups)::contains))) {
      throw new Forbidden();
    }
  }

  /** The signed-in user's id, or null. */
  public String id() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** The signed-in user's groups; administrators are in {@code camunda-admin}. */
  public List<String> groups() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
  }

  /** @throws Forbidden unless the signed-in user is an administrator ({@code camunda-admin}) */
  public void requireAdministrator() {
    requireAnyOf();
  }

  /** The signed-in user may not do this. */
  public static class Forbidden extends RuntimeException {
    public Forbidden() {
      super("your role does not allow this: ask an administrator");
    }
  }

  @RestControllerAdvice
  static class ForbiddenAnswer {
    @ExceptionHandler(Forbidden.class)
    ResponseEntity<ProblemDetail> forbidden(Forbidden e) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage()));
    }
  }
}
