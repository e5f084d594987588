package org.ehcworkflow.quality;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.ehcworkflow.calendar.SchoolYears;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.document.PlanContent;
import org.ehcworkflow.plan.Plan;
import org.ehcworkflow.plan.PlanGate;
import org.ehcworkflow.plan.PlanRegister;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.quality.PlanQuality.AdviceReceived;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class QualityConfiguration {

  /** The rules: the shipped file, or a council's own ({@code ehc.plan-quality.rules}, a file path). */
  @Bean
  PlanQuality planQuality(@Value("${ehc.plan-quality.rules:}") String rules) throws IOException {
    if (rules.isBlank()) {
      return PlanQuality.fromClasspath();
    }
    try (InputStream in = Files.newInputStream(Path.of(rules))) {
      return PlanQuality.read(in);
    }
  }

  /** The plan's finalisation asks this before it serves a draft or issues a plan: the blocking findings. */
  @Bean
  PlanGate planGate(QualityCheck quality) {
    return (caseReference, stage) -> quality.workingCopy(caseReference, PlanQuality.Stage.valueOf(stage.name()))
        .blocking().stream().map(finding -> new PlanGate.Blocking(finding.rule(), finding.section(), finding.message()))
        .toList();
  }

  @Bean
  QualityCheck qualityCheck(PlanQuality rules, PlanContent plans, PlanRegister register, CaseFile caseFile) {
    return new QualityCheck(rules, plans, caseReference -> yearGroup(caseReference, register, caseFile),
        caseReference -> advice(caseReference, caseFile));
  }

  /** The child's year group today: from the plan register, else from the date of birth the request gave. */
  static Integer yearGroup(String caseReference, PlanRegister register, CaseFile caseFile) {
    LocalDate today = EngineClock.today();
    return register.find(caseReference).map(plan -> plan.yearGroupIn(SchoolYears.schoolYearOf(today)))
        .orElseGet(() -> caseFile.requestDetails(caseReference).map(CaseFile.ChildDetails::dateOfBirth)
            .map(born -> SchoolYears.yearGroupOn(born, 0, today)).orElse(null));
  }

  /** Advice received, from each completed advice step of the case (its giver and day). */
  static List<AdviceReceived> advice(String caseReference, CaseFile caseFile) {
    return caseFile.steps(caseReference).stream().filter(step -> "Task_ProvideAdvice".equals(step.step()))
        .filter(step -> step.facts().containsKey("adviceGiver"))
        .map(step -> new AdviceReceived(step.facts().get("adviceGiver"), step.recordedOn())).toList();
  }

  @Bean
  QualityGrades qualityGrades(JdbcTemplate jdbc, QualityCheck check, PlanContent plans, PlanRegister register,
      CaseFile caseFile, IdentityService identity) {
    return new QualityGrades(jdbc, check, plans,
        caseReference -> register.find(caseReference).map(Plan::settingName)
            .orElseGet(() -> caseFile.find(caseReference).map(CaseFile.OpenedCase::currentSettingCode).orElse(null)),
        officer -> officer == null ? null : identity.createGroupQuery().groupMember(officer).groupType("TEAM").list()
            .stream().map(group -> group.getName() == null ? group.getId() : group.getName()).sorted().findFirst()
            .orElse(null));
  }

  @Bean
  QualityReport qualityReport(JdbcTemplate jdbc) {
    return new QualityReport(jdbc);
  }
}
