package org.ehcworkflow.annualreview;

import org.ehcworkflow.calendar.DeadlineSchedule;
import org.ehcworkflow.calendar.ReviewCycle;
import org.ehcworkflow.calendar.StatutoryCalendar;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.plan.PlanRegister;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The review cycle and the beans {@code ehc-annual-review} names; bean names are part of the model's contract. */
@Configuration
@EnableConfigurationProperties(ReviewProperties.class)
class AnnualReviewConfiguration {

  @Bean
  ReviewCycle reviewCycle(StatutoryCalendar calendar, ReviewProperties properties) {
    return new ReviewCycle(calendar, properties.underFiveCycle());
  }

  @Bean
  AnnualReviews annualReviews(PlanRegister register, DeadlineSchedule schedule, ReviewCycle cycle,
      ReviewProperties properties) {
    return new AnnualReviews(register, schedule, cycle, properties.preparationLead(), properties.cycleStartsAhead());
  }

  @Bean
  StartWaitingReviewCyclesDelegate startWaitingReviewCycles(AnnualReviews reviews, ReviewProperties properties) {
    return new StartWaitingReviewCyclesDelegate(reviews, properties.cycleStartBatch());
  }

  @Bean
  SchoolReviewTray schoolReviewTray(PlanRegister register, org.camunda.bpm.engine.TaskService tasks,
      org.springframework.jdbc.core.JdbcTemplate jdbc,
      org.ehcworkflow.notification.NotificationProperties notifications) {
    return new SchoolReviewTray(register, tasks, jdbc, notifications.tasklistLink());
  }

  @Bean
  ReviewDecisions reviewDecisions(PlanRegister register, DeadlineSchedule schedule, AnnualReviews reviews,
      CaseFile caseFile) {
    return new ReviewDecisions(register, schedule, reviews, caseFile);
  }

  @Bean
  EnterIssuedPlanDelegate enterIssuedPlan(CaseFile caseFile, PlanRegister register, AnnualReviews reviews) {
    return new EnterIssuedPlanDelegate(caseFile, register, reviews);
  }

  @Bean
  RecordAmendedPlanDelegate recordAmendedPlan(PlanRegister register) {
    return new RecordAmendedPlanDelegate(register);
  }

  @Bean
  CeasePlanDelegate ceasePlan(PlanRegister register) {
    return new CeasePlanDelegate(register);
  }

  @Bean
  ConcludeTransferReviewDelegate concludeTransferReview() {
    return new ConcludeTransferReviewDelegate();
  }

  @Bean
  StartNextReviewDelegate startNextReview(AnnualReviews reviews) {
    return new StartNextReviewDelegate(reviews);
  }
}
