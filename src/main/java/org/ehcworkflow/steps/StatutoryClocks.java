package org.ehcworkflow.steps;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ehcworkflow.calendar.DeadlineSchedule;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.process.EngineClock;

/**
 * Starts statutory clocks at a step: the deadlines of the given time limits, counted from today (the day of
 * the event the step records), become process variables. A scope that needs its own copy (each advice request
 * of a multi-instance) declares the variables as empty input parameters; they are then set in that scope.
 */
public final class StatutoryClocks {

  private final DeadlineSchedule schedule;

  public StatutoryClocks(DeadlineSchedule schedule) {
    this.schedule = schedule;
  }

  public void start(DelegateExecution execution, List<TimeLimit> limits) {
    if (!limits.isEmpty()) {
      schedule.start(execution, EngineClock.today(), limits.toArray(TimeLimit[]::new));
    }
  }

  /** Parses a comma-separated list of time limit names from a BPMN input parameter. */
  public static List<TimeLimit> parse(Object names) {
    if (names == null || names.toString().isBlank()) {
      return List.of();
    }
    return Arrays.stream(names.toString().split(",")).map(String::trim).map(TimeLimit::valueOf).toList();
  }
}
