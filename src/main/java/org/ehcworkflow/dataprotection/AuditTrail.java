package org.ehcworkflow.dataprotection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail: appended in the caller's transaction, read by managers and administrators. */
public class AuditTrail {

  public enum Action { VIEWED, CHANGED, REFUSED, TASK_COMPLETED, EXPORTED, ANONYMISED }

  private final JdbcTemplate jdbc;

  public AuditTrail(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String userId, Action action, String caseReference, String detail) {
    jdbc.update("insert into audit_event (occurred_at, user_id, action, case_reference, detail) values (?, ?, ?, ?, ?)",
        Timestamp.from(Instant.now()), userId == null ? "system" : userId, action.name(), caseReference,
        detail == null ? null : detail.substring(0, Math.min(detail.length(), 500)));
  }

  public List<Map<String, Object>> forCase(String caseReference) {
    return jdbc.queryForList("select occurred_at, user_id, action, detail from audit_event where case_reference = ? "
        + "order by occurred_at, id", caseReference);
  }
}
