package org.ehcworkflow.partner;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ehcworkflow.process.Codes;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.Refusal;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several teams of one partner type (two health trusts, three social care localities): each team in the directory
 * with its own code has its own Camunda group, {@code team<CODE>}, and each case names the team that serves it.
 * Then the case's advice task goes to that team's group alone and its notices to that team's address alone, so a
 * trust sees only the children it serves. Where the authority has one team of a type, nothing needs naming: the
 * type's group and address serve every case, as before.
 */
public class PartnerTeams {

  public static final String PREFIX = "team";

  /** Who answers a case's advice request of a type: the groups, from the type's own group. */
  @FunctionalInterface
  public interface Groups {
    /** @return the serving team's group; the type's group when there is one team; none when none is named */
    List<String> of(String caseReference, String partnerType, String typeGroup);
  }

  /** A case named the team of a type that serves it. */
  public record TeamNamed(String caseReference, PartnerType type, String code) {
  }

  private final JdbcTemplate jdbc;
  private final PartnerDirectory directory;
  private final java.util.function.Consumer<TeamNamed> named;

  /** @param named told of each team named, after it is recorded (the case's failed notices to the type go again) */
  public PartnerTeams(JdbcTemplate jdbc, PartnerDirectory directory, java.util.function.Consumer<TeamNamed> named) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.named = named;
  }

  /** The group of the team with this code, or null for no code. */
  public static String groupOf(String code) {
    return code == null || code.isBlank() ? null : PREFIX + code.trim().replaceAll("[^A-Za-z0-9]", "");
  }

  /** Whether the authority has several active teams of the type, so each case must name its own. */
  public boolean several(PartnerType type) {
    return directory.active(type).size() > 1;
  }

  /** The code of the team named for the case, by type. */
  public Map<PartnerType, String> serving(String caseReference) {
    return jdbc.query("select partner_type, code from case_partner_team where case_reference = ?",
        (rs, i) -> Map.entry(PartnerType.valueOf(rs.getString(1)), rs.getString(2)), caseReference).stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private Optional<String> serving(String caseReference, PartnerType type) {
    return Optional.ofNullable(serving(caseReference).get(type));
  }

  /**
   * Names the team that serves the case for its type.
   *
   * @throws Refusal (invalid) naming the field: an unknown type, a school (named by the plan, not here), or a code
   *     that is no active team of the type
   */
  public PartnerType assign(String caseReference, String partnerType, String code, String by) {
    PartnerType type;
    try {
      type = Codes.parse(PartnerType.class, "partnerType", partnerType);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(e.getMessage());
    }
    if (type.perSetting()) {
      throw Refusal.invalid("partnerType: " + type + " is the case's setting, named by the plan or the case, not here");
    }
    String clean = code == null ? "" : code.trim();
    List<Partner> teams = directory.active(type);
    if (teams.stream().noneMatch(team -> clean.equals(team.code()))) {
      throw Refusal.invalid("code: '" + clean + "' is no active " + type + " team in the partner directory (one of "
          + teams.stream().map(Partner::code).filter(c -> c != null).toList() + ")");
    }
    Timestamp now = Timestamp.from(EngineClock.instant());
    if (jdbc.update("update case_partner_team set code = ?, assigned_by = ?, assigned_at = ? where case_reference = ? "
        + "and partner_type = ?", clean, by, now, caseReference, type.name()) == 0) {
      jdbc.update("insert into case_partner_team (case_reference, partner_type, code, assigned_by, assigned_at) "
          + "values (?, ?, ?, ?, ?)", caseReference, type.name(), clean, by, now);
    }
    named.accept(new TeamNamed(caseReference, type, clean));
    return type;
  }

  /**
   * The groups that answer the case's request of a team type: the named team's own group; the type's group when
   * the authority has one team of the type (or none yet); none when it has several and the case names none, so no
   * team sees a child it does not serve.
   */
  public List<String> groups(String caseReference, String partnerType, String typeGroup) {
    PartnerType type = PartnerType.valueOf(partnerType);
    Optional<String> named = serving(caseReference, type);
    if (named.isPresent()) {
      return List.of(groupOf(named.get()));
    }
    return several(type) ? List.of() : List.of(typeGroup);
  }

  /**
   * The addresses of the team serving the case: the named team's; the type's when the authority has one team of it;
   * none when it has several and the case names none.
   */
  public List<String> emails(String caseReference, PartnerType type) {
    Optional<String> named = serving(caseReference, type);
    if (named.isPresent()) {
      return directory.activeEmails(type.name(), named.get());
    }
    return several(type) ? List.of() : directory.activeEmails(type.name(), null);
  }
}
