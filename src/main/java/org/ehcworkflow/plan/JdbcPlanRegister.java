package org.ehcworkflow.plan;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.ehcworkflow.process.EngineClock;

/** The plan register in the project's tables, in the caller's transaction. */
public class JdbcPlanRegister implements PlanRegister {

  private static final String COLUMNS = """
      case_reference, council_reference, child_date_of_birth, reception_year, contact_email, setting_code,
      setting_name, setting_upper_age, issued_on, last_reviewed_on, next_review_due, status, ceased_on,
      last_transfer_on, source""";
  private static final String EVENT = """
      insert into ehc_plan_event (case_reference, event, event_date, details, recorded_by, recorded_at)
      values (?, ?, ?, ?, ?, ?)""";
  private static final RowMapper<Plan> ROW = JdbcPlanRegister::plan;

  private final JdbcTemplate jdbc;

  public JdbcPlanRegister(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Plan> find(String caseReference) {
    return jdbc.query("select " + COLUMNS + " from ehc_plan where case_reference = ?", ROW, caseReference)
        .stream().findFirst();
  }

  @Override
  public boolean enter(Plan p, PlanEvent.Kind event, String details, String recordedBy) {
    return enterAll(List.of(p), java.util.Collections.singletonList(null), event, details, recordedBy)[0];
  }

  @Override
  public boolean[] enterAll(List<Plan> plans, List<LocalDate> cycleStartsOn, PlanEvent.Kind event, String details,
      String recordedBy) {
    Timestamp now = Timestamp.from(EngineClock.instant());
    List<Object[]> rows = new java.util.ArrayList<>(plans.size());
    for (int i = 0; i < plans.size(); i++) {
      Plan p = plans.get(i);
      rows.add(new Object[] {p.caseReference(), p.councilReference(), date(p.dateOfBirth()), p.receptionYear(),
          p.contactEmail(), p.settingCode(), p.settingName(), p.settingUpperAge(), date(p.issuedOn()),
          date(p.lastReviewedOn()), date(p.nextReviewDue()), p.status().name(), date(p.ceasedOn()),
          date(p.lastTransferOn()), p.source().name(), now, now, date(cycleStartsOn.get(i)), p.caseReference()});
    }
    int[] counts = jdbc.batchUpdate("insert into ehc_plan (" + COLUMNS + ", created_at, updated_at, "
        + "review_cycle_starts_on) select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
        + "where not exists (select 1 from ehc_plan where case_reference = ?)", rows);
    boolean[] entered = new boolean[plans.size()];
    List<Object[]> events = new java.util.ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      entered[i] = counts[i] == 1;
      if (entered[i]) {
        Plan p = plans.get(i);
        events.add(new Object[] {p.caseReference(), event.name(),
            date(event == PlanEvent.Kind.ISSUED ? p.issuedOn() : EngineClock.today()), details, recordedBy, now});
      }
    }
    jdbc.batchUpdate(EVENT, events);
    return entered;
  }

  @Override
  public List<String> reviewCyclesDueToStart(LocalDate by, int limit) {
    return jdbc.queryForList("""
        select case_reference from ehc_plan where review_cycle_starts_on <= ? and status = ?
        order by review_cycle_starts_on, case_reference fetch first ? rows only""", String.class, date(by),
        PlanStatus.MAINTAINED.name(), limit);
  }

  @Override
  public boolean takeWaitingReviewCycle(String caseReference) {
    return jdbc.update("update ehc_plan set review_cycle_starts_on = null, updated_at = ? where case_reference = ? "
        + "and review_cycle_starts_on is not null", now(), caseReference) == 1;
  }

  @Override
  public void recordReview(String caseReference, LocalDate meetingDate, LocalDate nextDue, String details,
      String recordedBy) {
    update("update ehc_plan set last_reviewed_on = ?, next_review_due = ?, updated_at = ? where case_reference = ?",
        caseReference, date(meetingDate), date(nextDue), now(), caseReference);
    event(caseReference, PlanEvent.Kind.REVIEWED, meetingDate, details, recordedBy);
  }

  @Override
  public void recordAmendment(String caseReference, LocalDate issuedOn, NamedSetting setting, String recordedBy) {
    if (setting != null) {
      update("""
          update ehc_plan set setting_code = ?, setting_name = ?, setting_upper_age = ?, updated_at = ?
          where case_reference = ?""", caseReference, setting.code(), setting.name(), setting.upperAge(), now(),
          caseReference);
    }
    event(caseReference, PlanEvent.Kind.AMENDED, issuedOn,
        setting == null ? "amended plan issued" : "amended plan issued, naming " + setting.name(), recordedBy);
  }

  @Override
  public void recordTransferStarted(String caseReference, LocalDate transferDay, String details, String recordedBy) {
    update("update ehc_plan set last_transfer_on = ?, updated_at = ? where case_reference = ?", caseReference,
        date(transferDay), now(), caseReference);
    event(caseReference, PlanEvent.Kind.TRANSFER_STARTED, transferDay, details, recordedBy);
  }

  @Override
  public void cease(String caseReference, LocalDate on, String reason, String recordedBy) {
    update("update ehc_plan set status = ?, ceased_on = ?, updated_at = ? where case_reference = ?", caseReference,
        PlanStatus.CEASED.name(), date(on), now(), caseReference);
    event(caseReference, PlanEvent.Kind.CEASED, on, reason, recordedBy);
  }

  @Override
  public List<Plan> maintainedWithSettingAgeRange() {
    return jdbc.query("select " + COLUMNS + " from ehc_plan where status = ? and setting_upper_age is not null "
        + "order by case_reference", ROW, PlanStatus.MAINTAINED.name());
  }

  @Override
  public List<Plan> maintainedAtSetting(String settingCode) {
    return jdbc.query("select " + COLUMNS + " from ehc_plan where status = ? and setting_code = ? "
        + "order by next_review_due, case_reference", ROW, PlanStatus.MAINTAINED.name(), settingCode);
  }

  @Override
  public List<PlanEvent> history(String caseReference) {
    return jdbc.query("""
        select event, event_date, details, recorded_by, recorded_at from ehc_plan_event
        where case_reference = ? order by id""", (rs, i) -> new PlanEvent(PlanEvent.Kind.valueOf(rs.getString(1)),
        rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()),
        caseReference);
  }

  private void update(String sql, String caseReference, Object... args) {
    if (jdbc.update(sql, args) == 0) {
      throw new IllegalStateException("no plan in the register for case " + caseReference);
    }
  }

  private void event(String caseReference, PlanEvent.Kind kind, LocalDate date, String details, String recordedBy) {
    jdbc.update(EVENT, caseReference, kind.name(), date(date), details, recordedBy, now());
  }

  private static Timestamp now() {
    return Timestamp.from(EngineClock.instant());
  }

  private static Date date(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  private static Plan plan(ResultSet rs, int row) throws SQLException {
    int upperAgeValue = rs.getInt("setting_upper_age");
    Integer upperAge = rs.wasNull() ? null : upperAgeValue;
    return new Plan(rs.getString("case_reference"), rs.getString("council_reference"),
        localDate(rs, "child_date_of_birth"), rs.getInt("reception_year"), rs.getString("contact_email"),
        rs.getString("setting_code"), rs.getString("setting_name"), upperAge,
        localDate(rs, "issued_on"), localDate(rs, "last_reviewed_on"), localDate(rs, "next_review_due"),
        PlanStatus.valueOf(rs.getString("status")), localDate(rs, "ceased_on"), localDate(rs, "last_transfer_on"),
        Plan.Source.valueOf(rs.getString("source")));
  }
}
