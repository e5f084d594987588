package org.ehcworkflow.process;

import java.time.LocalDate;

/**
 * A reporting period as a caller writes it ({@code from} and {@code to} as YYYY-MM-DD), by default the calendar year
 * so far: the Department for Education counts a calendar year. One reading for every report and every route.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

  /** @throws IllegalArgumentException naming the date at fault, or when {@code to} is before {@code from} */
  public ReportPeriod {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " is before from " + from);
    }
  }

  /** @throws IllegalArgumentException naming the date at fault */
  public static ReportPeriod parse(LocalDate today, String from, String to) {
    return new ReportPeriod(blank(from) ? today.withDayOfYear(1) : IsoDates.parse("from", from),
        blank(to) ? today : IsoDates.parse("to", to));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
