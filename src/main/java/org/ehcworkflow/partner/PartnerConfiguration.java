package org.ehcworkflow.partner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class PartnerConfiguration {

  @Bean
  PartnerDirectory partnerDirectory(JdbcTemplate jdbc) {
    return new PartnerDirectory(jdbc);
  }

  @Bean
  PartnerCsvImport partnerCsvImport(PartnerDirectory directory) {
    return new PartnerCsvImport(directory);
  }
}
