package org.ehcworkflow.plan;

import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.document.PlanContent;
import org.ehcworkflow.document.PlanSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class PlanConfiguration {

  @Bean
  PlanRegister planRegister(JdbcTemplate jdbc) {
    return new JdbcPlanRegister(jdbc);
  }

  /** The finalisation's checks, as the models name them ({@code ${finalisation.finalPlan(task)}}, ...). */
  @Bean
  FinalisationDecisions finalisation(CaseFile caseFile, ActiveSettings settings, PlanGate gate, PlanContent plans) {
    return new FinalisationDecisions(caseFile, settings, gate, (caseReference, setting) -> {
      if (plans.workingCopy(caseReference).getOrDefault(PlanSection.I, "").isBlank()) {
        plans.write(caseReference, PlanSection.I, setting, "process:finalise-plan");
      }
    });
  }
}
