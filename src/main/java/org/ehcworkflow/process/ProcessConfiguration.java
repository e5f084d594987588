package org.ehcworkflow.process;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.annotation.Qualifier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;

/** The kernel's own beans. Each capability wires its beans in its own configuration. */
@Configuration
class ProcessConfiguration {

  /** Refusals answered with their status (400, 404, 409) by every route into the engine. */
  @Bean
  EngineRefusals engineRefusals() {
    return new EngineRefusals();
  }

  /**
   * History without a detail row for each variable change ({@code ehc.history.variable-details=true} keeps them) and
   * without the steps' input values ({@code ehc.history.step-inputs=true} keeps them).
   */
  @Bean
  LeanHistory leanHistory(@Value("${ehc.history.variable-details:false}") boolean variableDetails,
      @Value("${ehc.history.step-inputs:false}") boolean keepStepInputs, StepInputNames stepInputs) {
    return new LeanHistory(variableDetails, keepStepInputs ? Set.of() : stepInputs.names());
  }

  /** Deleting a job skips the incident lookup when its execution is known to have no incident. */
  @Bean
  FailedJobIncidents failedJobIncidents() {
    return new FailedJobIncidents();
  }

  /** Each new row's id checked without first writing the row out as text for a refusal that almost never comes. */
  @Bean
  IdCheckWithoutText idCheckWithoutText() {
    return new IdCheckWithoutText();
  }

  /** A job's definition read from the database only for what can change (its suspension, its priority). */
  @Bean
  SettledJobDefinitions settledJobDefinitions() {
    return new SettledJobDefinitions();
  }

  /**
   * Camunda's job executor, set from {@code camunda.bpm.job-execution.*} as the starter sets its own, running due
   * timers of up to {@code ehc.jobs.timers-per-transaction} cases in one transaction (1: Camunda's own way).
   */
  @Bean
  @ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true",
      matchIfMissing = true)
  JobExecutor jobExecutor(@Qualifier("camundaTaskExecutor") TaskExecutor tasks, CamundaBpmProperties properties,
      @Value("${ehc.jobs.timers-per-transaction}") int timersPerTransaction) {
    TimersTogether executor = new TimersTogether(timersPerTransaction);
    executor.setTaskExecutor(tasks);
    executor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
    JobExecutionProperty settings = properties.getJobExecution();
    Optional.ofNullable(settings.getLockTimeInMillis()).ifPresent(executor::setLockTimeInMillis);
    Optional.ofNullable(settings.getMaxJobsPerAcquisition()).ifPresent(executor::setMaxJobsPerAcquisition);
    Optional.ofNullable(settings.getWaitTimeInMillis()).ifPresent(executor::setWaitTimeInMillis);
    Optional.ofNullable(settings.getMaxWait()).ifPresent(executor::setMaxWait);
    Optional.ofNullable(settings.getBackoffTimeInMillis()).ifPresent(executor::setBackoffTimeInMillis);
    Optional.ofNullable(settings.getMaxBackoff()).ifPresent(executor::setMaxBackoff);
    Optional.ofNullable(settings.getBackoffDecreaseThreshold()).ifPresent(executor::setBackoffDecreaseThreshold);
    Optional.ofNullable(settings.getWaitIncreaseFactor()).ifPresent(executor::setWaitIncreaseFactor);
    return executor;
  }

  /** PostgreSQL: a JDBC batch of inserts into one table sent as one multi-row insert. */
  @Bean
  static BatchedInserts batchedInserts() {
    return new BatchedInserts();
  }

  /** The project's indexes on the engine's tables (Tasklist's sort, the job acquisition), once it has made them. */
  @Bean
  EngineTableIndexes engineTableIndexes() {
    return new EngineTableIndexes();
  }

  /** PostgreSQL: Camunda's indexes on columns the product leaves empty index only the rows with a value. */
  @Bean
  EmptyColumnIndexes emptyColumnIndexes(@Value("${ehc.database.empty-column-indexes}") String indexes) {
    if (!indexes.equals("partial") && !indexes.equals("camunda")) {
      throw new IllegalStateException("ehc.database.empty-column-indexes is 'partial' or 'camunda', not '" + indexes
          + "'");
    }
    return new EmptyColumnIndexes(indexes.equals("partial"));
  }

  /** A process instance's text variables read in one query, for routes that have checked the caller's role. */
  @Bean
  InstanceTexts instanceTexts(JdbcTemplate jdbc) {
    return new InstanceTexts(jdbc);
  }

  /** Engine work for a caller the API has checked, with the application's rights. */
  @Bean
  CheckedCaller checkedCaller(ProcessEngineConfigurationImpl engine) {
    return new CheckedCaller(engine);
  }

  /** What a call activity passes to a step of its own process and gets back ({@code ${calledStepVariables}}). */
  @Bean
  CalledStepVariables calledStepVariables() {
    return new CalledStepVariables();
  }

  /** The application's {@link Clock} is the engine's: one source of time for timers, dates and timestamps. */
  @Bean
  Clock clock() {
    return EngineClock.clock();
  }
}
