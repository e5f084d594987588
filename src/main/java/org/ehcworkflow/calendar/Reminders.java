package org.ehcworkflow.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import org.ehcworkflow.process.EngineClock;

/**
 * When a deadline's reminder goes out, worked out from the deadline itself as each reminder timer starts:
 * {@code ${reminder.before(decisionToAssessDue)}} in a model. The reminder is not a variable of its own, so a
 * deadline that moves (an exception, a new meeting date) moves its reminder with it, and a case stores one row
 * less for each of its deadlines.
 */
public final class Reminders {

  /** Reminders go out at the start of the office day. */
  static final LocalTime HOUR = LocalTime.of(9, 0);

  private final Period leadTime;

  public Reminders(Period leadTime) {
    this.leadTime = leadTime;
  }

  /**
   * Nine in the morning, the lead time before the deadline ({@code ehc.calendar.reminder-lead-time}); never a day
   * already gone: a limit shorter than the lead time (3 working days for a mediation certificate), or a deadline
   * recorded late, is reminded today, at nine or at once if nine has passed.
   *
   * @param due the deadline variable, an ISO date
   * @return the timer's date and time, as ISO local date-time
   */
  public String before(String due) {
    if (due == null || due.isBlank()) {
      throw new IllegalStateException("a reminder timer started before its deadline variable was set");
    }
    LocalDate day = day(LocalDate.parse(due), EngineClock.today());
    return LocalDateTime.of(day, HOUR).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
  }

  LocalDate day(LocalDate due, LocalDate today) {
    LocalDate reminder = due.minus(leadTime);
    return reminder.isBefore(today) ? today : reminder;
  }
}
