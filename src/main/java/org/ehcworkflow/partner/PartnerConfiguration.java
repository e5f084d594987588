package org.ehcworkflow.partner;

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

  @Bean
  PartnerCsvImport partnerCsvImport(PartnerDirectory directory) {
    return new PartnerCsvImport(directory);
  }
}
