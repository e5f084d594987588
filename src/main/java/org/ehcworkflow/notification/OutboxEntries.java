package org.ehcworkflow.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox as managers read it: notices by state, without their text or address. */
class OutboxEntries {

  /** A notice's states, as the outbox records them (DIGESTED: sent within a digest of the group's notices). */
  static final List<String> STATES = List.of("PENDING", "SENDING", "SENT", "DIGESTED", "FAILED", "UNCONFIRMED");

  private final JdbcTemplate jdbc;

  OutboxEntries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A notice as managers see it: never its text or address, which may hold personal data. */
  record NoticeView(long id, String caseReference, String template, String recipientKind, String recipientId,
      String channel, String status, int attempts, String lastError, OffsetDateTime createdAt) {
  }

  /** The first 500 notices in this state, oldest first. */
  List<NoticeView> inState(String status) {
    return jdbc.query("""
        select id, case_reference, template, recipient_kind, recipient_id, channel, status, attempts, last_error,
          created_at
        from notification_outbox where status = ? order by id limit 500
        """, (rs, i) -> new NoticeView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9),
        rs.getObject(10, OffsetDateTime.class)), status);
  }

  /** The notice's state (one of {@link #STATES}), if there is such a notice. */
  Optional<String> statusOf(long id) {
    return jdbc.queryForList("select status from notification_outbox where id = ?", String.class, id).stream()
        .findFirst();
  }
}
