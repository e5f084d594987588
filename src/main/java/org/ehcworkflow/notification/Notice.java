package org.ehcworkflow.notification;

import java.util.Map;
import java.util.Objects;

/**
 * One notice to one recipient. Personalisation carries case references, deadlines and links, never a
 * child's name or date of birth: those are added from the case record when the notice is dispatched.
 *
 * @param caseReference the case the notice is about
 * @param recipient who it is for
 * @param template the template id, a file under {@code notification-templates/}
 * @param personalisation values for the template's fields
 * @param idempotencyKey the same key is never delivered twice
 */
public record Notice(String caseReference, Recipient recipient, String template, Map<String, String> personalisation,
    String idempotencyKey) {

  public Notice {
    Objects.requireNonNull(caseReference, "caseReference");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    personalisation = Map.copyOf(personalisation);
  }
}
