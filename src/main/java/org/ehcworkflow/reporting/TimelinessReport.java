package org.ehcworkflow.reporting;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.process.ReportPeriod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Managers' figures from the deadline ledger: for each time limit, the open steps due in the next 7 days and those
 * already past their deadline; for a period, the share of steps done on time, with and without the cases that have
 * an exception to the time limits (SEND Regs 2014 reg 10(4), 13(3)). Each figure carries the cases behind it.
 * Queries read the ledger through its indexes, never the engine's history. Open disagreements (mediation, appeal,
 * complying with a tribunal's order) are counted from their waiting steps.
 */
public class TimelinessReport {

  /** Cases listed under one figure at most; the count is always exact. */
  static final int CASES_LISTED = 200;

  private final JdbcTemplate jdbc;
  private final Supplier<Disagreements> disagreements;

  /** The report over the ledger, with open disagreements read from the engine's runtime tables in the same database. */
  public TimelinessReport(JdbcTemplate jdbc) {
    this(jdbc, () -> openDisagreements(jdbc));
  }

  /** @param disagreements the open disagreements, for a database without the engine's tables (a ledger test) */
  public TimelinessReport(JdbcTemplate jdbc, Supplier<Disagreements> disagreements) {
    this.jdbc = jdbc;
    this.disagreements = disagreements;
  }

  /** A case behind a figure, with its process instance for Cockpit. */
  public record CaseLink(String caseReference, LocalDate dueDate, LocalDate completedOn, String processInstanceId,
      boolean exception) {
  }

  /** Open steps under one time limit. */
  public record OpenDeadlines(String timeLimit, String title, String legalReference, int dueSoon, int breached,
      List<CaseLink> dueSoonCases, List<CaseLink> breachedCases) {
  }

  /**
   * Steps done in the period under one time limit (and, for advice, one advice giver).
   *
   * @param onTimeRate percentage to one decimal, null when nothing was done
   * @param excludingExceptionsRate the same without the cases that have an exception
   */
  public record Rate(String timeLimit, String title, String scope, int done, int onTime, Double onTimeRate,
      int doneExcludingExceptions, int onTimeExcludingExceptions, Double excludingExceptionsRate,
      List<CaseLink> cases) {
  }

  /** A step of an open disagreement (mediation, appeal) or of complying with a tribunal's order. */
  public record OpenDisagreement(String caseReference, String stage, LocalDate dueDate, String processInstanceId) {
  }

  /**
   * The open disagreements on the report's day: how many cases, how many at each stage (the waiting step's name), and
   * the steps themselves, soonest due first.
   */
  public record Disagreements(int openCases, Map<String, Integer> byStage, List<OpenDisagreement> steps) {

    public static final Disagreements NONE = new Disagreements(0, Map.of(), List.of());
  }

  public record Report(LocalDate asOf, LocalDate from, LocalDate to, List<OpenDeadlines> open, List<Rate> rates,
      Disagreements disagreements) {
  }

  /** The models of disagreements and of complying with the tribunal's orders (the disagreement package's). */
  static final List<String> DISAGREEMENT_MODELS = List.of("ehc-disagreement", "ehc-tribunal-order");

  /**
   * The report for a period given as the caller wrote it: {@code from} and {@code to} as YYYY-MM-DD, by default the
   * calendar year so far (the Department for Education counts plans issued in a calendar year).
   *
   * @throws IllegalArgumentException naming the date at fault
   */
  public Report report(LocalDate today, String from, String to) {
    ReportPeriod period = ReportPeriod.parse(today, from, to);
    return report(today, period.from(), period.to());
  }

  public Report report(LocalDate today, LocalDate from, LocalDate to) {
    ReportPeriod period = new ReportPeriod(from, to);
    return new Report(today, period.from(), period.to(), open(today), rates(from, to), disagreements.get());
  }

  /** The waiting steps of open disagreements and orders: the engine's runtime tasks of those models only. */
  static Disagreements openDisagreements(JdbcTemplate jdbc) {
    List<OpenDisagreement> steps = jdbc.query("select e.business_key_, t.name_, t.due_date_, t.proc_inst_id_ "
        + "from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_ "
        + "join act_ru_execution e on e.id_ = t.proc_inst_id_ where d.key_ in (?, ?) "
        + "order by t.due_date_, e.business_key_", (rs, n) -> new OpenDisagreement(rs.getString(1), rs.getString(2),
            rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toLocalDateTime().toLocalDate(), rs.getString(4)),
        DISAGREEMENT_MODELS.get(0), DISAGREEMENT_MODELS.get(1));
    Map<String, Integer> byStage = new LinkedHashMap<>();
    steps.forEach(step -> byStage.merge(step.stage(), 1, Integer::sum));
    int cases = (int) steps.stream().map(OpenDisagreement::caseReference).distinct().count();
    return new Disagreements(cases, byStage, steps.size() <= CASES_LISTED ? steps : steps.subList(0, CASES_LISTED));
  }

