package org.ehcworkflow.steps;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.notification.Notice;
import org.ehcworkflow.notification.Notifications;
import org.ehcworkflow.notification.Recipient;

/**
 * How a step sends a notice: about the step's case, keyed once per step execution and recipient. A retried job
 * re-runs in a new transaction after the failed one rolled back, so a key is never recorded twice for one step.
 */
final class StepNotices {

  private StepNotices() {
  }

  static void send(Notifications notifications, DelegateExecution execution, Recipient recipient, String template,
      Map<String, String> personalisation) {
    String key = execution.getProcessInstanceId() + "/" + execution.getActivityInstanceId() + "/"
        + recipient.kind().name().toLowerCase(Locale.ROOT) + ":" + recipient.id();
    notifications.send(new Notice(execution.getProcessBusinessKey(), recipient, template, personalisation, key));
  }

  /** The case reference and, when given, the deadline the notice is about with its title and legal reference. */
  static Map<String, String> personalisation(DelegateExecution execution, TimeLimit deadline) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("caseReference", execution.getProcessBusinessKey());
    if (deadline != null) {
      values.put("deadline", String.valueOf(execution.getVariable(deadline.dueVariable())));
      values.put("deadlineTitle", deadline.title());
      values.put("legalReference", deadline.legalReference());
    }
    return values;
  }
}
