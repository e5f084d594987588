package org.ehcworkflow.onboarding;

import org.camunda.bpm.engine.RuntimeService;
import org.ehcworkflow.annualreview.AnnualReviews;
import org.ehcworkflow.plan.PlanRegister;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
class OnboardingConfiguration {

  @Bean
  RegisterCsvImport registerCsvImport(PlanRegister register, AnnualReviews reviews, RuntimeService runtime,
      PlatformTransactionManager transactions) {
    return new RegisterCsvImport(register, reviews, runtime, new TransactionTemplate(transactions));
  }

  @Bean
  ImportRegisterCommand importRegisterCommand(RegisterCsvImport csvImport, ApplicationContext context) {
    return new ImportRegisterCommand(csvImport, context);
  }
}
