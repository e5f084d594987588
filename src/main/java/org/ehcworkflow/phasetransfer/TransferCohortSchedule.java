package org.ehcworkflow.phasetransfer;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import org.ehcworkflow.process.EngineClock;

/**
 * The yearly timer of the cohort run, as an ISO 8601 repeating interval from the next occurrence of the configured
 * day ({@code R/2027-09-01T06:00:00/P1Y}). The model's timer start event reads it when the model is deployed.
 */
public class TransferCohortSchedule {

  private final MonthDay day;
  private final LocalTime time;

  public TransferCohortSchedule(MonthDay day, LocalTime time) {
    this.day = day;
    this.time = time;
  }

  public String cycle() {
    return "R/" + nextRun() + "/P1Y";
  }

  LocalDateTime nextRun() {
    LocalDateTime now = EngineClock.now();
    LocalDateTime thisYear = day.atYear(now.getYear()).atTime(time);
    return thisYear.isAfter(now) ? thisYear : day.atYear(now.getYear() + 1).atTime(time);
  }
}
