package org.ehcworkflow.needsassessment;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.Refusal;
import org.ehcworkflow.security.Roles;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each case's named coordinator: set when the case opens, reassigned by a manager, shown to the family, and the
 * officer the family's messages and the case's coordinator notices reach.
 */
public class Caseload {

  private final CaseFile caseFile;
  private final IdentityService identity;

  public Caseload(CaseFile caseFile, IdentityService identity) {
    this.caseFile = caseFile;
    this.identity = identity;
  }

  /**
   * Whether the user is a coordinator. Asked of the identity service as the application itself: the caller (a
   * manager) may not read user records, and need not.
   */
  static boolean isCoordinator(IdentityService identity, String userId) {
    return asApplication(identity, () ->
        identity.createUserQuery().userId(userId).memberOfGroup(Roles.COORDINATORS).count() == 1);
  }

  private static <T> T asApplication(IdentityService identity, java.util.function.Supplier<T> query) {
    org.camunda.bpm.engine.impl.identity.Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return query.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  public Optional<String> coordinatorOf(String caseReference) {
    return caseFile.coordinator(caseReference);
  }

  /** The coordinator's name as the family sees it ("Casey Jones"), if a coordinator is named. */
  public Optional<String> coordinatorName(String caseReference) {
    return coordinatorOf(caseReference).map(id -> asApplication(identity,
            () -> identity.createUserQuery().userId(id).singleResult()))
        .map(user -> String.join(" ", java.util.stream.Stream.of(user.getFirstName(), user.getLastName())
            .filter(part -> part != null && !part.isBlank()).toList()))
        .filter(name -> !name.isBlank());
  }

  /**
   * Names a coordinator for a case or plan.
   *
   * @throws Refusal not found for an unknown case, invalid for a user who is not a coordinator
   */
  @Transactional
  public void assign(String caseReference, String userId, String assignedBy, boolean caseKnown) {
    if (!caseKnown) {
      throw Refusal.notFound("caseReference " + caseReference + " is not a case or plan");
    }
    if (userId == null || userId.isBlank()) {
      throw Refusal.invalid("coordinator is required: the user id of a member of the coordinators' group");
    }
    if (!isCoordinator(identity, userId.trim())) {
      throw Refusal.invalid("coordinator '" + userId.trim() + "' is not a member of the coordinators' group");
    }
    caseFile.assignCoordinator(caseReference, userId.trim(), EngineClock.today(), assignedBy);
  }
}
