package org.ehcworkflow.respond;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.ehcworkflow.annualreview.SchoolReviewTray;
import org.ehcworkflow.audit.AuditTrail;
import org.ehcworkflow.notification.Notice;
import org.ehcworkflow.notification.Notifications;
import org.ehcworkflow.notification.Recipient;
import org.ehcworkflow.partner.Partner;
import org.ehcworkflow.partner.PartnerDirectory;
import org.ehcworkflow.partner.SettingGroups;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.Refusal;

/**
 * A school's review tray for staff without an account: anyone may ask for it by the school's URN, and a link goes
 * to the school's own address in the partner directory (so only the school can open it), working for a week. The
 * tray lists the school's children's reviews due this term and next, and any late, by case reference; where a
 * review waits for its report, the school sends it through a review-report link issued on the spot.
 */
public class SchoolTrayByLink {

  static final String ASKED = "SCHOOL_TRAY";
  private static final Pattern URN = Pattern.compile("[A-Za-z0-9-]{1,40}");
  private static final String REPORT_TASK = Asked.REVIEW_REPORT.task();

  /** A review in the tray, and whether the school can send its report now. */
  public record Row(SchoolReviewTray.Review review, boolean reportDue) {
  }

  /** The tray a link opens: the setting, its reviews, and the link's last moment. */
  public record Opened(String settingCode, String settingName, LocalDate through, List<Row> rows, Instant expiresAt) {
  }

  /** Why a link opens nothing. */
  public enum Closed { UNKNOWN, EXPIRED }

  /** A link that opens nothing. */
  public static class NotOpen extends RuntimeException {
    private final Closed why;

    NotOpen(Closed why) {
      super(why.name());
      this.why = why;
    }

    public Closed why() {
      return why;
    }
  }

  private final ResponseLinks links;
  private final PartnerDirectory partners;
  private final SettingGroups settings;
  private final SchoolReviewTray tray;
  private final TaskService tasks;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final LinkExpiry expiry;
  private final String baseUrl;
  private final Duration lifetime;
  private final int perHour;

  public SchoolTrayByLink(ResponseLinks links, PartnerDirectory partners, SettingGroups settings, SchoolReviewTray tray,
      TaskService tasks, Notifications notifications, AuditTrail audit, LinkExpiry expiry, String baseUrl,
      Duration lifetime, int perHour) {
    this.links = links;
    this.partners = partners;
    this.settings = settings;
    this.tray = tray;
    this.tasks = tasks;
    this.notifications = notifications;
    this.audit = audit;
    this.expiry = expiry;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.lifetime = lifetime;
    this.perHour = perHour;
  }

  /**
   * Sends a link to the school's address when the URN is an active setting in the directory; says nothing either
   * way, so the answer tells a stranger nothing.
   *
   * @throws Refusal invalid naming {@code urn} for a malformed one; conflict when the setting was sent too many
   *     links within the hour
   */
  public void request(String urn) {
    String code = urn == null ? "" : urn.trim();
    if (code.isEmpty()) {
      throw Refusal.invalid("urn: Enter your school's unique reference number (URN)");
    }
    if (!URN.matcher(code).matches()) {
      throw Refusal.invalid("urn: The URN must be letters, digits or '-', for example 100001");
    }
    Optional<Partner> setting = partners.setting(code).filter(Partner::active);
    if (setting.isEmpty()) {
      return;
    }
    Instant now = EngineClock.instant();
    if (links.issuedSince(ASKED, code, now.minus(Duration.ofHours(1))) >= perHour) {
      throw Refusal.conflict("urn: a link was sent to the school " + perHour + " times in the last hour");
    }
    Instant expires = now.plus(lifetime);
    String token = links.issue(ASKED, caseReference(code), null, code, expires);
    notifications.send(new Notice(caseReference(code), Recipient.parse("partner:SCHOOL_OR_SETTING/" + code,
        caseReference(code)), "school-review-tray-link", Map.of("caseReference", caseReference(code),
        "settingName", setting.get().organisationName(), "responseLink", baseUrl + "/respond/school/" + token,
        "responseLinkLastDay", expires.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate().toString()),
        key(token)));
    audit.record(actor(code), AuditTrail.Action.CHANGED, caseReference(code), "review tray link sent to the school");
  }

  /** The tray a link opens, each review's view recorded in the audit trail as the school's. */
  public Opened open(String token) {
    ResponseLinks.Link link = link(token);
    // The link works from the school's inbox now: its wording need not stay in the outbox.
    notifications.forgetWording(key(token));
    String code = link.scope();
    String name = partners.setting(code).map(Partner::organisationName).orElse(code);
    SchoolReviewTray.Tray reviews = tray.tray(Set.of(code), EngineClock.today(), c -> name);
    List<Row> rows = reviews.reviews().stream().map(review -> new Row(review, reportTask(review.caseReference())
        .isPresent())).toList();
    rows.forEach(row -> audit.record(actor(code), AuditTrail.Action.VIEWED, row.review().caseReference(),
        "school review tray opened by link"));
    return new Opened(code, name, reviews.throughEndOfNextTerm(), rows, link.expiresAt());
  }

  /**
   * A review-report link for one of the tray's reviews that waits for its report, bound to that review alone.
   *
   * @throws NotOpen for an unknown or expired tray link
   * @throws Refusal conflict when the case is not the school's, or its review does not wait for a report
   */
  public String reportLink(String token, String caseReference) {
    ResponseLinks.Link link = link(token);
    String code = link.scope();
    if (!settings.currentSetting(caseReference).map(code::equals).orElse(false)) {
      throw Refusal.conflict("caseReference: " + caseReference + " is not in this school's tray");
    }
    Task task = reportTask(caseReference).orElseThrow(() -> Refusal.conflict("caseReference: the review of "
        + caseReference + " is not waiting for its report"));
    LocalDate due = LocalDate.parse(String.valueOf(tasks.getVariable(task.getId(), Asked.REVIEW_REPORT.dueVariable())));
    String report = links.issue(Asked.REVIEW_REPORT.name(), caseReference, task.getProcessInstanceId(), code,
        expiry.expiresAt(due));
    audit.record(actor(code), AuditTrail.Action.VIEWED, caseReference, "review report link opened from the tray");
    return report;
  }

  private ResponseLinks.Link link(String token) {
    ResponseLinks.Link link = links.find(token).filter(l -> ASKED.equals(l.asked()))
        .orElseThrow(() -> new NotOpen(Closed.UNKNOWN));
    if (link.expiresAt().isBefore(EngineClock.instant())) {
      throw new NotOpen(Closed.EXPIRED);
    }
    return link;
  }

  private Optional<Task> reportTask(String caseReference) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseReference).taskDefinitionKey(REPORT_TASK).list()
        .stream().findFirst();
  }

  /** The outbox keeps each notice by a case: a tray link's is the school's, {@code URN-<code>}. */
  static String caseReference(String code) {
    return "URN-" + code;
  }

  private static String key(String token) {
    return "school-tray:" + ResponseLinks.hash(token);
  }

  private static String actor(String code) {
    return "link:" + code;
  }
}
