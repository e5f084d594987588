package org.ehcworkflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * England and Wales bank holidays, computed from the rules of the Banking and Financial Dealings Act 1971
 * as applied by proclamation each year, plus a configured list of one-off extra days and of rule days that a
 * proclamation moved away (for example the early May bank holiday moved to 8 May in 2020).
 */
public final class BankHolidays {

  private final Set<LocalDate> extraDays;
  private final Set<LocalDate> cancelledDays;

  public BankHolidays(Collection<LocalDate> extraDays, Collection<LocalDate> cancelledDays) {
    this.extraDays = Set.copyOf(extraDays);
    this.cancelledDays = Set.copyOf(cancelledDays);
  }

  /** The calendar with only the standing rules, no proclamations. */
  public static BankHolidays rulesOnly() {
    return new BankHolidays(Set.of(), Set.of());
  }

  public boolean isBankHoliday(LocalDate date) {
    if (extraDays.contains(date)) {
      return true;
    }
    return !cancelledDays.contains(date) && byRule(date.getYear()).contains(date);
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isBankHoliday(date);
  }

  /** Every bank holiday of the year, rules and configured changes together, in date order. */
  public Set<LocalDate> inYear(int year) {
    Set<LocalDate> days = new TreeSet<>(byRule(year));
    days.removeAll(cancelledDays);
    extraDays.stream().filter(d -> d.getYear() == year).forEach(days::add);
    return days;
  }

  static Set<LocalDate> byRule(int year) {
    Set<LocalDate> days = new TreeSet<>();
    days.add(substituteIfWeekend(LocalDate.of(year, Month.JANUARY, 1)));
    LocalDate easterSunday = easterSunday(year);
    days.add(easterSunday.minusDays(2));
    days.add(easterSunday.plusDays(1));
    days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
    days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    addChristmas(year, days);
    return days;
  }

  private static LocalDate substituteIfWeekend(LocalDate date) {
    return switch (date.getDayOfWeek()) {
      case SATURDAY -> date.plusDays(2);
      case SUNDAY -> date.plusDays(1);
      default -> date;
    };
  }

  private static void addChristmas(int year, Set<LocalDate> days) {
    LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
    switch (christmas.getDayOfWeek()) {
      case FRIDAY -> { // Boxing Day falls on Saturday: its substitute is Monday 28th
        days.add(christmas);
        days.add(christmas.plusDays(3));
      }
      case SATURDAY -> { // both days fall at the weekend: Monday 27th and Tuesday 28th
        days.add(christmas.plusDays(2));
        days.add(christmas.plusDays(3));
      }
      case SUNDAY -> { // Boxing Day stays on Monday 26th, Christmas moves to Tuesday 27th
        days.add(christmas.plusDays(1));
        days.add(christmas.plusDays(2));
      }
      default -> {
        days.add(christmas);
        days.add(christmas.plusDays(1));
      }
    }
  }

  /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
