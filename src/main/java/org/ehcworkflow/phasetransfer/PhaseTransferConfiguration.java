package org.ehcworkflow.phasetransfer;

import org.ehcworkflow.annualreview.AnnualReviews;
import org.ehcworkflow.calendar.DeadlineSchedule;
import org.ehcworkflow.calendar.ReviewCycle;
import org.ehcworkflow.plan.PlanRegister;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code ehc-phase-transfer} names; bean names are part of the model's contract. */
@Configuration
@EnableConfigurationProperties(PhaseTransferProperties.class)
class PhaseTransferConfiguration {

  @Bean
  PhaseTransfers phaseTransfers(PlanRegister register, ReviewCycle cycle, DeadlineSchedule schedule) {
    return new PhaseTransfers(register, cycle, schedule);
  }

  @Bean
  TransferCohortSchedule transferCohortSchedule(PhaseTransferProperties properties) {
    return new TransferCohortSchedule(properties.cohortDay(), properties.cohortTime());
  }

  @Bean
  PhaseTransferStart phaseTransferStart(PhaseTransfers transfers) {
    return new PhaseTransferStart(transfers);
  }

  @Bean
  BringReviewForwardDelegate bringReviewForward(AnnualReviews reviews) {
    return new BringReviewForwardDelegate(reviews);
  }

  @Bean
  StartTransferCohortDelegate startTransferCohort(PhaseTransfers transfers) {
    return new StartTransferCohortDelegate(transfers);
  }
}
