package org.ehcworkflow.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import org.ehcworkflow.security.CurrentUser;
import org.ehcworkflow.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where failed notices appear: managers list the notices that did not arrive, with the reason, and send one
 * again once the reason is mended (an address added to the partner directory, the mail server back).
 */
@RestController
@RequestMapping("/api/notices")
@Tag(name = "Notices", description = "Notices that did not arrive, for managers")
class NoticeController {

  private final JdbcTemplate jdbc;
  private final NotificationDispatcher dispatcher;
  private final CurrentUser user;

  NoticeController(JdbcTemplate jdbc, NotificationDispatcher dispatcher, CurrentUser user) {
    this.jdbc = jdbc;
    this.dispatcher = dispatcher;
    this.user = user;
  }

  /** A notice as managers see it: never its text or address, which may hold personal data. */
  record NoticeView(long id, String caseReference, String template, String recipientKind, String recipientId,
      String channel, String status, int attempts, String lastError, OffsetDateTime createdAt) {
  }

  @Operation(summary = "Notices in a state, FAILED by default",
      description = "FAILED: a permanent error or the retry budget spent. UNCONFIRMED: delivery was interrupted "
          + "and the channel cannot say whether it arrived. PENDING: waiting for delivery or a retry.")
  @GetMapping
  List<NoticeView> list(@RequestParam(defaultValue = "FAILED") String status) {
    user.requireAnyOf(Roles.MANAGERS);
    return jdbc.query("""
        select id, case_reference, template, recipient_kind, recipient_id, channel, status, attempts, last_error,
          created_at
        from notification_outbox where status = ? order by id limit 500
        """, (rs, i) -> new NoticeView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9),
        rs.getObject(10, OffsetDateTime.class)), status.toUpperCase(java.util.Locale.ROOT));
  }

  @Operation(summary = "Send a FAILED or UNCONFIRMED notice again")
  @PostMapping("/{id}/retry")
  ResponseEntity<Void> retry(@PathVariable long id) {
    user.requireAnyOf(Roles.MANAGERS);
    return dispatcher.retry(id) ? ResponseEntity.accepted().build() : ResponseEntity.notFound().build();
  }
}
