package org.ehcworkflow.notification;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.partner.PartnerDirectory;
import org.ehcworkflow.partner.PartnerTeams;
import org.ehcworkflow.partner.PartnerType;
import org.ehcworkflow.partner.SettingGroups;
import org.ehcworkflow.plan.Plan;
import org.ehcworkflow.plan.PlanRegister;

/**
 * Finds where a notice goes, at the moment of sending, so no address travels in a process: the family's contact
 * email from the case file's request or the plan register, a partner type's active addresses from the partner
 * directory, a group's mailbox from configuration, a user's email from the engine's identity service. Each is asked
 * through its own port; no other capability's table is read here.
 */
public class AddressBook {

  private static final String SETTING = "SCHOOL_OR_SETTING";

  private final CaseFile caseFile;
  private final PlanRegister plans;
  private final PartnerDirectory partners;
  private final SettingGroups settings;
  private final PartnerTeams teams;
  private final Map<String, String> groupMailboxes;
  private final Function<String, String> userEmail;

  /** @param userEmail a Camunda user's email, or null */
  public AddressBook(CaseFile caseFile, PlanRegister plans, PartnerDirectory partners, SettingGroups settings,
      PartnerTeams teams, Map<String, String> groupMailboxes, Function<String, String> userEmail) {
    this.teams = teams;
    this.caseFile = caseFile;
    this.plans = plans;
    this.partners = partners;
    this.settings = settings;
    this.groupMailboxes = Map.copyOf(groupMailboxes);
    this.userEmail = userEmail;
  }

  /**
   * Addresses of a recipient of a notice about a case. A partner is a team by type ({@code HEALTH}) or one setting
   * by type and code ({@code SCHOOL_OR_SETTING/100001}); a setting type without a code means the case's current
   * setting, never every setting; a team type where the authority has several teams means the one the case names.
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
            + (id.equals(SETTING) ? " (the case's current setting is not recorded or not in the directory)"
            : teamType(id) && teams.several(PartnerType.valueOf(id)) ? " (the authority has several " + id
            + " teams and the case names none: PUT /api/cases/{case}/teams)" : "");
        case GROUP -> "no mailbox is configured for group " + id + " (ehc.notifications.group-mailboxes)";
        case USER -> "user " + id + " has no email address (Camunda Admin)";
      });
    }
    return addresses;
  }

  /** The family's contact emails: from the case request and from the plan register (none when neither holds one). */
  public List<String> familyEmails(String caseReference) {
    return Stream.concat(caseFile.requestDetails(caseReference).map(CaseFile.ChildDetails::contactEmail).stream(),
            plans.find(caseReference).map(Plan::contactEmail).stream())
        .filter(Objects::nonNull).filter(email -> !email.isBlank()).distinct().toList();
  }

  private List<String> partner(String id, String caseReference) {
    String[] typeAndCode = id.split("/", 2);
    if (typeAndCode.length == 2) {
      return partners.activeEmails(typeAndCode[0], typeAndCode[1]);
    }
    if (id.equals(SETTING)) {
      // Once a plan names a setting, that is the child's setting; before, the one recorded when the case opened.
      return settings.currentSetting(caseReference).map(code -> partners.activeEmails(SETTING, code))
          .orElse(List.of());
    }
    // A team: the one the case names, where the authority has several of the type.
    return teamType(id) ? teams.emails(caseReference, PartnerType.valueOf(id)) : partners.activeEmails(id, null);
  }

  private static boolean teamType(String id) {
    return java.util.Arrays.stream(PartnerType.values()).anyMatch(t -> !t.perSetting() && t.name().equals(id));
  }
}
