package org.ehcworkflow.notification;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds where a notice goes, at the moment of sending, so no address travels in a process: the family's contact
 * email from the case request, a partner type's active addresses from the partner directory, a group's mailbox
 * from configuration, a user's email from the engine's identity service.
 */
public class AddressBook {

  private final JdbcTemplate jdbc;
  private final Map<String, String> groupMailboxes;
  private final Function<String, String> userEmail;

  /** @param userEmail a Camunda user's email, or null */
  public AddressBook(JdbcTemplate jdbc, Map<String, String> groupMailboxes, Function<String, String> userEmail) {
    this.jdbc = jdbc;
    this.groupMailboxes = Map.copyOf(groupMailboxes);
    this.userEmail = userEmail;
  }

  /** @throws IllegalStateException saying what is missing, when there is no address to send to */
  public List<String> emailsOf(Recipient.Kind kind, String id) {
    List<String> addresses = switch (kind) {
      case FAMILY -> jdbc.queryForList(
          "select contact_email from case_request where case_reference = ? and contact_email is not null",
          String.class, id);
      case PARTNER -> jdbc.queryForList(
          "select email from partner where partner_type = ? and active = true and email is not null order by id",
          String.class, id);
      case GROUP -> groupMailboxes.containsKey(id) ? List.of(groupMailboxes.get(id)) : List.of();
      case USER -> Optional.ofNullable(userEmail.apply(id)).filter(e -> !e.isBlank()).map(List::of).orElse(List.of());
    };
    if (addresses.isEmpty()) {
      throw new IllegalStateException(switch (kind) {
        case FAMILY -> "the case has no contact email for the family";
        case PARTNER -> "the partner directory has no active email for " + id;
        case GROUP -> "no mailbox is configured for group " + id + " (ehc.notifications.group-mailboxes)";
        case USER -> "user " + id + " has no email address (Camunda Admin)";
      });
    }
    return addresses;
  }
}
