package org.ehcworkflow.process;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.ehcworkflow.calendar.CalendarProperties;
import org.ehcworkflow.calendar.DeadlineSchedule;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.casefile.JdbcCaseFile;
import org.ehcworkflow.document.DocumentProperties;
import org.ehcworkflow.document.PlanContent;
import org.ehcworkflow.document.PlanSection;
import org.ehcworkflow.quality.QualityCheck;
import org.ehcworkflow.document.DocumentType;
import org.ehcworkflow.document.Documents;
import org.ehcworkflow.needsassessment.AdviceRequests;
import org.ehcworkflow.needsassessment.CaseOpening;
import org.ehcworkflow.needsassessment.OpenCaseListener;
import org.ehcworkflow.needsassessment.TaskDecisions;
import org.ehcworkflow.notification.NoticeFields;
import org.ehcworkflow.notification.NoticeTemplates;
import org.ehcworkflow.notification.NotificationDispatcher;
import org.ehcworkflow.notification.NotificationProperties;
import org.ehcworkflow.notification.Notifications;
import org.ehcworkflow.partner.PartnerDirectory;
import org.ehcworkflow.partner.SettingGroups;
import org.ehcworkflow.plan.Plan;
import org.ehcworkflow.plan.PlanRegister;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * All wiring of ports, adapters and the beans the BPMN models name ({@code ${sendNotice}}, {@code ${openCase}},
 * ...), in one place. Bean names are part of the models' contract: rename one only with the models.
 */
@Configuration
class ProcessConfiguration {

  @Bean
  CaseFile caseFile(JdbcTemplate jdbc) {
    return new JdbcCaseFile(jdbc);
  }

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

  /** Refusals answered with their status (400, 404, 409) by every route into the engine. */
  @Bean
  EngineRefusals engineRefusals() {
    return new EngineRefusals();
  }

  @Bean
  TaskNotices taskNotices(Notifications notifications, NotificationProperties properties) {
    return new TaskNotices(notifications, properties);
  }

  @Bean
  FinalReminders finalReminders(JdbcTemplate jdbc, RuntimeService runtime,
      TaskService tasks, Notifications notifications,
      NotificationProperties properties,
      CalendarProperties calendar) {
    return new FinalReminders(jdbc, runtime, tasks, notifications, properties, calendar.finalReminderLeadTimes());
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
  OpenCaseListener openCase(CaseFile caseFile, DeadlineSchedule schedule, PartnerDirectory partners) {
    return new OpenCaseListener(caseFile, schedule, partners::hasActiveSetting);
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

  @Bean
  TaskDecisions decisions(CaseFile caseFile, PartnerDirectory partners, QualityCheck quality, PlanContent plans) {
    return new TaskDecisions(caseFile, partners::hasActiveSetting,
        (caseReference, stage) -> quality.workingCopy(caseReference, stage).blocking(),
        (caseReference, setting) -> {
          if (plans.workingCopy(caseReference).getOrDefault(PlanSection.I, "").isBlank()) {
            plans.write(caseReference, PlanSection.I, setting, "process:finalise-plan");
          }
        });
  }

  @Bean
  org.ehcworkflow.needsassessment.Caseload caseload(CaseFile caseFile, org.camunda.bpm.engine.IdentityService identity) {
    return new org.ehcworkflow.needsassessment.Caseload(caseFile, identity);
  }

  @Bean
  CaseOpening caseOpening(RuntimeService runtime, CaseFile caseFile) {
    return new CaseOpening(runtime, caseFile);
  }

  /** Each setting's own group for the tasks meant for it: the setting the case's plan names, else the one it opened with. */
  @Bean
  SettingGroups settingGroups(PlanRegister register, CaseFile caseFile) {
    return new SettingGroups(caseReference -> register.find(caseReference).map(Plan::settingCode)
        .filter(code -> !code.isBlank())
        .or(() -> caseFile.find(caseReference).map(CaseFile.OpenedCase::currentSettingCode)
            .filter(code -> code != null && !code.isBlank())));
  }

  @Bean
  AdviceRequests adviceRequests(SettingGroups settingGroups) {
    return new AdviceRequests(settingGroups);
  }
}
