package org.ehcworkflow.quality;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ehcworkflow.process.ReportPeriod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Managers' "Plan quality" figures: the grades of the plan versions issued in a period, overall, by team, by setting
 * and by month, each figure with the plans behind it. Read from {@code plan_version_quality} only.
 */
public class QualityReport {

  static final int PLANS_LISTED = 200;

  private final JdbcTemplate jdbc;

  public QualityReport(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record PlanLink(String caseReference, int version, String kind, String grade, int score, LocalDate issuedOn,
      String findings) {
  }

  /** One group's plans by grade ({@code A} to {@code D}), with the plans behind each grade. */
  public record Distribution(String group, int plans, Double meanScore, Map<String, Integer> byGrade,
      Map<String, List<PlanLink>> plansByGrade) {
  }

  public record Report(LocalDate from, LocalDate to, Distribution overall, List<Distribution> byTeam,
      List<Distribution> bySetting, List<Distribution> byMonth, Map<String, Integer> findingsByRule) {
  }

  public Report report(ReportPeriod period) {
    LocalDate from = period.from();
    LocalDate to = period.to();
    List<Map<String, Object>> rows = jdbc.queryForList("""
        select case_reference, version, kind, grade, score, issued_on, findings, coalesce(team, '(no team)') as team,
          coalesce(setting, '(no setting named)') as setting
        from plan_version_quality where issued_on >= ? and issued_on <= ? order by issued_on, case_reference""",
        Date.valueOf(from), Date.valueOf(to));
    Map<String, Integer> findingsByRule = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      String findings = (String) row.get("findings");
      if (findings != null && !findings.isBlank()) {
        for (String finding : findings.split(";")) {
          findingsByRule.merge(finding.split(":")[0], 1, Integer::sum);
        }
      }
    }
    return new Report(from, to, distribution("all", rows), grouped(rows, "team"), grouped(rows, "setting"),
        grouped(rows, "month"), findingsByRule);
  }

  private static List<Distribution> grouped(List<Map<String, Object>> rows, String by) {
    Map<String, List<Map<String, Object>>> groups = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      String key = by.equals("month") ? date(row).toString().substring(0, 7) : (String) row.get(by);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    List<Distribution> result = new ArrayList<>();
    groups.forEach((group, members) -> result.add(distribution(group, members)));
    return result;
  }

  private static Distribution distribution(String group, List<Map<String, Object>> rows) {
    Map<String, Integer> byGrade = new LinkedHashMap<>();
    Map<String, List<PlanLink>> plans = new LinkedHashMap<>();
    for (String grade : List.of("A", "B", "C", "D")) {
      byGrade.put(grade, 0);
      plans.put(grade, new ArrayList<>());
    }
    double total = 0;
    for (Map<String, Object> row : rows) {
      String grade = (String) row.get("grade");
      byGrade.merge(grade, 1, Integer::sum);
      List<PlanLink> listed = plans.computeIfAbsent(grade, g -> new ArrayList<>());
      int score = ((Number) row.get("score")).intValue();
      total += score;
      if (listed.size() < PLANS_LISTED) {
        listed.add(new PlanLink((String) row.get("case_reference"), ((Number) row.get("version")).intValue(),
            (String) row.get("kind"), grade, score, date(row), (String) row.get("findings")));
      }
    }
    Double mean = rows.isEmpty() ? null : Math.round(10.0 * total / rows.size()) / 10.0;
    return new Distribution(group, rows.size(), mean, byGrade, plans);
  }

  private static LocalDate date(Map<String, Object> row) {
    Object value = row.get("issued_on");
    return value instanceof Date date ? date.toLocalDate() : LocalDate.parse(value.toString());
  }
}
