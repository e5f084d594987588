package org.ehcworkflow.process;

import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcworkflow.calendar.StatutoryCalendar;

/** "Today" as the engine sees it (so tests that move the engine's clock move it here too), in London. */
public final class EngineClock {

  private EngineClock() {
  }

  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(StatutoryCalendar.LONDON).toLocalDate();
  }

  public static java.time.LocalDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(StatutoryCalendar.LONDON).toLocalDateTime();
  }
}
