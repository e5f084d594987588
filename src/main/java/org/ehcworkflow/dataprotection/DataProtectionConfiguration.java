package org.ehcworkflow.dataprotection;

import org.camunda.bpm.engine.HistoryService;
import org.ehcworkflow.process.EngineClock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.ehcworkflow.audit.AuditTrail;

@Configuration
@EnableConfigurationProperties(RetentionProperties.class)
class DataProtectionConfiguration {

  /** An engine plugin: every completed task goes into the audit trail. */
  @Bean
  AuditedTasks auditedTasks(AuditTrail audit) {
    return new AuditedTasks(audit);
  }

  @Bean
  SubjectAccessExport subjectAccessExport(JdbcTemplate jdbc, HistoryService history) {
    return new SubjectAccessExport(jdbc, history);
  }

  @Bean
  Anonymiser anonymiser(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditTrail audit,
      RetentionProperties policy) {
    return new Anonymiser(jdbc, new TransactionTemplate(transactions), audit, policy);
  }

  @Bean
  RetentionRun retentionRun(Anonymiser anonymiser) {
    return new RetentionRun(anonymiser);
  }

  /** The nightly run of the retention policy. */
  static class RetentionRun {
    private final Anonymiser anonymiser;

    RetentionRun(Anonymiser anonymiser) {
      this.anonymiser = anonymiser;
    }

    @Scheduled(cron = "${ehc.retention.cron:0 30 2 * * *}", zone = "Europe/London")
    void run() {
      anonymiser.anonymiseDue(EngineClock.today());
    }
  }
}
