package org.ehcworkflow.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class AuditConfiguration {

  @Bean
  AuditTrail auditTrail(JdbcTemplate jdbc) {
    return new JdbcAuditTrail(jdbc);
  }
}
