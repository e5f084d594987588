package org.ehcworkflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PhaseTransferAndReviewCycleTest {

  private final ReviewCycle cycle = new ReviewCycle(new StatutoryCalendar(BankHolidays.rulesOnly()), Period.ofMonths(6));

  @ParameterizedTest(name = "born {0}: year group {2} in the school year beginning {1}")
  @CsvSource({
      "2015-09-01, 2026, 6",
      "2016-08-31, 2026, 6",
      "2016-09-01, 2026, 5",
      "2010-10-15, 2026, 11",
      "2022-03-01, 2026, 0",
      "2022-09-01, 2026, -1",
      "2009-01-31, 2026, 13",
  })
  void yearGroupsFollowTheSeptemberToAugustCohort(String born, int schoolYear, int yearGroup) {
    assertThat(SchoolYears.yearGroup(LocalDate.parse(born), 0, schoolYear)).isEqualTo(yearGroup);
  }

  @Test
  void schoolYearsBeginInSeptemberAndOffsetsMoveAChildOutOfYearGroup() {
    assertThat(SchoolYears.schoolYearOf(LocalDate.parse("2026-09-01"))).isEqualTo(2026);
    assertThat(SchoolYears.schoolYearOf(LocalDate.parse("2027-08-31"))).isEqualTo(2026);
    LocalDate born = LocalDate.parse("2016-01-10");
    LocalDate day = LocalDate.parse("2026-11-22");
    int offset = SchoolYears.offsetFor(born, 5, day);
    assertThat(offset).isEqualTo(-1);
    assertThat(SchoolYears.yearGroupOn(born, offset, day)).isEqualTo(5);
    assertThat(SchoolYears.receptionYear(born, 0)).isEqualTo(2020);
    assertThat(SchoolYears.receptionYear(born, offset)).isEqualTo(2021);
    assertThat(SchoolYears.receptionYearOf(5, day)).isEqualTo(2021);
    assertThat(SchoolYears.label(0)).isEqualTo("Reception");
    assertThat(SchoolYears.label(9)).isEqualTo("Year 9");
  }

  @ParameterizedTest(name = "a setting up to age {0} leads to {1}")
  @CsvSource({
      "4, EARLY_YEARS_TO_SCHOOL", "7, INFANT_TO_JUNIOR", "9, PRIMARY_TO_MIDDLE", "11, PRIMARY_TO_SECONDARY",
      "13, MIDDLE_TO_SECONDARY", "16, SECONDARY_TO_POST_16", "18, POST_16_TO_POST_16", "19, POST_16_TO_POST_16",
  })
  void theSettingsAgeRangeDecidesTheTransfer(int highAge, PhaseTransfer transfer) {
    assertThat(PhaseTransfer.leaving(SchoolYears.lastYearGroupOfAge(highAge))).isEqualTo(transfer);
  }

  @Test
  void transferDeadlinesFollowRegulation18() {
    // A child in year 6 in 2026/27 moves to secondary school on 1 September 2027.
    LocalDate yearSix = LocalDate.parse("2016-02-01");
    assertThat(SchoolYears.yearGroup(yearSix, 0, 2026)).isEqualTo(6);
    LocalDate transferDay = SchoolYears.transferDayAfter(2026);
    assertThat(transferDay).isEqualTo("2027-09-01");
    assertThat(cycle.transferDue(PhaseTransfer.leaving(6), transferDay)).isEqualTo("2027-02-15");
    // Year 11 in 2026/27: secondary to post-16 by 31 March.
    assertThat(cycle.transferDue(PhaseTransfer.leaving(11), transferDay)).isEqualTo("2027-03-31");
    // Post-16 to post-16: at least 5 months before the transfer.
    assertThat(cycle.transferDue(PhaseTransfer.POST_16_TO_POST_16, LocalDate.parse("2027-01-10")))
        .isEqualTo("2026-08-10");
    assertThat(cycle.transferDue(PhaseTransfer.EARLY_YEARS_TO_SCHOOL, transferDay)).isEqualTo("2027-02-15");
  }

  @Test
  void reviewsFallDueTwelveMonthsOnOrSoonerForUnderFives() {
    assertThat(cycle.reviewDue(LocalDate.parse("2026-03-02"), LocalDate.parse("2012-05-01"))).isEqualTo("2027-03-02");
    // Under 5 on the day of the last review: every 6 months here (configurable, 3 to 6).
    assertThat(cycle.reviewDue(LocalDate.parse("2026-03-02"), LocalDate.parse("2022-05-01"))).isEqualTo("2026-09-02");
    // Turned 5 on the day: the yearly cycle.
    assertThat(cycle.reviewDue(LocalDate.parse("2027-05-01"), LocalDate.parse("2022-05-01"))).isEqualTo("2028-05-01");
    assertThat(new ReviewCycle(new StatutoryCalendar(BankHolidays.rulesOnly()), Period.ofMonths(3))
        .reviewDue(LocalDate.parse("2026-03-02"), LocalDate.parse("2023-01-01"))).isEqualTo("2026-06-02");
    assertThatThrownBy(() -> new ReviewCycle(new StatutoryCalendar(BankHolidays.rulesOnly()), Period.ofMonths(9)))
        .hasMessageContaining("3 to 6 whole months");
  }

  @Test
  void aDeadlineCountedBackFromAMeetingKeepsItsFullReminderLeadTime() {
    DeadlineSchedule schedule = new DeadlineSchedule(new StatutoryCalendar(BankHolidays.rulesOnly()), Period.ofDays(7));
    var variables = schedule.variables(LocalDate.parse("2026-03-20"), TimeLimit.REVIEW_ADVICE_CIRCULATED,
        TimeLimit.REVIEW_REPORT);
    assertThat(variables).containsOnly(Map.entry("reviewAdviceCirculatedDue", "2026-03-06"),
        Map.entry("reviewReportDue", "2026-04-03"));
    // The meeting arranged on 2 February: the advice's reminder a week before its deadline, before the meeting.
    Reminders reminders = new Reminders(Period.ofDays(7));
    assertThat(reminders.day(LocalDate.parse("2026-03-06"), LocalDate.parse("2026-02-02"))).isEqualTo("2026-02-27");
    assertThat(reminders.day(LocalDate.parse("2026-04-03"), LocalDate.parse("2026-02-02"))).isEqualTo("2026-03-27");
  }
}
