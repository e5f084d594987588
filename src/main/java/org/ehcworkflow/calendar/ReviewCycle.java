package org.ehcworkflow.calendar;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * When a plan's next review is due: 12 months from its issue or last review (CFA 2014 s44), or sooner for a
 * child under 5 on that day, whom the Code of Practice (9.178) asks to be reviewed every 3 to 6 months.
 */
public final class ReviewCycle {

  private static final Period SHORTEST = Period.ofMonths(3);
  private static final Period LONGEST = Period.ofMonths(6);

  private final StatutoryCalendar calendar;
  private final Period underFiveCycle;

  public ReviewCycle(StatutoryCalendar calendar, Period underFiveCycle) {
    this.calendar = Objects.requireNonNull(calendar);
    long months = underFiveCycle.toTotalMonths();
    if (underFiveCycle.getDays() != 0 || months < SHORTEST.getMonths() || months > LONGEST.getMonths()) {
      throw new IllegalArgumentException("ehc.review.under-five-cycle must be 3 to 6 whole months (Code of Practice "
          + "9.178), got " + underFiveCycle);
    }
    this.underFiveCycle = underFiveCycle;
  }

  /** The review is due on this day at the latest. */
  public LocalDate reviewDue(LocalDate issuedOrLastReviewed, LocalDate dateOfBirth) {
    return reviewDue(issuedOrLastReviewed, underFive(dateOfBirth, issuedOrLastReviewed));
  }

  /** The review is due on this day at the latest, for a child who is or is not under 5 on the day counted from. */
  public LocalDate reviewDue(LocalDate issuedOrLastReviewed, boolean underFive) {
    if (underFive) {
      return issuedOrLastReviewed.plus(underFiveCycle);
    }
    return calendar.due(TimeLimit.ANNUAL_REVIEW, issuedOrLastReviewed);
  }

  public static boolean underFive(LocalDate dateOfBirth, LocalDate on) {
    return dateOfBirth != null && dateOfBirth.plusYears(5).isAfter(on);
  }

  /** The day by which a plan must name the new setting, for a transfer on {@code transferDate}. */
  public LocalDate transferDue(PhaseTransfer transfer, LocalDate transferDate) {
    return calendar.due(transfer.timeLimit(), transferDate);
  }
}
