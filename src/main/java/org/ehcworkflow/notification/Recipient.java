package org.ehcworkflow.notification;

import java.util.Locale;
import java.util.Objects;

/**
 * Who a notice is for, by role rather than by address: the address book (partner directory, the family's
 * contact details on the case) resolves it at dispatch, so no address or name travels in a process.
 *
 * @param kind family, a partner team, a Camunda group (managers, coordinators), or one Camunda user
 * @param id the partner type, group or user id; the case reference for the family
 */
public record Recipient(Kind kind, String id) {

  public enum Kind { FAMILY, PARTNER, GROUP, USER }

  public Recipient {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(id);
  }

  public static Recipient family(String caseReference) {
    return new Recipient(Kind.FAMILY, caseReference);
  }

  public static Recipient partner(String partnerType) {
    return new Recipient(Kind.PARTNER, partnerType);
  }

  public static Recipient user(String userId) {
    return new Recipient(Kind.USER, userId);
  }

  public static Recipient group(String groupId) {
    return new Recipient(Kind.GROUP, groupId);
  }

  /**
   * Parses {@code family}, {@code partner:health} or {@code group:managers}, the form used in BPMN input
   * parameters.
   */
  public static Recipient parse(String text, String caseReference) {
    String[] parts = text.trim().split(":", 2);
    Kind kind = Kind.valueOf(parts[0].trim().toUpperCase(Locale.ROOT));
    if (kind == Kind.FAMILY) {
      return family(caseReference);
    }
    if (parts.length < 2 || parts[1].isBlank()) {
      throw new IllegalArgumentException("recipient '" + text + "' needs an id after the colon");
    }
    return new Recipient(kind, parts[1].trim());
  }
}
