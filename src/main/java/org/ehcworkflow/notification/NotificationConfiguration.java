package org.ehcworkflow.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.ehcworkflow.document.Documents;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.partner.PartnerDirectory;
import org.ehcworkflow.partner.PartnerTeams;
import org.ehcworkflow.partner.SettingGroups;
import org.ehcworkflow.plan.PlanRegister;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import uk.gov.service.notify.NotificationClient;

/**
 * Wiring of the notice channels and the dispatcher. SMTP is on when Spring Mail is configured
 * ({@code spring.mail.host}); GOV.UK Notify when {@code ehc.notifications.gov-uk-notify.api-key} is set.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationConfiguration.class);

  @Bean
  Notifications notifications(JdbcTemplate jdbc, ObjectMapper json, NotificationProperties properties) {
    return new OutboxNotifications(jdbc, json, properties::channelFor);
  }

  @Bean
  OutboxEntries outboxEntries(JdbcTemplate jdbc) {
    return new OutboxEntries(jdbc);
  }

  @Bean
  AddressBook addressBook(CaseFile caseFile, PlanRegister plans, PartnerDirectory partners, SettingGroups settings,
      PartnerTeams teams, NotificationProperties properties, IdentityService identity) {
    return new AddressBook(caseFile, plans, partners, settings, teams, properties.groupMailboxes(), userId -> {
      User user = identity.createUserQuery().userId(userId).singleResult();
      return user == null ? null : user.getEmail();
    });
  }

  @Bean
  List<NoticeChannel> noticeChannels(ObjectProvider<JavaMailSender> mail, NotificationProperties properties,
      Documents documents) {
    List<NoticeChannel> channels = new ArrayList<>();
    Function<Long, Optional<NoticeChannel.Attachment>> attachments = id -> documents.find(id)
        .map(d -> new NoticeChannel.Attachment(d.caseReference() + "-"
            + d.type().name().toLowerCase().replace('_', '-') + "-v" + d.version() + ".pdf", d.contentType(),
            documents.content(id).orElseThrow()));
    mail.ifAvailable(sender -> channels.add(
        new SmtpAdapter(sender, properties.email().from(), properties.email().messageIdDomain(), attachments)));
    NotificationProperties.Notify notify = properties.govUkNotify();
    if (notify.apiKey() != null && !notify.apiKey().isBlank()) {
      channels.add(new GovUkNotifyAdapter(new NotificationClient(notify.apiKey(), notify.baseUrl()),
          notify.templateIds(), attachments));
    }
    if (channels.isEmpty()) {
      LOG.warn("No notice channel is configured (spring.mail.host or ehc.notifications.gov-uk-notify.api-key): "
          + "notices are kept in the outbox until one is");
    }
    return channels;
  }

  @Bean
  NotificationDispatcher notificationDispatcher(JdbcTemplate jdbc, AddressBook addressBook, NoticeTemplates templates,
      List<NoticeChannel> noticeChannels, ObjectMapper json, NotificationProperties properties, Clock clock) {
    NotificationProperties.Dispatch dispatch = properties.dispatch();
    return new NotificationDispatcher(jdbc, addressBook, templates, noticeChannels, json,
        new NotificationDispatcher.Settings(dispatch.batchSize(), dispatch.maxAttempts(), dispatch.firstRetry(),
            dispatch.longestWait(), dispatch.lease(), properties.tasklistLink(), properties.digest()), clock);
  }

  @Bean
  DispatchSchedule dispatchSchedule(NotificationDispatcher dispatcher, List<NoticeChannel> noticeChannels,
      NotificationProperties properties) {
    return new DispatchSchedule(dispatcher, properties.dispatch().enabled() && !noticeChannels.isEmpty());
  }

  /** Runs the dispatcher every {@code ehc.notifications.dispatch.interval}. */
  static class DispatchSchedule {
    private final NotificationDispatcher dispatcher;
    private final boolean enabled;

    DispatchSchedule(NotificationDispatcher dispatcher, boolean enabled) {
      this.dispatcher = dispatcher;
      this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${ehc.notifications.dispatch.interval:PT15S}")
    void run() {
      if (enabled) {
        dispatcher.dispatchDue();
      }
    }
  }
}
