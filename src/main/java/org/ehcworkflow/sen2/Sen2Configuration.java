package org.ehcworkflow.sen2;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.ehcworkflow.partner.PartnerDirectory;
import org.springframework.jdbc.core.JdbcTemplate;

/** The SEN2 return's mapping, store and writer. */
@Configuration
@EnableConfigurationProperties(Sen2Properties.class)
class Sen2Configuration {

  @Bean
  Sen2Mapping sen2Mapping(Sen2Properties properties, ResourceLoader resources) {
    return Sen2Mapping.load(resources.getResource(properties.mapping()));
  }

  @Bean
  JdbcSen2 jdbcSen2(JdbcTemplate jdbc) {
    return new JdbcSen2(jdbc);
  }

  @Bean
  Sen2Intake sen2Intake(JdbcSen2 store, Sen2Mapping mapping) {
    return new Sen2Intake(store, mapping);
  }

  /** The items officers give in Tasklist (the case file, finalising a plan), named {@code sen2Items} in the models. */
  @Bean
  Sen2TaskItems sen2Items(JdbcSen2 store, Sen2Mapping mapping) {
    return new Sen2TaskItems(store, mapping);
  }

  @Bean
  Sen2Returns sen2Returns(JdbcSen2 store, Sen2Mapping mapping, Sen2Properties properties,
      PartnerDirectory directory) {
    return new Sen2Returns(store, mapping, properties.la(), directory::ukprnsBySetting);
  }
}
