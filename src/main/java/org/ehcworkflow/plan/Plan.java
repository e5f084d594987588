package org.ehcworkflow.plan;

import java.time.LocalDate;
import java.util.Optional;
import org.ehcworkflow.calendar.PhaseTransfer;
import org.ehcworkflow.calendar.ReviewCycle;
import org.ehcworkflow.calendar.SchoolYears;

/**
 * One maintained (or ceased) EHC plan as the register holds it.
 *
 * @param dateOfBirth the child's date of birth, when the authority recorded it (null otherwise)
 * @param receptionYear the school year (by the year it began) of the child's reception year: derived from the date
 *     of birth, or set from the year group an officer recorded for a child taught out of their year group
 * @param settingUpperAge the statutory upper age of the setting named in the plan (11 for a primary school);
 *     null when the plan names a type of setting rather than one with a known age range
 * @param lastReviewedOn the day of the last review meeting; null until the first review
 * @param nextReviewDue the day the next review is due at the latest
 * @param lastTransferOn the transfer day of the last phase transfer started, so a cohort run never starts it twice
 */
public record Plan(String caseReference, String councilReference, LocalDate dateOfBirth, int receptionYear,
    String contactEmail, String settingCode, String settingName, Integer settingUpperAge, LocalDate issuedOn,
    LocalDate lastReviewedOn, LocalDate nextReviewDue, PlanStatus status, LocalDate ceasedOn,
    LocalDate lastTransferOn, Source source) {

  /** How the plan came into the register. */
  public enum Source { ASSESSMENT, ONBOARDED }

  /** The day the review cycle counts from: the last review, else the issue of the plan. */
  public LocalDate issuedOrLastReviewedOn() {
    return lastReviewedOn != null ? lastReviewedOn : issuedOn;
  }

  public int yearGroupIn(int schoolYear) {
    return schoolYear - receptionYear;
  }

  /**
   * The transfer the child makes at the end of the school year that began in {@code schoolYear}, if they are in
   * the last year group of their setting then.
   */
  public Optional<PhaseTransfer> transferAtEndOf(int schoolYear) {
    if (status != PlanStatus.MAINTAINED || settingUpperAge == null) {
      return Optional.empty();
    }
    int last = SchoolYears.lastYearGroupOfAge(settingUpperAge);
    return yearGroupIn(schoolYear) == last ? Optional.of(PhaseTransfer.leaving(last)) : Optional.empty();
  }

  /** Whether the child is under 5 on the day: from the date of birth, else whether they are in early years. */
  public boolean underFiveOn(LocalDate day) {
    return dateOfBirth != null ? ReviewCycle.underFive(dateOfBirth, day) : yearGroupIn(SchoolYears.schoolYearOf(day)) < 0;
  }

  /** The phase transfer a child leaving this plan's setting makes, whenever that is. */
  public Optional<PhaseTransfer> transferOnLeaving() {
    return settingUpperAge == null ? Optional.empty()
        : Optional.of(PhaseTransfer.leaving(SchoolYears.lastYearGroupOfAge(settingUpperAge)));
  }

  public Plan withNextReviewDue(LocalDate due) {
    return new Plan(caseReference, councilReference, dateOfBirth, receptionYear, contactEmail, settingCode, settingName,
        settingUpperAge, issuedOn, lastReviewedOn, due, status, ceasedOn, lastTransferOn, source);
  }
}
