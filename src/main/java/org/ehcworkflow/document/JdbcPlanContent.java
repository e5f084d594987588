package org.ehcworkflow.document;

import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ehcworkflow.process.EngineClock;

/** The plan's content in the project's tables, in the caller's transaction. */
public class JdbcPlanContent implements PlanContent {

  private final JdbcTemplate jdbc;

  public JdbcPlanContent(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<PlanSection, String> workingCopy(String caseReference) {
    return sections("select section, content from plan_section where case_reference = ?", caseReference);
  }

  @Override
  public void write(String caseReference, PlanSection section, String text, String writtenBy) {
    Timestamp now = Timestamp.from(EngineClock.instant());
    if (jdbc.update("update plan_section set content = ?, updated_by = ?, updated_at = ? where case_reference = ? "
        + "and section = ?", text, writtenBy, now, caseReference, section.name()) == 0) {
      jdbc.update("insert into plan_section (case_reference, section, content, updated_by, updated_at) "
          + "values (?, ?, ?, ?, ?)", caseReference, section.name(), text, writtenBy, now);
    }
  }

  @Override
  public int freeze(String caseReference, String kind, String frozenBy) {
    Integer version = jdbc.queryForObject(
        "select coalesce(max(version), 0) + 1 from plan_version where case_reference = ?", Integer.class,
        caseReference);
    jdbc.update("insert into plan_version (case_reference, version, kind, created_at, created_by) "
        + "values (?, ?, ?, ?, ?)", caseReference, version, kind, Timestamp.from(EngineClock.instant()), frozenBy);
    Long id = jdbc.queryForObject("select id from plan_version where case_reference = ? and version = ?", Long.class,
        caseReference, version);
    jdbc.update("insert into plan_version_section (plan_version_id, section, content) "
        + "select ?, section, content from plan_section where case_reference = ?", id, caseReference);
    return version;
  }

  @Override
  public Optional<Map<PlanSection, String>> version(String caseReference, int version) {
    List<Long> ids = jdbc.queryForList("select id from plan_version where case_reference = ? and version = ?",
        Long.class, caseReference, version);
    return ids.stream().findFirst().map(id -> sections(
        "select section, content from plan_version_section where plan_version_id = ?", id));
  }

  @Override
  public List<PlanVersion> versions(String caseReference) {
    return jdbc.query("select version, kind, created_at, created_by from plan_version where case_reference = ? "
        + "order by version", (rs, i) -> new PlanVersion(rs.getInt(1), rs.getString(2),
        rs.getTimestamp(3).toInstant(), rs.getString(4)), caseReference);
  }

  @Override
  public Optional<PlanVersion> latest(String caseReference, List<String> kinds) {
    return versions(caseReference).stream().filter(v -> kinds.contains(v.kind()))
        .reduce((first, second) -> second);
  }

  private Map<PlanSection, String> sections(String sql, Object key) {
    Map<PlanSection, String> sections = new EnumMap<>(PlanSection.class);
    jdbc.query(sql, rs -> {
      sections.put(PlanSection.valueOf(rs.getString(1)), rs.getString(2));
    }, key);
    return sections;
  }
}
