package org.ehcworkflow.needsassessment;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.ehcworkflow.calendar.DeadlineSchedule;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.partner.PartnerDirectory;
import org.ehcworkflow.partner.PartnerTeams;
import org.ehcworkflow.partner.SettingGroups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The needs assessment's beans, under the names its model gives them ({@code ${openCase}}, {@code ${decisions}}, ...). */
@Configuration
class NeedsAssessmentConfiguration {

  @Bean
  OpenCaseListener openCase(CaseFile caseFile, DeadlineSchedule schedule, PartnerDirectory partners) {
    return new OpenCaseListener(caseFile, schedule, partners::hasActiveSetting);
  }

  @Bean
  TaskDecisions decisions(CaseFile caseFile) {
    return new TaskDecisions(caseFile);
  }

  @Bean
  Caseload caseload(CaseFile caseFile, IdentityService identity) {
    return new Caseload(caseFile, identity);
  }

  @Bean
  CaseOpening caseOpening(RuntimeService runtime, CaseFile caseFile) {
    return new CaseOpening(runtime, caseFile);
  }

  @Bean
  AdviceRequests adviceRequests(SettingGroups settingGroups, PartnerTeams teams) {
    return new AdviceRequests(settingGroups, teams::groups);
  }
}
