package org.ehcworkflow.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.notification.Notice;
import org.ehcworkflow.notification.Notifications;
import org.ehcworkflow.notification.Recipient;

/**
 * Sends one notice to each recipient of the step, after starting the statutory clocks the notice begins
 * (an advice request starts the advice giver's 6 weeks). Inputs: {@code template}, {@code recipients}
 * (comma-separated: {@code family}, {@code partner:HEALTH}, {@code group:managers}), optional {@code deadline}
 * (the time limit whose date the notice states) and {@code startsTimeLimits}.
 */
public class SendNoticeDelegate implements JavaDelegate {

  private final Notifications notifications;
  private final StatutoryClocks clocks;

  public SendNoticeDelegate(Notifications notifications, StatutoryClocks clocks) {
    this.notifications = notifications;
    this.clocks = clocks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    clocks.start(execution, StatutoryClocks.parse(execution.getVariable("startsTimeLimits")));
    String template = (String) execution.getVariable("template");
    String caseReference = execution.getProcessBusinessKey();
    Map<String, String> personalisation = personalisation(execution, caseReference);
    for (String recipient : execution.getVariable("recipients").toString().split(",")) {
      Recipient to = Recipient.parse(recipient, caseReference);
      notifications.send(new Notice(caseReference, to, template, personalisation,
          NoticeKeys.of(execution, to)));
    }
  }

  static Map<String, String> personalisation(DelegateExecution execution, String caseReference) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("caseReference", caseReference);
    Object deadline = execution.getVariable("deadline");
    if (deadline != null && !deadline.toString().isBlank()) {
      TimeLimit limit = TimeLimit.valueOf(deadline.toString());
      values.put("deadline", String.valueOf(execution.getVariable(limit.dueVariable())));
      values.put("deadlineTitle", limit.title());
      values.put("legalReference", limit.legalReference());
    }
    return values;
  }
}