  /** Open steps due from today to 7 days ahead, and open steps whose deadline has passed. */
  List<OpenDeadlines> open(LocalDate today) {
    Map<TimeLimit, List<CaseLink>> soon = openCases("l.due_date >= ? and l.due_date <= ?", today, today.plusDays(7));
    Map<TimeLimit, List<CaseLink>> late = openCases("l.due_date < ?", today);
    List<OpenDeadlines> result = new ArrayList<>();
    for (TimeLimit limit : TimeLimit.values()) {
      List<CaseLink> s = soon.getOrDefault(limit, List.of());
      List<CaseLink> b = late.getOrDefault(limit, List.of());
      if (!s.isEmpty() || !b.isEmpty()) {
        result.add(new OpenDeadlines(limit.name(), limit.title(), limit.legalReference(), s.size(), b.size(),
            head(s), head(b)));
      }
    }
    return result;
  }

  private Map<TimeLimit, List<CaseLink>> openCases(String condition, Object... args) {
    Map<TimeLimit, List<CaseLink>> byLimit = new LinkedHashMap<>();
    jdbc.query("select l.time_limit, l.case_reference, l.due_date, l.process_instance_id, " + EXCEPTION
        + " from deadline_ledger l where l.completed_on is null and " + condition
        + " order by l.due_date, l.case_reference", rs -> {
          byLimit.computeIfAbsent(TimeLimit.valueOf(rs.getString(1)), k -> new ArrayList<>()).add(new CaseLink(
              rs.getString(2), rs.getDate(3).toLocalDate(), null, rs.getString(4), rs.getBoolean(5)));
        }, args);
    return byLimit;
  }

  /**
   * Steps completed in the period, by time limit (advice also by advice giver): a plan within 20 weeks counts only
   * cases that issued a plan; cancelled steps (a withdrawn case) do not count.
   */
  List<Rate> rates(LocalDate from, LocalDate to) {
    Map<String, List<CaseLink>> groups = new LinkedHashMap<>();
    jdbc.query("select l.time_limit, l.scope, l.case_reference, l.due_date, l.completed_on, l.process_instance_id, "
        + EXCEPTION + " from deadline_ledger l "
        + "where l.completed_on >= ? and l.completed_on <= ? and l.outcome = 'COMPLETED' "
        + "and (l.time_limit <> 'FINAL_PLAN' or exists (select 1 from ehc_case c "
        + "where c.case_reference = l.case_reference and c.status = 'PLAN_ISSUED')) "
        + "order by l.time_limit, l.scope, l.completed_on, l.case_reference", rs -> {
          String key = rs.getString(1) + "|" + (rs.getString(2) == null ? "" : rs.getString(2));
          groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new CaseLink(rs.getString(3),
              rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getBoolean(7)));
        }, Date.valueOf(from), Date.valueOf(to));
    List<Rate> rates = new ArrayList<>();
    for (TimeLimit limit : TimeLimit.values()) {
      groups.forEach((key, cases) -> {
        String[] parts = key.split("\\|", -1);
        if (parts[0].equals(limit.name())) {
          rates.add(rate(limit, parts[1].isEmpty() ? null : parts[1], cases));
        }
      });
    }
    return rates;
  }

  static Rate rate(TimeLimit limit, String scope, List<CaseLink> cases) {
    int onTime = (int) cases.stream().filter(TimelinessReport::onTime).count();
    List<CaseLink> withoutExceptions = cases.stream().filter(c -> !c.exception()).toList();
    int onTimeWithout = (int) withoutExceptions.stream().filter(TimelinessReport::onTime).count();
    return new Rate(limit.name(), limit.title(), scope, cases.size(), onTime, percent(onTime, cases.size()),
        withoutExceptions.size(), onTimeWithout, percent(onTimeWithout, withoutExceptions.size()), head(cases));
  }

  private static boolean onTime(CaseLink link) {
    return !link.completedOn().isAfter(link.dueDate());
  }

  static Double percent(int part, int whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
  }

  private static List<CaseLink> head(List<CaseLink> cases) {
    return cases.size() <= CASES_LISTED ? cases : cases.subList(0, CASES_LISTED);
  }

  /**
   * Whether an exception applies to the step: one recorded for the whole case (reg 5(4), 10(4), 13(3)), or one
   * recorded against this advice giver's 6 weeks (reg 8(2)).
   */
  private static final String EXCEPTION = "exists (select 1 from case_exception e "
      + "where e.case_reference = l.case_reference and (e.scope is null or e.scope = l.scope)) as has_exception";
}
