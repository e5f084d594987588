package org.ehcworkflow.process;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.notification.Notice;
import org.ehcworkflow.notification.Notifications;
import org.ehcworkflow.notification.Recipient;

/**
 * Records on the case file that a time limit passed with its step undone, and tells the managers. The work
 * itself goes on. Inputs: {@code timeLimit}, optional {@code scope} (the advice giver, for advice deadlines).
 */
public class RecordBreachDelegate implements JavaDelegate {

  static final String MANAGERS = "managers";

  private final CaseFile caseFile;
  private final Notifications notifications;

  public RecordBreachDelegate(CaseFile caseFile, Notifications notifications) {
    this.caseFile = caseFile;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TimeLimit limit = TimeLimit.valueOf((String) execution.getVariable("timeLimit"));
    Object scopeValue = execution.getVariable("scope");
    String scope = scopeValue == null || scopeValue.toString().isBlank() ? "case" : scopeValue.toString();
    String due = (String) execution.getVariable(limit.dueVariable());
    String caseReference = execution.getProcessBusinessKey();

    caseFile.recordBreach(caseReference, limit, scope, LocalDate.parse(due));
    Recipient managers = Recipient.group(MANAGERS);
    notifications.send(new Notice(caseReference, managers, "deadline-breached",
        Map.of("caseReference", caseReference, "deadline", due, "deadlineTitle", limit.title(),
            "legalReference", limit.legalReference(), "scope", scope),
        NoticeKeys.of(execution, managers)));
  }
}
