package org.ehcworkflow.casefile;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class CaseFileConfiguration {

  @Bean
  CaseFile caseFile(JdbcTemplate jdbc) {
    return new JdbcCaseFile(jdbc);
  }
}
