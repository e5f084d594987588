package org.ehcworkflow.disagreement;

import org.ehcworkflow.calendar.DeadlineSchedule;
import org.ehcworkflow.calendar.StatutoryCalendar;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.plan.PlanRegister;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code ehc-disagreement} and {@code ehc-tribunal-order} name; bean names are part of the models' contract. */
@Configuration
class DisagreementConfiguration {

  @Bean
  DisagreementSteps disagreementSteps(CaseFile caseFile, DeadlineSchedule schedule, StatutoryCalendar calendar,
      PlanRegister register) {
    return new DisagreementSteps(caseFile, schedule, calendar, register);
  }
}
