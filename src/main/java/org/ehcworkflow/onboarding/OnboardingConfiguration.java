package org.ehcworkflow.onboarding;

import java.time.Duration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.ehcworkflow.annualreview.AnnualReviews;
import org.ehcworkflow.plan.PlanRegister;
import org.ehcworkflow.sen2.Sen2Intake;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
class OnboardingConfiguration {

  /**
   * @param analyzeAfterPlans a load that enters at least this many plans refreshes PostgreSQL's planner statistics
   *     when it finishes ({@code ehc.onboarding.analyze-after-plans}; see {@link PlannerStatistics})
   */
  @Bean
  RegisterCsvImport registerCsvImport(PlanRegister register, AnnualReviews reviews, RuntimeService runtime,
      PlatformTransactionManager transactions, Sen2Intake sen2, JdbcTemplate jdbc,
      ProcessEngineConfigurationImpl engine,
      @Value("${ehc.onboarding.analyze-after-plans:1000}") int analyzeAfterPlans) {
    return new RegisterCsvImport(register, reviews, runtime, new TransactionTemplate(transactions), sen2,
        new PlannerStatistics(jdbc, DbSqlSessionFactory.POSTGRES.equals(engine.getDatabaseType()), analyzeAfterPlans));
  }

  /** One import at a time per node: a council onboards one register, and the job executor does the rest. */
  @Bean(destroyMethod = "shutdown")
  ThreadPoolTaskExecutor registerImportExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(1);
    executor.setMaxPoolSize(1);
    executor.setThreadNamePrefix("register-import-");
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(60);
    executor.initialize();
    return executor;
  }

  /**
   * @param chunkLines lines of the file entered and committed together ({@code ehc.onboarding.chunk-lines})
   * @param lease how long a node holds an import without committing a chunk before another may take it up
   */
  @Bean(destroyMethod = "stop")
  RegisterImports registerImports(JdbcTemplate jdbc, RegisterCsvImport csvImport,
      PlatformTransactionManager transactions, ThreadPoolTaskExecutor registerImportExecutor,
      @Value("${ehc.onboarding.chunk-lines:500}") int chunkLines,
      @Value("${ehc.onboarding.lease:PT2M}") Duration lease) {
    return new RegisterImports(jdbc, csvImport, new TransactionTemplate(transactions), registerImportExecutor,
        chunkLines, lease);
  }

  @Bean
  ResumeImports resumeImports(RegisterImports imports) {
    return new ResumeImports(imports);
  }

  /** Every 30 s ({@code ehc.onboarding.resume-interval}): imports no node holds, cut by a restart, go on. */
  static class ResumeImports {
    private final RegisterImports imports;

    ResumeImports(RegisterImports imports) {
      this.imports = imports;
    }

    @Scheduled(fixedDelayString = "${ehc.onboarding.resume-interval:PT30S}", initialDelayString = "PT5S")
    void resume() {
      imports.resumeStale();
    }
  }

  @Bean
  ImportRegisterCommand importRegisterCommand(RegisterImports imports, ApplicationContext context) {
    return new ImportRegisterCommand(imports, context);
  }
}
