package org.ehcworkflow.casefile;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class CaseFileConfiguration {

  /**
   * Numbers on the openings' own connections; for creating a year's sequence, a connection of its own to the
   * application's database, held only while it is in use and closed with the application.
   */
  @Bean
  CaseReferenceCounter caseReferenceCounter(DataSource connections, DataSourceProperties database) {
    HikariDataSource pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    pool.setPoolName("case-references");
    pool.setMaximumPoolSize(1);
    pool.setMinimumIdle(0);
    return new CaseReferenceCounter(connections, pool);
  }

  @Bean
  CaseFile caseFile(JdbcTemplate jdbc, CaseReferenceCounter references) {
    return new JdbcCaseFile(jdbc, references);
  }
}
