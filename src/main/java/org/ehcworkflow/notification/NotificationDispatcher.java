package org.ehcworkflow.notification;

import org.ehcworkflow.process.DbTimes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ehcworkflow.notification.NoticeChannel.DeliveryFailure;
import org.ehcworkflow.notification.NoticeChannel.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Delivers the outbox, each notice once. A notice is claimed ({@code SENDING}) in its own committed step before
 * it is handed to its channel, and marked {@code SENT} after. A failure the channel calls permanent, or the end
 * of the retry budget, makes it {@code FAILED}; any other failure puts it back to {@code PENDING} with a growing
 * wait. A notice found still {@code SENDING} after the lease (the application stopped mid-delivery) is asked of
 * its provider; if the provider cannot tell, it becomes {@code UNCONFIRMED} and is never sent again by itself.
 * Managers see {@code FAILED} and {@code UNCONFIRMED} notices and can send them again.
 */
public class NotificationDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);
  private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};
  private static final java.util.regex.Pattern EMAIL_ADDRESS = java.util.regex.Pattern.compile("[^\\s<>\"'@]+@[^\\s<>\"']+");

  /**
   * @param batchSize notices per pass
   * @param maxAttempts deliveries tried before a notice is FAILED
   * @param firstRetry wait after the first failure; it doubles each time, up to {@code longestWait}
   * @param lease how long a notice may stay SENDING before it counts as interrupted
   * @param tasklistLink the link notices give to Tasklist
   */
  public record Settings(int batchSize, int maxAttempts, Duration firstRetry, Duration longestWait, Duration lease,
      String tasklistLink, NotificationProperties.Digest digest) {
  }

  /** The template of a digest; its fields are filled from the notices it carries when it is sent. */
  public static final String DIGEST_TEMPLATE = "notice-digest";

  /** What one pass did. */
  public record Pass(int sent, int retrying, int failed, int unconfirmed) {
  }

  private final JdbcTemplate jdbc;
  private final AddressBook addresses;
  private final NoticeTemplates templates;
  private final Map<String, NoticeChannel> channels;
  private final ObjectMapper json;
  private final Settings settings;
  private final Clock clock;

  public NotificationDispatcher(JdbcTemplate jdbc, AddressBook addresses, NoticeTemplates templates,
      List<NoticeChannel> channels, ObjectMapper json, Settings settings, Clock clock) {
    this.jdbc = jdbc;
    this.addresses = addresses;
    this.templates = templates;
    this.channels = new HashMap<>();
    channels.forEach(c -> this.channels.put(c.name(), c));
    this.json = json;
    this.settings = settings;
    this.clock = clock;
  }

  /** One pass: settles interrupted deliveries, then delivers what is due. */
  public Pass dispatchDue() {
    int unconfirmed = settleInterrupted();
    int sent = 0;
    int retrying = 0;
    int failed = 0;
    Map<String, Long> oneByOne = digest();
    List<Long> due = new ArrayList<>();
    jdbc.query("""
        select id, recipient_kind, recipient_id, template, attempts from notification_outbox
        where status = 'PENDING' and (next_attempt_at is null or next_attempt_at <= ?)
        order by id
        """, rs -> {
          if (due.size() < settings.batchSize() && (!digestible(rs.getString(2), rs.getString(4), rs.getInt(5))
              || rs.getLong(1) <= oneByOne.getOrDefault(rs.getString(3), 0L))) {
            due.add(rs.getLong(1));
          }
        }, now());
    for (Long id : due) {
      Outcome outcome;
      try {
        outcome = deliver(id);
      } catch (RuntimeException e) {
        // unexpected: the notice stays SENDING and is settled after the lease; the others still go
        LOG.error("Notice {} could not be dispatched", id, e);
        continue;
      }
      switch (outcome) {
        case SENT -> sent++;
        case RETRYING -> retrying++;
        case FAILED -> failed++;
        case TAKEN -> { }
      }
    }
    if (sent + retrying + failed + unconfirmed > 0) {
      LOG.info("Notices: {} sent, {} to retry, {} failed, {} unconfirmed", sent, retrying, failed, unconfirmed);
    }
    return new Pass(sent, retrying, failed, unconfirmed);
  }

  private enum Outcome { SENT, RETRYING, FAILED, TAKEN }

  /** A notice that may travel in a digest: to a group's mailbox, of a digest template, never tried yet. */
  private boolean digestible(String recipientKind, String template, int attempts) {
    return settings.digest().enabled() && Recipient.Kind.GROUP.name().equals(recipientKind) && attempts == 0
        && settings.digest().templates().contains(template);
  }

  /**
   * Notices to each group's mailbox wait until none has arrived for the quiet period (or the oldest has waited the
   * longest wait), so a storm is seen whole: then at least the threshold become one digest notice, each of them
   * marked {@code DIGESTED}, and fewer go one by one. Runs before delivery, so a digest goes out in the same pass.
   *
   * <p>Only notices up to the last one this check has seen may go one by one: a notice recorded after it, arriving
   * between the check and the delivery (in a storm, a transaction of timers commits dozens at once), waits for the
   * next pass's check, whatever its mailbox, instead of going on its own while the storm's others are held. (A notice
   * numbered before that one whose transaction commits only then may still go on its own, to a mailbox the check
   * found quiet.)
   *
   * @return for each mailbox (group id) whose few notices go one by one, the last notice the check saw; a digestible
   *     notice to any other mailbox, or after that one, is held
   */
  private Map<String, Long> digest() {
    NotificationProperties.Digest digest = settings.digest();
    Map<String, Long> oneByOne = new HashMap<>();
    if (!digest.enabled() || digest.templates().isEmpty()) {
      return oneByOne;
    }
    String templates = String.join(",", Collections.nCopies(digest.templates().size(), "?"));
    List<Object> args = new ArrayList<>(digest.templates());
    List<Map<String, Object>> waiting = jdbc.queryForList("select recipient_id, count(*) as waiting, "
        + "min(created_at) as oldest, max(created_at) as newest, max(id) as last from notification_outbox "
        + "where status = 'PENDING' and recipient_kind = 'GROUP' and attempts = 0 and template in (" + templates
        + ") group by recipient_id", args.toArray());
    java.time.Instant now = clock.instant();
    for (Map<String, Object> mailbox : waiting) {
      String group = (String) mailbox.get("recipient_id");
      boolean quiet = !DbTimes.instant(mailbox.get("newest")).plus(digest.quietPeriod()).isAfter(now);
      boolean waitedLongEnough = DbTimes.instant(mailbox.get("oldest")).plus(digest.maxWait()).isBefore(now);
      if (!quiet && !waitedLongEnough) {
        continue;
      }
      if (((Number) mailbox.get("waiting")).intValue() >= digest.threshold()) {
        gather(group, templates, args);
      } else {
        oneByOne.put(group, ((Number) mailbox.get("last")).longValue());
      }
    }
    return oneByOne;
  }

  /** One digest notice for the group, carrying every digestible notice waiting for it. */
  private void gather(String group, String templates, List<Object> templateArgs) {
    List<Object> args = new ArrayList<>(List.of(group));
    args.addAll(templateArgs);
    List<Long> members = jdbc.queryForList("select id from notification_outbox where status = 'PENDING' "
        + "and recipient_kind = 'GROUP' and recipient_id = ? and attempts = 0 and template in (" + templates
        + ") order by id", Long.class, args.toArray());
    if (members.isEmpty()) {
      return;
    }
    String key = "digest:" + group + ":" + members.get(0) + "-" + members.get(members.size() - 1);
    String channel = jdbc.queryForObject("select channel from notification_outbox where id = ?", String.class,
        members.get(0));
    jdbc.update("""
        insert into notification_outbox (idempotency_key, case_reference, recipient_kind, recipient_id, channel,
          template, personalisation, status, created_at)
        values (?, 'DIGEST', 'GROUP', ?, ?, ?, ?, 'PENDING', ?)""", key, group, channel, DIGEST_TEMPLATE,
        "{\"count\":\"" + members.size() + "\"}", now());
    Long digestId = jdbc.queryForObject("select id from notification_outbox where idempotency_key = ?", Long.class,
        key);
    for (int from = 0; from < members.size(); from += 500) {
      List<Long> part = members.subList(from, Math.min(members.size(), from + 500));
      List<Object> update = new ArrayList<>(List.of(digestId));
      update.addAll(part);
      jdbc.update("update notification_outbox set status = 'DIGESTED', digest_id = ?, sent_at = null where status = "
          + "'PENDING' and id in (" + String.join(",", Collections.nCopies(part.size(), "?")) + ")",
          update.toArray());
    }
    LOG.info("Notices: {} notices to the {} mailbox go as one digest (notice {})", members.size(), group, digestId);
  }

  /** The digest's fields, from the notices it carries: counts per step and deadline, and each case. */
  private Map<String, String> digestFields(long digestId) {
    Map<String, Integer> perTitle = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    int[] total = new int[1];
    jdbc.query("select template, case_reference, personalisation from notification_outbox where digest_id = ? "
        + "order by id", rs -> {
          Map<String, String> fields = readFields(rs.getString(3));
          String title = fields.getOrDefault("deadlineTitle", fields.getOrDefault("taskName", rs.getString(1)));
          String what = switch (rs.getString(1)) {
            case "deadline-breached" -> "missed: " + title;
            case "deadline-reminder" -> "due soon: " + title;
            case "task-created" -> "new task: " + title;
            default -> title;
          };
          perTitle.merge(what, 1, Integer::sum);
          total[0]++;
          if (lines.size() < settings.digest().casesListed()) {
            lines.add("- " + rs.getString(2) + ": " + what
                + (fields.containsKey("deadline") ? ", deadline " + fields.get("deadline") : ""));
          }
        }, digestId);
    if (total[0] > lines.size()) {
      lines.add("- and " + (total[0] - lines.size()) + " more: every case is listed in Cockpit, on the Statutory "
          + "deadlines panel");
    }
    Map<String, String> fields = new HashMap<>();
    fields.put("count", Integer.toString(total[0]));
    StringBuilder summary = new StringBuilder();
    perTitle.forEach((what, count) -> summary.append(count).append(" ").append(what).append("\n"));
    fields.put("summary", summary.toString().trim());
    fields.put("cases", String.join("\n", lines));
    fields.put("cockpitLink", settings.tasklistLink().replace("/tasklist/", "/cockpit/"));
    return fields;
  }

  private Map<String, String> readFields(String personalisation) {
    try {
      return json.readValue(personalisation, FIELDS);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Map.of();
    }
  }


  private Outcome deliver(long id) {
    if (jdbc.update("update notification_outbox set status = 'SENDING', claimed_at = ? where id = ? and status = 'PENDING'",
        now(), id) == 0) {
      return Outcome.TAKEN;
    }
    Map<String, Object> row = jdbc.queryForMap("""
        select id, idempotency_key, case_reference, recipient_kind, recipient_id, channel, template, personalisation,
          attempts from notification_outbox where id = ?""", id);
    int attempts = ((Number) row.get("attempts")).intValue() + 1;
    Outgoing outgoing;
    try {
      outgoing = outgoing(row);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // no address, or a notice its template cannot be filled from: no retry will mend it
      return failed(id, row, attempts, e.getMessage(), true);
    }
    try {
      NoticeChannel channel = channels.get((String) row.get("channel"));
      if (channel == null) {
        throw new DeliveryFailure("channel " + row.get("channel") + " is not configured", false, null);
      }
      String reference = channel.deliver(outgoing);
      jdbc.update("""
          update notification_outbox set status = 'SENT', sent_at = ?, provider_reference = ?, attempts = ?,
            last_error = null where id = ?""", now(), reference, attempts, id);
      return Outcome.SENT;
    } catch (DeliveryFailure e) {
      return failed(id, row, attempts, e.getMessage(), e.permanent());
    }
  }

  private Outcome failed(long id, Map<String, Object> row, int attempts, String error, boolean permanent) {
    String reason = withoutAddresses(error);
    if (permanent || attempts >= settings.maxAttempts()) {
      jdbc.update("update notification_outbox set status = 'FAILED', attempts = ?, last_error = ? where id = ?",
          attempts, reason, id);
      LOG.warn("Notice {} for case {} failed after {} attempts: {}", row.get("template"), row.get("case_reference"),
          attempts, reason);
      return Outcome.FAILED;
    }
    jdbc.update("""
        update notification_outbox set status = 'PENDING', attempts = ?, last_error = ?, next_attempt_at = ?
        where id = ?""", attempts, reason, Timestamp.from(clock.instant().plus(wait(attempts))), id);
    return Outcome.RETRYING;
  }

  /**
   * A failure's reason as stored, logged and shown to managers: a mail server's rejection names the address, and
   * a family's address is personal data.
   */
  static String withoutAddresses(String error) {
    String reason = error == null ? "unknown" : EMAIL_ADDRESS.matcher(error).replaceAll("<address>");
    return reason.substring(0, Math.min(reason.length(), 900));
  }

  /** The wait after the n-th failed attempt: the first retry wait, doubled each time, capped. */
  Duration wait(int attempts) {
    Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
    return wait.compareTo(settings.longestWait()) > 0 ? settings.longestWait() : wait;
  }

  private int settleInterrupted() {
    int unconfirmed = 0;
    List<Map<String, Object>> stuck = jdbc.queryForList(
        "select id, idempotency_key, channel from notification_outbox where status = 'SENDING' and claimed_at < ?",
        Timestamp.from(clock.instant().minus(settings.lease())));
    for (Map<String, Object> row : stuck) {
      long id = ((Number) row.get("id")).longValue();
      NoticeChannel channel = channels.get((String) row.get("channel"));
      Optional<Boolean> delivered;
      try {
        delivered = channel == null ? Optional.empty() : channel.alreadyDelivered((String) row.get("idempotency_key"));
      } catch (DeliveryFailure e) {
        continue; // the provider cannot be asked now: ask again on the next pass
      }
      if (delivered.isEmpty()) {
        jdbc.update("""
            update notification_outbox set status = 'UNCONFIRMED',
              last_error = 'delivery was interrupted and the channel cannot say whether it arrived: check, then resend'
            where id = ? and status = 'SENDING'""", id);
        unconfirmed++;
      } else if (delivered.get()) {
        jdbc.update("update notification_outbox set status = 'SENT', sent_at = ? where id = ? and status = 'SENDING'",
            now(), id);
      } else {
        jdbc.update("update notification_outbox set status = 'PENDING' where id = ? and status = 'SENDING'", id);
      }
    }
    return unconfirmed;
  }

  private Outgoing outgoing(Map<String, Object> row) {
    Map<String, String> fields;
    String template = (String) row.get("template");
    if (DIGEST_TEMPLATE.equals(template)) {
      fields = digestFields(((Number) row.get("id")).longValue());
    } else {
      try {
        fields = new HashMap<>(json.readValue((String) row.get("personalisation"), FIELDS));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("the notice's fields cannot be read", e);
      }
    }
    fields.put(NoticeFields.TASKLIST_LINK, settings.tasklistLink());
    NoticeTemplates.Rendered text = templates.render(template, fields);
    List<String> to = addresses.emailsOf(Recipient.Kind.valueOf((String) row.get("recipient_kind")),
        (String) row.get("recipient_id"), (String) row.get("case_reference"));
    return new Outgoing((String) row.get("idempotency_key"), to, template, text.subject(), text.body(), fields);
  }

  /** Sends a FAILED or UNCONFIRMED notice again, on a manager's word. */
  public boolean retry(long id) {
    return jdbc.update("""
        update notification_outbox set status = 'PENDING', next_attempt_at = null, attempts = 0
        where id = ? and status in ('FAILED', 'UNCONFIRMED')""", id) == 1;
  }

  /**
   * Sends again the case's notices that failed for one recipient, once the cause is mended (the case now names
   * the team that serves it): the address is looked up afresh when each is sent.
   *
   * @return how many were queued again
   */
  public int retryFailed(String caseReference, Recipient.Kind kind, String recipientId) {
    return jdbc.update("""
        update notification_outbox set status = 'PENDING', next_attempt_at = null, attempts = 0
        where case_reference = ? and recipient_kind = ? and recipient_id = ? and status = 'FAILED'""",
        caseReference, kind.name(), recipientId);
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }
}
