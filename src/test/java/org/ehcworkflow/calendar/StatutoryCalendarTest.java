package org.ehcworkflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ehcworkflow.process.EngineClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatutoryCalendarTest {

  private final BankHolidays holidays = new BankHolidays(
      List.of(LocalDate.of(2020, 5, 8), LocalDate.of(2022, 6, 2), LocalDate.of(2022, 6, 3),
          LocalDate.of(2022, 9, 19), LocalDate.of(2023, 5, 8)),
      List.of(LocalDate.of(2020, 5, 4), LocalDate.of(2022, 5, 30)));
  private final StatutoryCalendar calendar = new StatutoryCalendar(holidays);

  private LocalDate due(TimeLimit limit, String anchor) {
    return calendar.due(limit, LocalDate.parse(anchor));
  }

  @ParameterizedTest(name = "{0} from {1} is due {2}")
  @CsvSource({
      // §1 needs assessment
      "DECISION_TO_ASSESS, 2026-01-05, 2026-02-16",
      "ADVICE, 2026-02-02, 2026-03-16",
      "DECISION_TO_ISSUE, 2026-01-05, 2026-04-27",
      "FINAL_PLAN, 2026-01-05, 2026-05-25",
      "DRAFT_PLAN, 2026-01-05, 2026-05-10",
      "REPRESENTATIONS, 2026-03-30, 2026-04-13",
      "SETTING_CONSULTATION, 2026-03-30, 2026-04-14",
      // §2 review and amendment
      "ANNUAL_REVIEW, 2026-03-02, 2027-03-02",
      "REVIEW_INVITATIONS, 2026-03-02, 2026-02-16",
      "REVIEW_REPORT, 2026-03-02, 2026-03-16",
      "REVIEW_DECISION, 2026-03-02, 2026-03-30",
      "AMENDED_PLAN, 2026-03-30, 2026-05-25",
      "REVIEW_ADVICE_CIRCULATED, 2026-03-02, 2026-02-16",
      // §3 phase transfer, counted from the day of the transfer
      "PHASE_TRANSFER_SCHOOL, 2027-09-01, 2027-02-15",
      "PHASE_TRANSFER_POST_16, 2027-09-01, 2027-03-31",
      "PHASE_TRANSFER_BETWEEN_POST_16, 2027-09-01, 2027-04-01",
      // §4 mediation and appeal
      "MEDIATION_CONTACT, 2026-01-05, 2026-03-05",
      "MEDIATION_HELD, 2026-01-05, 2026-02-04",
      "ORDER_TO_MAKE_PLAN_DRAFT, 2026-01-05, 2026-02-09",
      "ORDER_TO_MAKE_PLAN_FINAL, 2026-01-05, 2026-03-23",
      "ORDER_TO_ASSESS_NOTICE, 2026-01-05, 2026-01-19",
      "ORDER_TO_ASSESS_NOT_ISSUE, 2026-01-05, 2026-03-16",
      "ORDER_TO_ASSESS_FINAL, 2026-01-05, 2026-04-13",
      "ORDER_TO_AMEND, 2026-01-05, 2026-02-09",
      "ORDER_TO_NAME_SCHOOL, 2026-01-05, 2026-01-19",
  })
  void eachTimeLimitCountsFromItsEvent(TimeLimit limit, String anchor, String expected) {
    assertThat(due(limit, anchor)).isEqualTo(expected);
  }

  @Test
  void finalPlanIsDueTwentyWeeksAfterTheRequestAcrossALeapDay() {
    assertThat(due(TimeLimit.FINAL_PLAN, "2028-01-03")).isEqualTo("2028-05-22");
    assertThat(due(TimeLimit.DECISION_TO_ASSESS, "2028-01-25")).isEqualTo("2028-03-07");
    assertThat(due(TimeLimit.MEDIATION_CONTACT, "2027-12-31")).isEqualTo("2028-02-29");
    assertThat(due(TimeLimit.ANNUAL_REVIEW, "2028-02-29")).isEqualTo("2029-02-28");
  }

  @Test
  void mediationCertificatesCountWorkingDaysOverChristmasAndNewYearSubstitutes() {
    // 2021: Christmas and Boxing Day at the weekend, substitutes Mon 27 and Tue 28; 2022-01-03 substitutes New Year.
    assertThat(due(TimeLimit.MEDIATION_CERTIFICATE, "2021-12-23")).isEqualTo("2021-12-30");
    assertThat(due(TimeLimit.CERTIFICATE_AFTER_MEDIATION, "2021-12-30")).isEqualTo("2022-01-05");
    // Easter 2026: Good Friday 3 April, Easter Monday 6 April.
    assertThat(due(TimeLimit.MEDIATION_CERTIFICATE, "2026-04-02")).isEqualTo("2026-04-09");
  }

  @Test
  void appealDeadlinesLeaveTheTribunalsClosedPeriods() {
    // 2 months from 2026-06-10 is 2026-08-10, in August: moves to the first working day after 31 August.
    assertThat(due(TimeLimit.APPEAL, "2026-06-10")).isEqualTo("2026-09-01");
    // 2 months from 2026-10-27 is 2026-12-27: moves past 1 January 2027 (a Friday) to Monday 4 January.
    assertThat(due(TimeLimit.APPEAL, "2026-10-27")).isEqualTo("2027-01-04");
    assertThat(due(TimeLimit.APPEAL, "2026-01-05")).isEqualTo("2026-03-05");
    // A mediation certificate gives 1 month from the certificate if that is later.
    assertThat(calendar.appealDue(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-02-20")))
        .isEqualTo("2026-03-20");
    assertThat(calendar.appealDue(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-20")))
        .isEqualTo("2026-03-05");
  }

  @ParameterizedTest(name = "{0} is a bank holiday")
  @CsvSource({"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25",
      "2026-12-28", "2022-12-26", "2022-12-27", "2023-01-02", "2021-12-27", "2021-12-28", "2027-12-27",
      "2027-12-28", "2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08", "2024-03-29",
      "2025-04-21", "2019-04-19"})
  void bankHolidaysFollowTheRulesAndProclamations(String day) {
    assertThat(holidays.isBankHoliday(LocalDate.parse(day))).isTrue();
    assertThat(holidays.isWorkingDay(LocalDate.parse(day))).isFalse();
  }

  @ParameterizedTest(name = "{0} is a working day")
  @CsvSource({"2020-05-04", "2022-05-30", "2026-12-29", "2026-04-07", "2027-12-29"})
  void movedAndOrdinaryDaysAreWorkingDays(String day) {
    assertThat(holidays.isWorkingDay(LocalDate.parse(day))).isTrue();
  }

  @Test
  void easterIsComputedForAnyYear() {
    assertThat(BankHolidays.easterSunday(2024)).isEqualTo("2024-03-31");
    assertThat(BankHolidays.easterSunday(2025)).isEqualTo("2025-04-20");
    assertThat(BankHolidays.easterSunday(2038)).isEqualTo("2038-04-25");
    assertThat(holidays.inYear(2026)).hasSize(8);
  }

  @Test
  void eachTimeLimitNamesItsVariablesAndLegalReference() {
    assertThat(TimeLimit.DECISION_TO_ASSESS.dueVariable()).isEqualTo("decisionToAssessDue");
    for (TimeLimit limit : TimeLimit.values()) {
      assertThat(limit.legalReference()).matches(".*(reg|CFA|HESC|Code).*");
    }
  }

  @Test
  void aScheduleSetsDeadlinesOnlyAndRemindersFollowThem() {
    DeadlineSchedule schedule = new DeadlineSchedule(calendar, java.time.Period.ofDays(7));
    assertThat(schedule.variables(LocalDate.parse("2026-01-05"), TimeLimit.DECISION_TO_ASSESS))
        .containsExactly(java.util.Map.entry("decisionToAssessDue", "2026-02-16"));
    Reminders reminders = new Reminders(java.time.Period.ofDays(7));
    assertThat(reminders.day(LocalDate.parse("2026-02-16"), LocalDate.parse("2026-01-05"))).isEqualTo("2026-02-09");
    // 15 days for representations, a 30-day lead time: reminded on the day the clock starts, never before it.
    Reminders longLead = new Reminders(java.time.Period.ofDays(30));
    assertThat(longLead.day(LocalDate.parse("2026-04-13"), LocalDate.parse("2026-03-30"))).isEqualTo("2026-03-30");
  }

  @Test
  void aReminderTimerGoesOffAtNineTheLeadTimeBeforeItsDeadlineOrTodayIfThatDayHasGone() {
    Reminders reminders = new Reminders(java.time.Period.ofDays(7));
    try {
      ClockUtil.setCurrentTime(java.util.Date.from(LocalDate.parse("2026-01-05").atTime(14, 0)
          .atZone(EngineClock.LONDON).toInstant()));
      assertThat(reminders.before("2026-02-16")).isEqualTo("2026-02-09T09:00:00");
      assertThat(reminders.before("2026-01-08")).as("3 working days: today").isEqualTo("2026-01-05T09:00:00");
      assertThatThrownBy(() -> reminders.before(null)).hasMessageContaining("deadline variable");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void instancesOfModelsBeforeDerivedRemindersGetTheReminderVariablesTheyRead() {
    assertThat(DeadlineSchedule.legacyReminderVariable(TimeLimit.FINAL_PLAN)).isEqualTo("finalPlanRemindOn");
    assertThat(DeadlineSchedule.legacyReminderVariable(TimeLimit.ORDER_TO_ASSESS_NOTICE))
        .isEqualTo("orderToAssessNoticeRemindOn");
    DeadlineSchedule schedule = new DeadlineSchedule(calendar, java.time.Period.ofDays(30));
    assertThat(schedule.legacyReminderDay(LocalDate.parse("2026-03-30"), LocalDate.parse("2026-04-13")))
        .isEqualTo("2026-03-30");
    assertThat(schedule.legacyReminderDay(LocalDate.parse("2026-03-20"), LocalDate.parse("2026-03-06")))
        .as("counted back from a meeting: the full lead time").isEqualTo("2026-02-04");
  }
}
