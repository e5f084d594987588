package org.ehcworkflow.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

  @Bean
  StatutoryCalendar statutoryCalendar(CalendarProperties properties) {
    return new StatutoryCalendar(new BankHolidays(properties.extraBankHolidays(), properties.cancelledBankHolidays()));
  }

  @Bean
  DeadlineSchedule deadlineSchedule(StatutoryCalendar calendar, CalendarProperties properties) {
    return new DeadlineSchedule(calendar, properties.reminderLeadTime());
  }

  /** {@code ${reminder.before(decisionToAssessDue)}}: the models' reminder timers. */
  @Bean("reminder")
  Reminders reminders(CalendarProperties properties) {
    return new Reminders(properties.reminderLeadTime());
  }
}
