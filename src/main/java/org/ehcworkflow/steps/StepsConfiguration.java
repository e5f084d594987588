package org.ehcworkflow.steps;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.ehcworkflow.calendar.CalendarProperties;
import org.ehcworkflow.calendar.DeadlineSchedule;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.document.DocumentProperties;
import org.ehcworkflow.document.DocumentType;
import org.ehcworkflow.document.Documents;
import org.ehcworkflow.notification.NoticeFields;
import org.ehcworkflow.notification.NoticeTemplates;
import org.ehcworkflow.notification.NotificationDispatcher;
import org.ehcworkflow.notification.NotificationProperties;
import org.ehcworkflow.notification.Notifications;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.StepInputNames;
import org.ehcworkflow.reporting.DeadlineLedger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The shared steps every process uses, under the names the models give them ({@code ${sendNotice}},
 * {@code ${issueDocument}}, {@code ${recordBreach}}, {@code ${closeCase}}, {@code ${statutoryClocks}}).
 * Bean names are part of the models' contract: rename one only with the models.
 */
@Configuration
class StepsConfiguration {

  /** The templates, checked at start: every field known, every template the models and documents use present. */
  @Bean
  NoticeTemplates noticeTemplates() {
    Set<String> needed = new TreeSet<>(ModelTemplates.named());
    Arrays.stream(DocumentType.values()).filter(type -> !type.received()).map(IssueDocumentDelegate::templateOf)
        .forEach(needed::add);
    needed.add(RecordBreachDelegate.TEMPLATE);
    needed.add(TaskNotices.TEMPLATE);
    needed.add(NotificationDispatcher.DIGEST_TEMPLATE);
    return NoticeTemplates.fromClasspath().check(NoticeFields.known(), needed);
  }

  /** The steps' input parameters: constants of the models, which the kernel's {@code LeanHistory} keeps out of history. */
  @Bean
  StepInputNames stepInputNames() {
    return new StepInputNames(StepInputs.NAMES);
  }

  @Bean
  TaskNotices taskNotices(Notifications notifications, NotificationProperties properties) {
    return new TaskNotices(notifications, properties);
  }

  @Bean
  FinalReminders finalReminders(DeadlineLedger ledger, RuntimeService runtime,
      TaskService tasks, Notifications notifications,
      NotificationProperties properties,
      CalendarProperties calendar) {
    return new FinalReminders(ledger, runtime, tasks, notifications, properties, calendar.finalReminderLeadTimes());
  }

  @Bean
  FinalRemindersRun finalRemindersRun(FinalReminders reminders) {
    return new FinalRemindersRun(reminders);
  }

  /** Every 15 minutes ({@code ehc.calendar.final-reminder-interval}): the later reminders that have fallen due. */
  static class FinalRemindersRun {
    private final FinalReminders reminders;

    FinalRemindersRun(FinalReminders reminders) {
      this.reminders = reminders;
    }

    @Scheduled(fixedDelayString = "${ehc.calendar.final-reminder-interval:PT15M}",
        initialDelayString = "${ehc.calendar.final-reminder-interval:PT15M}")
    void run() {
      reminders.sendDue(EngineClock.today());
    }
  }

  @Bean
  StatutoryClocks statutoryClocks(DeadlineSchedule schedule) {
    return new StatutoryClocks(schedule);
  }

  @Bean
  SendNoticeDelegate sendNotice(Notifications notifications, StatutoryClocks clocks,
      SendNoticeDelegate.LinkIssuer links) {
    return new SendNoticeDelegate(notifications, clocks, links);
  }

  @Bean
  IssueDocumentDelegate issueDocument(Documents documents, Notifications notifications, StatutoryClocks clocks,
      DocumentProperties documentProperties) {
    return new IssueDocumentDelegate(documents, notifications, clocks, documentProperties.service().configured());
  }

  @Bean
  RecordBreachDelegate recordBreach(CaseFile caseFile, Notifications notifications) {
    return new RecordBreachDelegate(caseFile, notifications);
  }

  @Bean
  CloseCaseDelegate closeCase(CaseFile caseFile) {
    return new CloseCaseDelegate(caseFile);
  }
}
