package org.ehcworkflow.quality;

import java.sql.Date;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ehcworkflow.document.PlanContent;
import org.ehcworkflow.document.PlanSection;
import org.ehcworkflow.document.PlanVersionFrozen;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.quality.PlanQuality.Assessment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Grades each plan version as it is issued, in the issuing step's transaction, and keeps the grade with what the
 * managers' figures group it by: the setting the plan names, the team of the officer who wrote the plan (the last
 * person to write a section; a Camunda group of type {@code TEAM} they belong to), the day.
 */
public class QualityGrades {

  private static final Logger LOG = LoggerFactory.getLogger(QualityGrades.class);

  private final JdbcTemplate jdbc;
  private final QualityCheck check;
  private final PlanContent plans;
  private final Function<String, String> setting;
  private final Function<String, String> team;

  /**
   * @param setting the setting a case's plan names (or the one it opened with), or null
   * @param team the team of an officer, or null
   */
  public QualityGrades(JdbcTemplate jdbc, QualityCheck check, PlanContent plans, Function<String, String> setting,
      Function<String, String> team) {
    this.jdbc = jdbc;
    this.check = check;
    this.plans = plans;
    this.setting = setting;
    this.team = team;
  }

  @EventListener
  public void onFrozen(PlanVersionFrozen frozen) {
    Map<PlanSection, String> sections = plans.version(frozen.caseReference(), frozen.version()).orElse(Map.of());
    Assessment assessment = check.assess(frozen.caseReference(), sections, QualityCheck.stageOf(frozen.kind()));
    String findings = assessment.findings().stream()
        .map(f -> f.rule() + ":" + f.section() + (f.blocking() ? ":blocking" : "")).collect(Collectors.joining(";"));
    String scores = assessment.sectionScores().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(";"));
    jdbc.update("""
        insert into plan_version_quality (case_reference, version, kind, stage, score, grade, section_scores, findings,
          blocking, issued_on, issued_by, setting, team) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        frozen.caseReference(), frozen.version(), frozen.kind(), QualityCheck.stageOf(frozen.kind()).name(),
        assessment.score(), assessment.grade(), scores, truncate(findings), assessment.blocking().size(),
        Date.valueOf(EngineClock.today()), frozen.frozenBy(), setting.apply(frozen.caseReference()),
        team.apply(author(frozen.caseReference())));
    LOG.info("Plan version {} of case {} graded {} ({})", frozen.version(), frozen.caseReference(),
        assessment.grade(), assessment.score());
  }

  /** The officer who last wrote a section of the plan (not a process step), or null. */
  private String author(String caseReference) {
    return jdbc.queryForList("select updated_by from plan_section where case_reference = ? and updated_by not like "
        + "'process:%' order by updated_at desc", String.class, caseReference).stream().findFirst().orElse(null);
  }

  private static String truncate(String text) {
    return text.length() <= 4000 ? text : text.substring(0, 4000);
  }
}
