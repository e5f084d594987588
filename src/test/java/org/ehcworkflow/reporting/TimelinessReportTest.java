package org.ehcworkflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.ehcworkflow.reporting.TimelinessReport.CaseLink;
import org.ehcworkflow.reporting.TimelinessReport.OpenDeadlines;
import org.ehcworkflow.reporting.TimelinessReport.Rate;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Each figure on a crafted ledger with known answers, on the project's own schema (H2, migrations applied). */
class TimelinessReportTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  static final LocalDate FROM = LocalDate.of(2026, 1, 1);
  static final LocalDate TO = LocalDate.of(2026, 12, 31);

  JdbcTemplate jdbc;
  TimelinessReport report;
  int row;

  @BeforeEach
  void schema() {
    DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:timeliness-" + System.nanoTime()
        + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
    jdbc = new JdbcTemplate(data);
    // The ledger's own schema only: no engine tables, so no open disagreements to read.
    report = new TimelinessReport(jdbc, () -> TimelinessReport.Disagreements.NONE);
  }

  @Test
  void twentyWeekRateWithAndWithoutExceptionsOverACalendarYear() {
    // 10 plans issued in 2026: 7 on time, 3 late, one of the late ones with an exception.
    for (int i = 1; i <= 7; i++) {
      plan("ON-" + i, "2026-03-0" + i, "2026-03-01");
    }
    plan("LATE-1", "2026-04-01", "2026-04-10");
    plan("LATE-2", "2026-06-01", "2026-06-02");
    plan("LATE-X", "2026-12-30", "2026-12-31");
    exception("LATE-X");
    // Outside the year, on either side of its boundaries: not counted.
    plan("DEC-2025", "2025-12-31", "2025-12-31");
    plan("JAN-2027", "2027-01-01", "2027-01-01");
    // Still open, though past its deadline: breached, not in the rate.
    openCase("OPEN-LATE");
    ledger("OPEN-LATE", "FINAL_PLAN", null, "2026-11-01", null, null);
    // A refusal (no plan issued) and a withdrawn case do not count as plans.
    closedCase("REFUSED", "NO_PLAN");
    ledger("REFUSED", "FINAL_PLAN", null, "2026-05-01", "2026-04-01", "COMPLETED");
    closedCase("WITHDRAWN", "WITHDRAWN");
    ledger("WITHDRAWN", "FINAL_PLAN", null, "2026-05-01", "2026-04-01", "CANCELLED");

    Rate rate = rate("FINAL_PLAN", null);
    assertThat(rate.done()).isEqualTo(10);
    assertThat(rate.onTime()).isEqualTo(7);
    assertThat(rate.onTimeRate()).isEqualTo(70.0);
    assertThat(rate.doneExcludingExceptions()).isEqualTo(9);
    assertThat(rate.excludingExceptionsRate()).isEqualTo(77.8);
    assertThat(rate.cases()).extracting(CaseLink::caseReference).contains("LATE-X").doesNotContain("DEC-2025",
        "JAN-2027", "OPEN-LATE", "REFUSED", "WITHDRAWN");
    assertThat(rate.cases()).filteredOn(c -> c.caseReference().equals("LATE-X")).singleElement()
        .satisfies(c -> assertThat(c.exception()).isTrue());

    Rate previousYear = report.report(TODAY, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).rates().get(0);
    assertThat(previousYear.done()).isOne();
    assertThat(previousYear.onTimeRate()).isEqualTo(100.0);
  }

  @Test
  void adviceIsRatedPerAdviceGiverAndTransfersPerDeadline() {
    openCase("A1");
    ledger("A1", "ADVICE", "HEALTH", "2026-03-16", "2026-03-10", "COMPLETED");
    ledger("A1", "ADVICE", "HEALTH", "2026-03-16", "2026-03-20", "COMPLETED");
    ledger("A1", "ADVICE", "EDUCATIONAL_PSYCHOLOGY", "2026-03-16", "2026-03-16", "COMPLETED");
    for (int i = 1; i <= 4; i++) {
      ledger("T" + i, "PHASE_TRANSFER_SCHOOL", null, "2026-02-15", i == 4 ? "2026-02-16" : "2026-02-1" + i,
          "COMPLETED");
    }
    ledger("T5", "PHASE_TRANSFER_POST_16", null, "2026-03-31", "2026-03-31", "COMPLETED");

    assertThat(rate("ADVICE", "HEALTH").onTimeRate()).isEqualTo(50.0);
    assertThat(rate("ADVICE", "EDUCATIONAL_PSYCHOLOGY").onTimeRate()).isEqualTo(100.0);
    assertThat(rate("PHASE_TRANSFER_SCHOOL", null).onTimeRate()).isEqualTo(75.0);
    assertThat(rate("PHASE_TRANSFER_POST_16", null).onTimeRate()).isEqualTo(100.0);
  }

  @Test
  void openStepsDueThisWeekAndAlreadyBreachedEachListTheirCases() {
    openCase("D1");
    ledger("D1", "DECISION_TO_ASSESS", null, "2026-11-22", null, null);
    ledger("D2", "DECISION_TO_ASSESS", null, "2026-11-29", null, null);
    ledger("D3", "DECISION_TO_ASSESS", null, "2026-11-30", null, null);
    ledger("D4", "DECISION_TO_ASSESS", null, "2026-11-21", null, null);
    ledger("D5", "DECISION_TO_ASSESS", null, "2026-11-20", "2026-11-20", "COMPLETED");
    ledger("R1", "ANNUAL_REVIEW", null, "2026-10-01", null, null);

    OpenDeadlines decisions = open("DECISION_TO_ASSESS");
    assertThat(decisions.dueSoon()).isEqualTo(2);
    assertThat(decisions.dueSoonCases()).extracting(CaseLink::caseReference).containsExactly("D1", "D2");
    assertThat(decisions.breached()).isOne();
    assertThat(decisions.breachedCases()).singleElement().satisfies(c -> {
      assertThat(c.caseReference()).isEqualTo("D4");
      assertThat(c.processInstanceId()).isEqualTo("pi-D4");
    });
    assertThat(open("ANNUAL_REVIEW").breached()).isOne();
    assertThat(report.report(TODAY, FROM, TO).open()).extracting(OpenDeadlines::timeLimit)
        .containsExactly("DECISION_TO_ASSESS", "ANNUAL_REVIEW");
  }

  @Test
  void aPeriodEndingBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> report.report(TODAY, TO, FROM)).hasMessageContaining("is before from");
  }

  private Rate rate(String limit, String scope) {
    return report.report(TODAY, FROM, TO).rates().stream()
        .filter(r -> r.timeLimit().equals(limit) && java.util.Objects.equals(r.scope(), scope)).findFirst()
        .orElseThrow();
  }

  private OpenDeadlines open(String limit) {
    return report.report(TODAY, FROM, TO).open().stream().filter(o -> o.timeLimit().equals(limit)).findFirst()
        .orElseThrow();
  }

  private void plan(String reference, String due, String issued) {
    closedCase(reference, "PLAN_ISSUED");
    ledger(reference, "FINAL_PLAN", null, due, issued, "COMPLETED");
  }

  private void openCase(String reference) {
    closedCase(reference, "OPEN");
  }

  private void closedCase(String reference, String status) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("""
        insert into ehc_case (case_reference, requester_type, request_received_date, status, created_at, updated_at)
        values (?, 'PARENT', ?, ?, ?, ?)""", reference, Date.valueOf("2026-01-05"), status, now, now);
  }

  @Test
  void anAdviceExceptionCountsForThatAdviceGiverAlone() {
    openCase("AX");
    ledger("AX", "ADVICE", "HEALTH", "2026-03-16", "2026-03-30", "COMPLETED");
    ledger("AX", "ADVICE", "SOCIAL_CARE", "2026-03-16", "2026-03-30", "COMPLETED");
    ledger("AX", "DECISION_TO_ISSUE", null, "2026-04-27", "2026-04-28", "COMPLETED");
    jdbc.update("""
        insert into case_exception (case_reference, reason, starts_on, recorded_at, scope)
        values ('AX', 'E_MISSED_APPOINTMENT', ?, ?, 'HEALTH')""", Date.valueOf("2026-03-01"),
        Timestamp.from(Instant.now()));

    Rate health = rate("ADVICE", "HEALTH");
    assertThat(health.onTimeRate()).isEqualTo(0.0);
    assertThat(health.doneExcludingExceptions()).as("reg 8(2) excuses health's 6 weeks").isZero();
    assertThat(health.cases()).singleElement().satisfies(c -> assertThat(c.exception()).isTrue());
    assertThat(rate("ADVICE", "SOCIAL_CARE").doneExcludingExceptions()).as("not social care's").isEqualTo(1);
    assertThat(rate("DECISION_TO_ISSUE", null).doneExcludingExceptions()).as("nor the case's 16 weeks").isEqualTo(1);
  }

  @Test
  void theSameLimitMissedInALaterCycleIsABreachOfItsOwn() {
    org.ehcworkflow.casefile.JdbcCaseFile caseFile = new org.ehcworkflow.casefile.JdbcCaseFile(jdbc,
        new org.ehcworkflow.casefile.CaseReferenceCounter(jdbc.getDataSource()));
    caseFile.recordBreach("PLAN-1", org.ehcworkflow.calendar.TimeLimit.ANNUAL_REVIEW, "case", LocalDate.of(2026, 3, 1));
    caseFile.recordBreach("PLAN-1", org.ehcworkflow.calendar.TimeLimit.ANNUAL_REVIEW, "case", LocalDate.of(2026, 3, 1));
    caseFile.recordBreach("PLAN-1", org.ehcworkflow.calendar.TimeLimit.ANNUAL_REVIEW, "case", LocalDate.of(2027, 3, 1));
    assertThat(caseFile.breaches("PLAN-1")).extracting(b -> b.due()).as("once per deadline, never dropped")
        .containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 3, 1));
  }

  private void exception(String reference) {
    jdbc.update("""
        insert into case_exception (case_reference, reason, starts_on, recorded_at)
        values (?, 'C_EXCEPTIONAL_PERSONAL_CIRCUMSTANCES', ?, ?)""", reference, Date.valueOf("2026-02-01"),
        Timestamp.from(Instant.now()));
  }

  private void ledger(String reference, String limit, String scope, String due, String completed, String outcome) {
    row++;
    jdbc.update("""
        insert into deadline_ledger (activity_instance_id, process_instance_id, process_key, activity_id,
          case_reference, time_limit, scope, due_date, opened_on, completed_on, outcome)
        values (?, ?, 'ehc-needs-assessment', 'Task_X', ?, ?, ?, ?, ?, ?, ?)""", "ai-" + row, "pi-" + reference,
        reference, limit, scope, Date.valueOf(due), Date.valueOf("2026-01-05"),
        completed == null ? null : Date.valueOf(completed), outcome);
  }
}
