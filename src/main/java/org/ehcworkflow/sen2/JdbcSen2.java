package org.ehcworkflow.sen2;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ehcworkflow.sen2.Sen2Return.CaseFacts;
import org.ehcworkflow.sen2.Sen2Return.PlanEventRow;
import org.ehcworkflow.sen2.Sen2Return.PlanRow;
import org.ehcworkflow.sen2.Sen2Return.RequestRow;
import org.ehcworkflow.sen2.Sen2Return.StepFact;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SEN2 items officers record ({@code sen2_person}), and everything the return reads: each case with its request
 * details, each plan with its events, the steps that recorded decisions and disagreements, exceptions, and the open
 * phase-transfer deadline. Read once per return, in a handful of queries over the whole register.
 */
public class JdbcSen2 implements Sen2Records {

  /** The steps whose facts the return reads (never free text). */
  private static final List<String> STEPS = List.of("Task_DecideWhetherToAssess", "Disagreement", "Task_HoldMediation",
      "Task_RecordAppeal");

  private final JdbcTemplate jdbc;

  public JdbcSen2(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Sen2Details> details(String caseReference) {
    return jdbc.query("select * from sen2_person where case_reference = ?", (rs, n) -> details(rs), caseReference)
        .stream().findFirst();
  }

  @Override
  public boolean known(String caseReference) {
    Integer found = jdbc.queryForObject("select (select count(*) from ehc_case where case_reference = ?)"
        + " + (select count(*) from ehc_plan where case_reference = ?)", Integer.class, caseReference, caseReference);
    return found != null && found > 0;
  }

  @Override
  public boolean save(String caseReference, Sen2Details d, LocalDate on, String by) {
    if (details(caseReference).filter(d::equals).isPresent()) {
      return false;
    }
    Object[] values = {d.sex(), d.ethnicity(), d.postcode(), d.upn(), d.uln(), d.upnUnknown(), d.requestSource(),
        d.youthCustody(), d.needPrimary(), d.needSecondary(), d.settingType(), d.senUnit(), d.resourcedProvision(),
        d.residential(), d.workBasedLearning(), d.personalBudget(), d.transferredInLa(), d.ceaseReason(),
        Date.valueOf(on), by, caseReference};
    int updated = jdbc.update("""
        update sen2_person set sex = ?, ethnicity = ?, postcode = ?, upn = ?, uln = ?, upn_unknown = ?,
          request_source = ?, youth_custody = ?, need_primary = ?, need_secondary = ?, setting_type = ?, sen_unit = ?,
          resourced_provision = ?, residential = ?, work_based_learning = ?, personal_budget = ?,
          transferred_in_la = ?, cease_reason = ?, updated_on = ?, updated_by = ? where case_reference = ?""", values);
    if (updated == 0) {
      jdbc.update("""
          insert into sen2_person (sex, ethnicity, postcode, upn, uln, upn_unknown, request_source, youth_custody,
            need_primary, need_secondary, setting_type, sen_unit, resourced_provision, residential,
            work_based_learning, personal_budget, transferred_in_la, cease_reason, updated_on, updated_by,
            case_reference) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", values);
    }
    return true;
  }

  /** Every case and plan, with what the return reads about each. */
  public List<CaseFacts> facts() {
    Map<String, RequestRow> requests = new HashMap<>();
    Map<String, String[]> names = new HashMap<>();
    Map<String, LocalDate> born = new HashMap<>();
    jdbc.query("""
        select c.case_reference, c.request_received_date, c.requester_type, c.status, c.status_date,
          r.child_given_name, r.child_family_name, r.child_date_of_birth
        from ehc_case c left join case_request r on r.case_reference = c.case_reference""", rs -> {
      String ref = rs.getString(1);
      requests.put(ref, new RequestRow(date(rs, 2), rs.getString(3), rs.getString(4), date(rs, 5)));
      names.put(ref, new String[] {rs.getString(6), rs.getString(7)});
      if (date(rs, 8) != null) {
        born.put(ref, date(rs, 8));
      }
    });
    Map<String, PlanRow> plans = new HashMap<>();
    jdbc.query("select case_reference, issued_on, setting_code, status, ceased_on, source, child_date_of_birth "
        + "from ehc_plan", rs -> {
          plans.put(rs.getString(1), new PlanRow(date(rs, 2), rs.getString(3), rs.getString(4), date(rs, 5),
              rs.getString(6)));
          if (date(rs, 7) != null) {
            born.putIfAbsent(rs.getString(1), date(rs, 7));
          }
        });
    Map<String, Sen2Details> details = new HashMap<>();
    jdbc.query("select * from sen2_person", rs -> {
      details.put(rs.getString("case_reference"), details(rs));
    });
    Map<String, List<StepFact>> steps = new HashMap<>();
    jdbc.query("select case_reference, process_instance_id, step, field, field_value, recorded_on from case_record "
        + "where free_text = false and step in (" + String.join(",", STEPS.stream().map(s -> "?").toList())
        + ") order by id", rs -> {
          steps.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new StepFact(rs.getString(2),
              rs.getString(3), rs.getString(4), rs.getString(5), date(rs, 6)));
        }, STEPS.toArray());
    Map<String, List<PlanEventRow>> events = new HashMap<>();
    jdbc.query("select case_reference, event, event_date from ehc_plan_event where event in "
        + "('REVIEWED', 'AMENDED', 'CEASED') order by id", rs -> {
          events.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PlanEventRow(rs.getString(2),
              date(rs, 3)));
        });
    Set<String> exceptions = new HashSet<>(jdbc.queryForList("select distinct case_reference from case_exception",
        String.class));
    Map<String, LocalDate> transfers = new HashMap<>();
    jdbc.query("select case_reference, min(due_date) from deadline_ledger where time_limit like 'PHASE_TRANSFER%' "
        + "and completed_on is null and outcome is null group by case_reference", rs -> {
          transfers.put(rs.getString(1), date(rs, 2));
        });
    Set<String> references = new TreeSet<>(requests.keySet());
    references.addAll(plans.keySet());
    List<CaseFacts> all = new ArrayList<>();
    for (String ref : references) {
      String[] name = names.getOrDefault(ref, new String[2]);
      all.add(new CaseFacts(ref, requests.get(ref), name[0], name[1], born.get(ref), details.get(ref), plans.get(ref),
          steps.getOrDefault(ref, List.of()), events.getOrDefault(ref, List.of()), exceptions.contains(ref),
          transfers.get(ref)));
    }
    return all;
  }

  private static Sen2Details details(ResultSet rs) throws SQLException {
    return new Sen2Details(rs.getString("sex"), rs.getString("ethnicity"), rs.getString("postcode"),
        rs.getString("upn"), rs.getString("uln"), rs.getString("upn_unknown"), rs.getString("request_source"),
        bool(rs, "youth_custody"), rs.getString("need_primary"), rs.getString("need_secondary"),
        rs.getString("setting_type"), bool(rs, "sen_unit"), bool(rs, "resourced_provision"), bool(rs, "residential"),
        bool(rs, "work_based_learning"), rs.getString("personal_budget"), rs.getString("transferred_in_la"),
        rs.getString("cease_reason"));
  }

  private static Boolean bool(ResultSet rs, String column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }

  private static LocalDate date(ResultSet rs, int column) throws SQLException {
    Date value = rs.getDate(column);
    return value == null ? null : value.toLocalDate();
  }
}
