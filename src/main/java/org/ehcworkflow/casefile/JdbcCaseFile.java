package org.ehcworkflow.casefile;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ehcworkflow.calendar.TimeLimit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ehcworkflow.process.EngineClock;

/** The case file in the project's own tables, in the caller's transaction (a case number in one of its own). */
public class JdbcCaseFile implements CaseFile {

  private final JdbcTemplate jdbc;
  private final CaseReferenceCounter references;

  public JdbcCaseFile(JdbcTemplate jdbc, CaseReferenceCounter references) {
    this.jdbc = jdbc;
    this.references = references;
  }

  @Override
  public String nextCaseReference(int year) {
    return String.format("EHC-%d-%05d", year, references.next(year));
  }

  @Override
  public boolean exists(String caseReference) {
    Integer count = jdbc.queryForObject("select count(*) from ehc_case where case_reference = ?", Integer.class,
        caseReference);
    return count != null && count > 0;
  }

  @Override
  public void open(OpenedCase c) {
    Timestamp now = Timestamp.from(EngineClock.instant());
    jdbc.update("""
        insert into ehc_case (case_reference, process_instance_id, requester_type, request_received_date,
          council_reference, current_setting_code, status, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, c.caseReference(), c.processInstanceId(), c.requesterType(), Date.valueOf(c.requestReceivedDate()),
        c.councilReference(), c.currentSettingCode(), c.status().name(), now, now);
  }

  @Override
  public void recordRequestDetails(String caseReference, ChildDetails child) {
    jdbc.update("""
        insert into case_request (case_reference, child_given_name, child_family_name, child_date_of_birth,
          contact_email, contact_phone, summary) values (?, ?, ?, ?, ?, ?, ?)
        """, caseReference, child.givenName(), child.familyName(),
        child.dateOfBirth() == null ? null : Date.valueOf(child.dateOfBirth()), child.contactEmail(),
        child.contactPhone(), child.summary());
  }

  @Override
  public Optional<ChildDetails> requestDetails(String caseReference) {
    return jdbc.query("""
        select child_given_name, child_family_name, child_date_of_birth, contact_email, contact_phone, summary
        from case_request where case_reference = ?
        """, (rs, i) -> new ChildDetails(rs.getString(1), rs.getString(2),
        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5),
        rs.getString(6)), caseReference).stream().findFirst();
  }

  @Override
  public Optional<OpenedCase> find(String caseReference) {
    return jdbc.query("""
        select case_reference, process_instance_id, requester_type, request_received_date, council_reference,
          current_setting_code, status
        from ehc_case where case_reference = ?
        """, (rs, i) -> new OpenedCase(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6), CaseStatus.valueOf(rs.getString(7))),
        caseReference)
        .stream().findFirst();
  }

  @Override
  public void recordBreach(String caseReference, TimeLimit limit, String scope, LocalDate due) {
    jdbc.update("""
        insert into case_breach (case_reference, time_limit, scope, due_date, recorded_at)
        select ?, ?, ?, ?, ?
        where not exists (select 1 from case_breach where case_reference = ? and time_limit = ? and scope = ?
          and due_date = ?)
        """, caseReference, limit.name(), scope, Date.valueOf(due), Timestamp.from(EngineClock.instant()),
        caseReference, limit.name(), scope, Date.valueOf(due));
  }

  @Override
  public List<Breach> breaches(String caseReference) {
    return jdbc.query("select time_limit, scope, due_date from case_breach where case_reference = ? order by id",
        (rs, i) -> new Breach(TimeLimit.valueOf(rs.getString(1)), rs.getString(2), rs.getDate(3).toLocalDate()),
        caseReference);
  }

  @Override
  public void recordException(String caseReference, TimeLimitException e) {
    jdbc.update("""
        insert into case_exception (case_reference, reason, details, starts_on, ends_on, recorded_by, recorded_at,
          scope)
        values (?, ?, ?, ?, ?, ?, ?, ?)
        """, caseReference, e.reason().name(), e.details(), Date.valueOf(e.startsOn()),
        e.endsOn() == null ? null : Date.valueOf(e.endsOn()), e.recordedBy(), Timestamp.from(EngineClock.instant()),
        e.scope());
  }

  @Override
  public List<TimeLimitException> exceptions(String caseReference) {
    return jdbc.query("""
        select reason, details, starts_on, ends_on, recorded_by, scope from case_exception
        where case_reference = ? order by id
        """, (rs, i) -> new TimeLimitException(ExceptionReason.valueOf(rs.getString(1)), rs.getString(2),
        rs.getDate(3).toLocalDate(), rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getString(5),
        rs.getString(6)), caseReference);
  }

  @Override
  public void close(String caseReference, CaseStatus status, LocalDate on, String reason) {
    jdbc.update("""
        update ehc_case set status = ?, status_date = ?, status_reason = ?, updated_at = ? where case_reference = ?
        """, status.name(), Date.valueOf(on), reason, Timestamp.from(EngineClock.instant()), caseReference);
  }

  @Override
  public void recordStep(StepRecord record) {
    Timestamp now = Timestamp.from(EngineClock.instant());
    record.facts().forEach((field, value) -> jdbc.update("""
        insert into case_record (case_reference, process_instance_id, step, field, field_value, free_text,
          recorded_on, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, record.caseReference(), record.processInstanceId(), record.step(), field, value,
        record.freeText().contains(field), Date.valueOf(record.recordedOn()), record.recordedBy(), now));
  }

  @Override
  public List<StepRecord> steps(String caseReference) {
    Map<String, StepRecord> byStep = new LinkedHashMap<>();
    jdbc.query("""
        select process_instance_id, step, field, field_value, free_text, recorded_on, recorded_by, recorded_at
        from case_record where case_reference = ? order by id
        """, rs -> {
          String key = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getTimestamp(8).getTime();
          StepRecord step = byStep.get(key);
          if (step == null) {
            step = new StepRecord(caseReference, rs.getString(1), rs.getString(2), new LinkedHashMap<>(),
                new LinkedHashSet<>(), rs.getDate(6).toLocalDate(), rs.getString(7));
            byStep.put(key, step);
          }
          step.facts().put(rs.getString(3), rs.getString(4));
          if (rs.getBoolean(5)) {
            step.freeText().add(rs.getString(3));
          }
        }, caseReference);
    return List.copyOf(byStep.values());
  }

  @Override
  public void assignCoordinator(String caseReference, String userId, LocalDate on, String assignedBy) {
    Timestamp now = Timestamp.from(EngineClock.instant());
    if (jdbc.update("update case_coordinator set user_id = ?, assigned_on = ?, assigned_by = ?, assigned_at = ? "
        + "where case_reference = ?", userId, Date.valueOf(on), assignedBy, now, caseReference) == 0) {
      jdbc.update("insert into case_coordinator (case_reference, user_id, assigned_on, assigned_by, assigned_at) "
          + "values (?, ?, ?, ?, ?)", caseReference, userId, Date.valueOf(on), assignedBy, now);
    }
  }

  @Override
  public Optional<String> coordinator(String caseReference) {
    return jdbc.queryForList("select user_id from case_coordinator where case_reference = ?", String.class,
        caseReference).stream().findFirst();
  }
}
