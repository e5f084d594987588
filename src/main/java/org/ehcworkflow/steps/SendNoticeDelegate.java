package org.ehcworkflow.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.notification.Notifications;
import org.ehcworkflow.notification.Recipient;

/**
 * Sends one notice to each recipient of the step, after starting the statutory clocks the notice begins
 * (an advice request starts the advice giver's 6 weeks). Inputs: {@link StepInputs#TEMPLATE},
 * {@link StepInputs#RECIPIENTS}, optional {@link StepInputs#DEADLINE}, {@link StepInputs#STARTS_TIME_LIMITS} and
 * {@link StepInputs#INCLUDES} (variables such as the meeting date that the notice states).
 */
public class SendNoticeDelegate implements JavaDelegate {

  private final Notifications notifications;
  private final StatutoryClocks clocks;
  private final LinkIssuer links;

  /** Issues the secure link a notice carries for answering without an account. */
  @FunctionalInterface
  public interface LinkIssuer {
    /**
     * @param asked what the link answers (ADVICE)
     * @param due the step's statutory deadline, from which the link's expiry counts
     * @return the link's address and the day it stops working
     */
    Link issue(String asked, DelegateExecution execution, java.time.LocalDate due);

    record Link(String url, java.time.LocalDate lastDay) {
    }
  }

  public SendNoticeDelegate(Notifications notifications, StatutoryClocks clocks, LinkIssuer links) {
    this.notifications = notifications;
    this.clocks = clocks;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    clocks.start(execution, StatutoryClocks.parse(StepInputs.STARTS_TIME_LIMITS.local(execution)));
    String deadline = StepInputs.DEADLINE.local(execution);
    var personalisation = StepNotices.personalisation(execution,
        deadline == null || deadline.isBlank() ? null : TimeLimit.valueOf(deadline));
    String includes = StepInputs.INCLUDES.local(execution);
    if (includes != null && !includes.isBlank()) {
      for (String name : includes.split(",")) {
        personalisation.put(name.trim(), String.valueOf(execution.getVariable(name.trim())));
      }
    }
    String asked = StepInputs.RESPOND_BY_LINK.local(execution);
    if (asked != null && !asked.isBlank()) {
      LinkIssuer.Link link = links.issue(asked.trim(), execution, java.time.LocalDate.parse(personalisation.get("deadline")));
      personalisation.put("responseLink", link.url());
      personalisation.put("responseLinkLastDay", link.lastDay().toString());
    }
    String template = StepInputs.TEMPLATE.local(execution);
    for (String recipient : StepInputs.RECIPIENTS.local(execution).split(",")) {
      StepNotices.send(notifications, execution, Recipient.parse(recipient, execution.getProcessBusinessKey()),
          template, personalisation);
    }
  }
}
