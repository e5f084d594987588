package org.ehcworkflow.plan;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class PlanConfiguration {

  @Bean
  PlanRegister planRegister(JdbcTemplate jdbc) {
    return new JdbcPlanRegister(jdbc);
  }
}
