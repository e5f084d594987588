package org.ehcworkflow.calendar;

import java.time.LocalDate;
import java.time.Month;

/**
 * National curriculum year groups in England. A school year runs from 1 September to 31 August; children born
 * from 1 September to 31 August form one cohort, which starts reception (year group 0) in the September after
 * the youngest of them turns 4. Nursery is -1, year 12 and 13 are post-16 in school, 14 and above further
 * education. A child taught out of their year group carries an offset (for example -1 for a child held back).
 */
public final class SchoolYears {

  /** The day every phase transfer is assumed to take place unless an officer records another. */
  public static final int TRANSFER_MONTH_DAY = 1;

  private SchoolYears() {
  }

  /** The calendar year in which the school year containing {@code date} began. */
  public static int schoolYearOf(LocalDate date) {
    return date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1;
  }

  /** The child's year group in the school year that began in September of {@code schoolYear}. */
  public static int yearGroup(LocalDate dateOfBirth, int offset, int schoolYear) {
    return schoolYear - receptionYear(dateOfBirth, offset);
  }

  /** The cohort of children born from 1 September to 31 August, named by the year of its August. */
  private static int cohort(LocalDate dateOfBirth) {
    return dateOfBirth.getMonthValue() >= Month.SEPTEMBER.getValue() ? dateOfBirth.getYear() + 1 : dateOfBirth.getYear();
  }

  /** The child's year group on a given day. */
  public static int yearGroupOn(LocalDate dateOfBirth, int offset, LocalDate day) {
    return yearGroup(dateOfBirth, offset, schoolYearOf(day));
  }

  /** The offset that puts a child in {@code yearGroup} in the school year of {@code day}. */
  public static int offsetFor(LocalDate dateOfBirth, int yearGroup, LocalDate day) {
    return yearGroup - yearGroupOn(dateOfBirth, 0, day);
  }

  /** The school year in which a child born on the day, taught {@code offset} years from their cohort, is in reception. */
  public static int receptionYear(LocalDate dateOfBirth, int offset) {
    return cohort(dateOfBirth) + 4 - offset;
  }

  /** The school year in which a child who is in {@code yearGroup} on {@code day} was or will be in reception. */
  public static int receptionYearOf(int yearGroup, LocalDate day) {
    return schoolYearOf(day) - yearGroup;
  }

  /** The last year group a setting teaches, from its statutory upper age: 11 means year 6. */
  public static int lastYearGroupOfAge(int statutoryHighAge) {
    return statutoryHighAge - 5;
  }

  /** The first day of the school year after the one that began in {@code schoolYear}: the usual transfer day. */
  public static LocalDate transferDayAfter(int schoolYear) {
    return LocalDate.of(schoolYear + 1, Month.SEPTEMBER, TRANSFER_MONTH_DAY);
  }

  /** "Reception", "Year 6", "Nursery" and so on, for letters and forms. */
  public static String label(int yearGroup) {
    if (yearGroup == 0) {
      return "Reception";
    }
    if (yearGroup < 0) {
      return "Nursery (early years)";
    }
    return "Year " + yearGroup;
  }
}
