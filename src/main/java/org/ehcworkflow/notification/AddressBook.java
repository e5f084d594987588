package org.ehcworkflow.notification;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds where a notice goes, at the moment of sending, so no address travels in a process: the family's contact
 * email from the case request or the plan register, a partner type's active addresses from the partner directory, a group's mailbox
 * from configuration, a user's email from the engine's identity service.
 */
public class AddressBook {

  private static final String SETTING = "SCHOOL_OR_SETTING";

  private final JdbcTemplate jdbc;
  private final Map<String, String> groupMailboxes;
  private final Function<String, String> userEmail;

  /** @param userEmail a Camunda user's email, or null */
  public AddressBook(JdbcTemplate jdbc, Map<String, String> groupMailboxes, Function<String, String> userEmail) {
    this.jdbc = jdbc;
    this.groupMailboxes = Map.copyOf(groupMailboxes);
    this.userEmail = userEmail;
  }

  /**
   * Addresses of a recipient of a notice about a case. A partner is a team by type ({@code HEALTH}) or one setting
   * by type and code ({@code SCHOOL_OR_SETTING/100001}); a setting type without a code means the case's current
   * setting, never every setting.
   *
   * @throws IllegalStateException saying what is missing, when there is no address to send to
   */
  public List<String> emailsOf(Recipient.Kind kind, String id, String caseReference) {
    List<String> addresses = switch (kind) {
      case FAMILY -> familyEmails(id);
      case PARTNER -> partner(id, caseReference);
      case GROUP -> groupMailboxes.containsKey(id) ? List.of(groupMailboxes.get(id)) : List.of();
      case USER -> Optional.ofNullable(userEmail.apply(id)).filter(e -> !e.isBlank()).map(List::of).orElse(List.of());
    };
    if (addresses.isEmpty()) {
      throw new IllegalStateException(switch (kind) {
        case FAMILY -> "the case has no contact email for the family";
        case PARTNER -> "the partner directory has no active email for " + id
            + (id.equals(SETTING) ? " (the case's current setting is not recorded or not in the directory)" : "");
        case GROUP -> "no mailbox is configured for group " + id + " (ehc.notifications.group-mailboxes)";
        case USER -> "user " + id + " has no email address (Camunda Admin)";
      });
    }
    return addresses;
  }

  /** The family's contact emails: from the case request and from the plan register (none when neither holds one). */
  public List<String> familyEmails(String caseReference) {
    return jdbc.queryForList("""
        select contact_email from case_request where case_reference = ? and contact_email is not null
        union select contact_email from ehc_plan where case_reference = ? and contact_email is not null""",
        String.class, caseReference, caseReference);
  }

  private List<String> partner(String id, String caseReference) {
    String[] typeAndCode = id.split("/", 2);
    if (typeAndCode.length == 2) {
      return jdbc.queryForList("""
          select email from partner where partner_type = ? and code = ? and active = true and email is not null""",
          String.class, typeAndCode[0], typeAndCode[1]);
    }
    if (id.equals(SETTING)) {
      // Once a plan names a setting, that is the child's setting; before, the one recorded when the case opened.
      return jdbc.queryForList("""
          select p.email from partner p
          where p.partner_type = ? and p.active = true and p.email is not null and p.code = coalesce(
            (select setting_code from ehc_plan where case_reference = ?),
            (select current_setting_code from ehc_case where case_reference = ?))""",
          String.class, SETTING, caseReference, caseReference);
    }
    return jdbc.queryForList(
        "select email from partner where partner_type = ? and active = true and email is not null order by id",
        String.class, id);
  }
}
