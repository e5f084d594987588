package org.ehcworkflow.calendar;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the statutory calendar ({@code ehc.calendar.*}).
 *
 * @param extraBankHolidays one-off bank holidays by proclamation (for example 2022-09-19)
 * @param cancelledBankHolidays days the standing rules give that a proclamation moved away (2020-05-04)
 * @param reminderLeadTime how long before a deadline the first reminder goes out (a timer in the model)
 * @param finalReminderLeadTimes how long before a deadline the later reminders go out (from the deadline ledger)
 */
@ConfigurationProperties("ehc.calendar")
public record CalendarProperties(
    @DefaultValue List<LocalDate> extraBankHolidays,
    @DefaultValue List<LocalDate> cancelledBankHolidays,
    @DefaultValue("P7D") Period reminderLeadTime,
    @DefaultValue("P2D") List<Period> finalReminderLeadTimes) {
}
