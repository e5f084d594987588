package org.ehcworkflow.partner;

import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.plan.ActiveSettings;
import org.ehcworkflow.plan.Plan;
import org.ehcworkflow.plan.PlanRegister;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class PartnerConfiguration {

  @Bean
  PartnerDirectory partnerDirectory(JdbcTemplate jdbc, ApplicationEventPublisher events) {
    return new PartnerDirectory(jdbc, partner -> events.publishEvent(new PartnerSaved(partner)));
  }

  /** The plan's finalisation checks a named or requested setting against the directory. */
  @Bean
  ActiveSettings activeSettings(PartnerDirectory directory) {
    return directory::hasActiveSetting;
  }

  @Bean
  PartnerTeams partnerTeams(JdbcTemplate jdbc, PartnerDirectory directory, ApplicationEventPublisher events) {
    return new PartnerTeams(jdbc, directory, events::publishEvent);
  }

  @Bean
  PartnerCsvImport partnerCsvImport(PartnerDirectory directory) {
    return new PartnerCsvImport(directory);
  }

  /** Each setting's own group for the tasks meant for it: the setting the case's plan names, else the one it opened with. */
  @Bean
  SettingGroups settingGroups(PlanRegister register, CaseFile caseFile) {
    return new SettingGroups(caseReference -> register.find(caseReference).map(Plan::settingCode)
        .filter(code -> !code.isBlank())
        .or(() -> caseFile.find(caseReference).map(CaseFile.OpenedCase::currentSettingCode)
            .filter(code -> code != null && !code.isBlank())));
  }
}
