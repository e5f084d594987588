package org.ehcworkflow.notification;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notices ({@code ehc.notifications.*}).
 *
 * @param channels the channel per recipient kind: {@code EMAIL} (SMTP, the default) or {@code NOTIFY}
 * @param groupMailboxes the mailbox of each Camunda group that is told of its tasks and breaches
 * @param noTaskNotices groups with a mailbox that are not told of each new task (managers hear of breaches)
 * @param tasklistLink the Tasklist address notices link to
 * @param digest when notices to a group's mailbox are sent as one digest
 */
@ConfigurationProperties("ehc.notifications")
public record NotificationProperties(
    @DefaultValue Map<Recipient.Kind, String> channels,
    @DefaultValue Map<String, String> groupMailboxes,
    @DefaultValue("managers") java.util.List<String> noTaskNotices,
    @DefaultValue("http://localhost:8080/camunda/app/tasklist/") String tasklistLink,
    @DefaultValue Email email,
    @DefaultValue Notify govUkNotify,
    @DefaultValue Dispatch dispatch,
    @DefaultValue Digest digest) {

  public String channelFor(Recipient.Kind kind) {
    return channels.getOrDefault(kind, "EMAIL");
  }

  /** SMTP: the server is Spring's {@code spring.mail.host} and {@code spring.mail.port}. */
  public record Email(@DefaultValue("ehc-notices@localhost") String from,
      @DefaultValue("ehc-workflow.local") String messageIdDomain) {
  }

  /** GOV.UK Notify: active when an API key is set; one Notify template id per local template name. */
  public record Notify(String apiKey, @DefaultValue("https://api.notifications.service.gov.uk") String baseUrl,
      @DefaultValue Map<String, String> templateIds) {
  }

  /**
   * Notices to one group's mailbox that arrive in bulk are sent as one digest. Notices of the {@code templates} to
   * a group wait until none has arrived for {@code quietPeriod} (or the oldest has waited {@code maxWait}); then at
   * least {@code threshold} go as one digest listing each case (up to {@code casesListed}), fewer one by one.
   * Families and partners always get their own notice, at once.
   */
  public record Digest(@DefaultValue("true") boolean enabled, @DefaultValue("5") int threshold,
      @DefaultValue("PT1M") Duration quietPeriod, @DefaultValue("PT15M") Duration maxWait,
      @DefaultValue({"deadline-breached", "deadline-reminder", "task-created"}) java.util.List<String> templates,
      @DefaultValue("500") int casesListed) {
  }

  public record Dispatch(@DefaultValue("true") boolean enabled, @DefaultValue("PT15S") Duration interval,
      @DefaultValue("100") int batchSize, @DefaultValue("12") int maxAttempts,
      @DefaultValue("PT1M") Duration firstRetry, @DefaultValue("PT30M") Duration longestWait,
      @DefaultValue("PT5M") Duration lease) {
  }
}
