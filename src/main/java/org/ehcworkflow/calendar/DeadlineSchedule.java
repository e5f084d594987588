package org.ehcworkflow.calendar;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a recorded event into the process variables of the time limits that count from it: each limit's
 * deadline and its reminder day, as ISO dates. The one place where deadlines enter a process.
 */
public final class DeadlineSchedule {

  private final StatutoryCalendar calendar;
  private final Period reminderLeadTime;

  public DeadlineSchedule(StatutoryCalendar calendar, Period reminderLeadTime) {
    this.calendar = calendar;
    this.reminderLeadTime = reminderLeadTime;
  }

  /** Deadline and reminder variables of each given limit, counted from the same anchor date. */
  public Map<String, Object> variables(LocalDate anchorDate, TimeLimit... limits) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (TimeLimit limit : limits) {
      LocalDate due = calendar.due(limit, anchorDate);
      variables.put(limit.dueVariable(), due.toString());
      variables.put(limit.reminderVariable(), reminderDay(anchorDate, due).toString());
    }
    return variables;
  }

  /**
   * Deadline and reminder variables of a limit whose deadline was worked out elsewhere (a review cycle shortened
   * for an under-5, a transfer counted back from the day of transfer).
   */
  public Map<String, Object> variables(TimeLimit limit, LocalDate anchorDate, LocalDate due) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(limit.dueVariable(), due.toString());
    variables.put(limit.reminderVariable(), reminderDay(anchorDate, due).toString());
    return variables;
  }

  /**
   * The reminder goes out the lead time before the deadline, never before the anchor event itself, unless the
   * deadline falls before its anchor (counted back from a meeting).
   */
  LocalDate reminderDay(LocalDate anchorDate, LocalDate due) {
    LocalDate reminder = due.minus(reminderLeadTime);
    // A limit counted back from a future event (advice 2 weeks before a meeting) keeps its full lead time.
    return reminder.isBefore(anchorDate) && !due.isBefore(anchorDate) ? anchorDate : reminder;
  }
}
