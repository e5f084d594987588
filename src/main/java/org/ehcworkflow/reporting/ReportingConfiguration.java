package org.ehcworkflow.reporting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class ReportingConfiguration {

  /** An engine plugin: every model's breach timers keep the ledger. */
  @Bean
  DeadlineLedger deadlineLedger(JdbcTemplate jdbc) {
    return new DeadlineLedger(jdbc);
  }

  @Bean
  TimelinessReport timelinessReport(JdbcTemplate jdbc) {
    return new TimelinessReport(jdbc);
  }
}
