package org.ehcworkflow.partner;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.ehcworkflow.process.EngineClock;

/** The partner directory in the project's {@code partner} table. */
public class PartnerDirectory {

  private static final RowMapper<Partner> ROW = (rs, i) -> new Partner(rs.getLong("id"),
      PartnerType.valueOf(rs.getString("partner_type")), rs.getString("code"), rs.getString("ukprn"),
      rs.getString("organisation_name"), rs.getString("email"), rs.getString("phone"), rs.getBoolean("active"));
  private static final String COLUMNS = "id, partner_type, code, ukprn, organisation_name, email, phone, active";

  private final JdbcTemplate jdbc;
  private final Consumer<Partner> saved;

  /** @param saved told of every entry added or updated (a setting's own group is kept in step with it) */
  public PartnerDirectory(JdbcTemplate jdbc, Consumer<Partner> saved) {
    this.jdbc = jdbc;
    this.saved = saved;
  }

  public List<Partner> all() {
    return jdbc.query("select " + COLUMNS + " from partner order by partner_type, organisation_name", ROW);
  }

  public Optional<Partner> byId(long id) {
    return jdbc.query("select " + COLUMNS + " from partner where id = ?", ROW, id).stream().findFirst();
  }

  /** Every school and setting, by name. */
  public List<Partner> settings() {
    return jdbc.query("select " + COLUMNS + " from partner where partner_type = 'SCHOOL_OR_SETTING' "
        + "order by organisation_name", ROW);
  }

  /** The active entries of a type, by name. */
  /** Each school's or setting's UK Provider Reference Number by its code, for those that have one. */
  public Map<String, String> ukprnsBySetting() {
    Map<String, String> ukprns = new HashMap<>();
    jdbc.query("select code, ukprn from partner where partner_type = 'SCHOOL_OR_SETTING' and ukprn is not null",
        (RowCallbackHandler) rs -> ukprns.put(rs.getString(1), rs.getString(2)));
    return ukprns;
  }

  public List<Partner> active(PartnerType type) {
    return jdbc.query("select " + COLUMNS + " from partner where partner_type = ? and active = true "
        + "order by organisation_name", ROW, type.name());
  }

  /** The setting with this code, if the directory has it. */
  public Optional<Partner> setting(String code) {
    return jdbc.query("select " + COLUMNS + " from partner where partner_type = 'SCHOOL_OR_SETTING' and code = ?", ROW,
        code).stream().findFirst();
  }

  /**
   * The email addresses of the active entries of a type: the one with this code, or for no code every entry of the
   * type (a team), in the order they were added.
   */
  public List<String> activeEmails(String type, String code) {
    return code == null
        ? jdbc.queryForList("select email from partner where partner_type = ? and active = true and email is not null "
            + "order by id", String.class, type)
        : jdbc.queryForList("select email from partner where partner_type = ? and code = ? and active = true "
            + "and email is not null order by id", String.class, type, code);
  }

  /** An active setting with this code, for checking a code an officer or caller gives. */
  public boolean hasActiveSetting(String code) {
    Integer count = jdbc.queryForObject(
        "select count(*) from partner where partner_type = 'SCHOOL_OR_SETTING' and code = ? and active = true",
        Integer.class, code);
    return count != null && count > 0;
  }

  /**
   * Adds the entry, or updates the one with the same type and code (or, for a team without a code, the same
   * type and name): importing the same list twice changes nothing.
   *
   * @return true when a new entry was added
   */
  public boolean save(Partner partner) {
    Timestamp now = Timestamp.from(EngineClock.instant());
    Optional<Long> existing = partner.id() != null ? Optional.of(partner.id()) : jdbc.queryForList(partner.code() != null
            ? "select id from partner where partner_type = ? and code = ?"
            : "select id from partner where partner_type = ? and code is null and organisation_name = ?",
        Long.class, partner.type().name(), partner.code() != null ? partner.code() : partner.organisationName())
        .stream().findFirst();
    if (existing.isPresent()) {
      jdbc.update("""
          update partner set partner_type = ?, code = ?, ukprn = ?, organisation_name = ?, email = ?, phone = ?,
            active = ?, updated_at = ? where id = ?""", partner.type().name(), partner.code(), partner.ukprn(),
          partner.organisationName(), partner.email(), partner.phone(), partner.active(), now, existing.get());
      saved.accept(partner);
      return false;
    }
    jdbc.update("""
        insert into partner (partner_type, code, ukprn, organisation_name, email, phone, active, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""", partner.type().name(), partner.code(), partner.ukprn(),
        partner.organisationName(), partner.email(), partner.phone(), partner.active(), now);
    saved.accept(partner);
    return true;
  }
}
