package org.ehcworkflow.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.ehcworkflow.process.EngineClock;

/**
 * Computes statutory deadlines from recorded event dates, in Europe/London. Pure and thread-safe: the
 * engine, the API and reports all ask this one component.
 */
public final class StatutoryCalendar {

  /** Deadlines are English calendar dates. */
  public static final ZoneId LONDON = EngineClock.LONDON;

  private final BankHolidays holidays;

  public StatutoryCalendar(BankHolidays holidays) {
    this.holidays = Objects.requireNonNull(holidays);
  }

  /** The last day on which the step may be done in time. */
  public LocalDate due(TimeLimit limit, LocalDate anchorDate) {
    Objects.requireNonNull(anchorDate, () -> "no " + limit.anchor().meaning() + " recorded for " + limit);
    return limit.dueFrom(anchorDate, holidays);
  }

  /**
   * The appeal deadline when a mediation certificate was issued: the later of 2 months from the decision
   * notice and 1 month from the certificate (HESC Rules 2008 r20(1)(c)), moved out of closed periods.
   */
  public LocalDate appealDue(LocalDate decisionNotice, LocalDate mediationCertificate) {
    LocalDate fromDecision = due(TimeLimit.APPEAL, decisionNotice);
    if (mediationCertificate == null) {
      return fromDecision;
    }
    LocalDate fromCertificate = TimeLimit.Rule.moveOutOfClosedPeriods(mediationCertificate.plusMonths(1), holidays);
    return fromCertificate.isAfter(fromDecision) ? fromCertificate : fromDecision;
  }
}
