package org.ehcworkflow.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ehcworkflow.process.EngineClock;

/**
 * Records notices in the {@code notification_outbox} table, in the caller's transaction, so a notice exists
 * exactly when the step that asked for it committed. Dispatch to real channels reads the outbox.
 */
public class OutboxNotifications implements Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxNotifications.class);

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Function<Recipient.Kind, String> channelOf;

  /** @param channelOf the channel each kind of recipient is reached by */
  public OutboxNotifications(JdbcTemplate jdbc, ObjectMapper json, Function<Recipient.Kind, String> channelOf) {
    this.jdbc = jdbc;
    this.json = json;
    this.channelOf = channelOf;
  }

  @Override
  public boolean send(Notice notice) {
    int inserted = jdbc.update("""
        insert into notification_outbox
          (idempotency_key, case_reference, recipient_kind, recipient_id, channel, template, personalisation,
           status, created_at)
        select ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?
        where not exists (select 1 from notification_outbox where idempotency_key = ?)
        """,
        notice.idempotencyKey(), notice.caseReference(), notice.recipient().kind().name(), notice.recipient().id(),
        channelOf.apply(notice.recipient().kind()), notice.template(), toJson(notice), Timestamp.from(EngineClock.instant()), notice.idempotencyKey());
    if (inserted == 0) {
      LOG.debug("Notice {} for case {} was already recorded", notice.idempotencyKey(), notice.caseReference());
      return false;
    }
    // Debug, not info: the outbox row is the record, and in a storm a line per notice was 3% of the job threads' CPU.
    // The dispatcher logs what it sent, retried and failed.
    LOG.debug("Notice {} for case {} queued for {}", notice.template(), notice.caseReference(), notice.recipient().kind());
    return true;
  }

  @Override
  public void forgetWording(String idempotencyKey) {
    jdbc.update("update notification_outbox set personalisation = '{}' where idempotency_key = ? and status = 'SENT'",
        idempotencyKey);
  }

  private String toJson(Notice notice) {
    try {
      return json.writeValueAsString(new TreeMap<>(notice.personalisation()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("personalisation of notice " + notice.idempotencyKey() + " is not serialisable", e);
    }
  }
}
