package org.ehcworkflow.steps;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.notification.Notifications;
import org.ehcworkflow.notification.Recipient;
import org.ehcworkflow.security.Roles;

/**
 * Records on the case file that a time limit passed with its step undone, and tells the managers. The work
 * itself goes on. Inputs: {@link StepInputs#TIME_LIMIT}, optional {@link StepInputs#SCOPE} (the advice giver).
 */
public class RecordBreachDelegate implements JavaDelegate {

  static final String TEMPLATE = "deadline-breached";

  private final CaseFile caseFile;
  private final Notifications notifications;

  public RecordBreachDelegate(CaseFile caseFile, Notifications notifications) {
    this.caseFile = caseFile;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TimeLimit limit = TimeLimit.valueOf(StepInputs.TIME_LIMIT.local(execution));
    String scopeInput = StepInputs.SCOPE.local(execution);
    String scope = scopeInput == null || scopeInput.isBlank() ? "case" : scopeInput;
    Map<String, String> personalisation = StepNotices.personalisation(execution, limit);
    personalisation.put("scope", scope);

    caseFile.recordBreach(execution.getProcessBusinessKey(), limit, scope, LocalDate.parse(personalisation.get("deadline")));
    StepNotices.send(notifications, execution, Recipient.group(Roles.MANAGERS), TEMPLATE, personalisation);
  }
}
