package org.ehcworkflow.casefile;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class CaseFileConfiguration {

  /** Two connections of its own to the application's database, closed with the application. */
  @Bean
  CaseReferenceCounter caseReferenceCounter(DataSourceProperties database) {
    HikariDataSource pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    pool.setPoolName("case-references");
    pool.setMaximumPoolSize(2);
    pool.setMinimumIdle(1);
    return new CaseReferenceCounter(pool);
  }

  @Bean
  CaseFile caseFile(JdbcTemplate jdbc, CaseReferenceCounter references) {
    return new JdbcCaseFile(jdbc, references);
  }
}
