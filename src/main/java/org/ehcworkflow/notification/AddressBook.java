package org.ehcworkflow.notification;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds where a notice goes, at the moment of sending, so no address travels in a process: the family's contact
 * email from the case request, a partner type's active addresses from the partner directory, a group's mailbox
 * from configuration.
 */
public class AddressBook {

  private final JdbcTemplate jdbc;
  private final Map<String, String> groupMailboxes;

  public AddressBook(JdbcTemplate jdbc, Map<String, String> groupMailboxes) {
    this.jdbc = jdbc;
    this.groupMailboxes = Map.copyOf(groupMailboxes);
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
    };
    if (addresses.isEmpty()) {
      throw new IllegalStateException(switch (kind) {
        case FAMILY -> "the case has no contact email for the family";
        case PARTNER -> "the partner directory has no active email for " + id;
        case GROUP -> "no mailbox is configured for group " + id + " (ehc.notifications.group-mailboxes)";
      });
    }
    return addresses;
  }
}
