package org.ehcworkflow.reporting;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges for managers and operators, refreshed every {@code ehc.metrics.refresh} (30 s) by a few counting queries,
 * so a scrape never touches the database: open cases and open tasks per step, recorded breaches per time limit,
 * deadlines falling due in the next 7 days, notices per delivery status (the outbox backlog and failed notices),
 * overdue jobs and open incidents. Counts only: no case, name or address is in any label.
 */
@Component
class StatutoryMetrics {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final MultiGauge openTasks;
  private final MultiGauge breaches;
  private final MultiGauge notices;
  private final MultiGauge cases;
  private final MultiGauge service;

  StatutoryMetrics(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.cases = MultiGauge.builder("ehc.cases").description("Cases by status in the case file").register(registry);
    this.openTasks = MultiGauge.builder("ehc.tasks.open").description("Open tasks per process step")
        .register(registry);
    this.breaches = MultiGauge.builder("ehc.deadline.breaches")
        .description("Statutory deadlines recorded as missed, per time limit").register(registry);
    this.notices = MultiGauge.builder("ehc.notices").description("Notices per delivery status").register(registry);
    this.service = MultiGauge.builder("ehc.service").description("Deadlines due soon, overdue jobs, open incidents")
        .register(registry);
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready() {
    refresh();
  }

  @Scheduled(fixedDelayString = "${ehc.metrics.refresh:PT30S}", initialDelayString = "${ehc.metrics.refresh:PT30S}")
  void refresh() {
    Timestamp now = Timestamp.from(clock.instant());
    cases.register(rows("select status, count(*) from ehc_case group by status", "status"), true);
    openTasks.register(rows("select TASK_DEF_KEY_, count(*) from ACT_RU_TASK group by TASK_DEF_KEY_", "step"), true);
    breaches.register(rows("select time_limit, count(*) from case_breach group by time_limit", "time_limit"), true);
    notices.register(rows("select status, count(*) from notification_outbox group by status", "status"), true);
    service.register(List.of(
        row("deadlines_due_within_7_days", count(
            "select count(*) from ACT_RU_TASK where DUE_DATE_ >= ? and DUE_DATE_ < ?", now,
            Timestamp.from(clock.instant().plus(Duration.ofDays(7))))),
        row("tasks_overdue", count("select count(*) from ACT_RU_TASK where DUE_DATE_ < ?", now)),
        row("jobs_overdue", count("select count(*) from ACT_RU_JOB where RETRIES_ > 0 and DUEDATE_ < ?",
            Timestamp.from(clock.instant().minus(Duration.ofMinutes(5))))),
        row("incidents_open", count("select count(*) from ACT_RU_INCIDENT"))), true);
  }

  private List<MultiGauge.Row<?>> rows(String sql, String tag) {
    return jdbc.query(sql, (rs, i) -> MultiGauge.Row.of(Tags.of(tag, rs.getString(1)), rs.getLong(2)));
  }

  private static MultiGauge.Row<?> row(String measure, long value) {
    return MultiGauge.Row.of(Tags.of("measure", measure), value);
  }

  private long count(String sql, Object... args) {
    Long value = jdbc.queryForObject(sql, Long.class, args);
    return value == null ? 0 : value;
  }
}
