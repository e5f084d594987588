package org.ehcworkflow.annualreview;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcworkflow.calendar.SchoolYears;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.casefile.CaseFile.ChildDetails;
import org.ehcworkflow.plan.Plan;
import org.ehcworkflow.plan.PlanEvent;
import org.ehcworkflow.plan.PlanRegister;
import org.ehcworkflow.plan.PlanStatus;
import org.ehcworkflow.plan.PlanVariables;
import org.ehcworkflow.process.EngineClock;

/**
 * The final plan is issued: the plan enters the register (date of birth from the case file, else the year group the
 * officer recorded; the setting named in section I) and its first review cycle starts.
 */
public class EnterIssuedPlanDelegate implements JavaDelegate {

  private final CaseFile caseFile;
  private final PlanRegister register;
  private final AnnualReviews reviews;

  public EnterIssuedPlanDelegate(CaseFile caseFile, PlanRegister register, AnnualReviews reviews) {
    this.caseFile = caseFile;
    this.register = register;
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseReference = execution.getProcessBusinessKey();
    LocalDate today = EngineClock.today();
    LocalDate born = caseFile.requestDetails(caseReference).map(ChildDetails::dateOfBirth).orElse(null);
    Number yearGroup = PlanVariables.CHILD_YEAR_GROUP.get(execution);
    int receptionYear = yearGroup != null ? SchoolYears.receptionYearOf(yearGroup.intValue(), today)
        : SchoolYears.receptionYear(born, 0);
    Number upperAge = PlanVariables.NAMED_SETTING_UPPER_AGE.get(execution);
    Plan plan = new Plan(caseReference, caseFile.find(caseReference).map(CaseFile.OpenedCase::councilReference)
        .orElse(null), born, receptionYear, null, blankToNull(PlanVariables.NAMED_SETTING_CODE.get(execution)),
        PlanVariables.NAMED_SETTING.get(execution), upperAge == null ? null : upperAge.intValue(), today, null,
        null, PlanStatus.MAINTAINED, null, null, Plan.Source.ASSESSMENT);
    plan = plan.withNextReviewDue(reviews.nextDue(plan));
    if (register.enter(plan, PlanEvent.Kind.ISSUED, "final plan issued", "process:" + execution.getCurrentActivityId())) {
      reviews.start(execution.getProcessEngineServices().getRuntimeService(), caseReference, ReviewKind.ANNUAL,
          java.util.Map.of());
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
