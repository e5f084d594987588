package org.ehcworkflow.process;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the application: the engine's. Timers, "today", timestamps written to the database and the
 * {@link Clock} bean all read it, so a test that moves the engine's clock moves everything with it.
 */
public final class EngineClock {

  /** Statutory days are counted in England. */
  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static final Clock CLOCK = new Reading(LONDON);

  private EngineClock() {
  }

  public static Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static LocalDate today() {
    return instant().atZone(LONDON).toLocalDate();
  }

  public static LocalDateTime now() {
    return instant().atZone(LONDON).toLocalDateTime();
  }

  /** The engine's clock as a {@link Clock}, in London, for code that takes one. */
  public static Clock clock() {
    return CLOCK;
  }

  /** A {@link Clock} that reads the engine's time on every call. */
  private static final class Reading extends Clock {
    private final ZoneId zone;

    Reading(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new Reading(other);
    }

    @Override
    public Instant instant() {
      return EngineClock.instant();
    }
  }
}
