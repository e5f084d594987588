package org.ehcworkflow.audit;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ehcworkflow.process.EngineClock;

/** The audit trail in table {@code audit_event}, appended in the caller's transaction. */
class JdbcAuditTrail implements AuditTrail {

  private final JdbcTemplate jdbc;

  JdbcAuditTrail(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(String userId, Action action, String caseReference, String detail) {
    jdbc.update("insert into audit_event (occurred_at, user_id, action, case_reference, detail) values (?, ?, ?, ?, ?)",
        Timestamp.from(EngineClock.instant()), userId == null ? "system" : userId, action.name(), caseReference,
        detail == null ? null : detail.substring(0, Math.min(detail.length(), 500)));
  }

  @Override
  public List<Map<String, Object>> forCase(String caseReference) {
    return jdbc.queryForList("select occurred_at, user_id, action, detail from audit_event where case_reference = ? "
        + "order by occurred_at, id", caseReference);
  }
}
