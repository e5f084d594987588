package org.ehcworkflow.steps;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.ehcworkflow.notification.Notice;
import org.ehcworkflow.notification.NotificationProperties;
import org.ehcworkflow.notification.Notifications;
import org.ehcworkflow.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ehcworkflow.reporting.DeadlineLedger;
import org.ehcworkflow.reporting.DeadlineLedger.OpenDeadline;

/**
 * The last reminders before a deadline ({@code ehc.calendar.final-reminder-lead-times}, default 2 days): the first
 * reminder of every deadline is a timer in its model (7 days before); these come from the deadline ledger, for every
 * model alike, to whoever holds the step's open tasks (the assignee, or each candidate group with a mailbox, or the
 * advice giver), once each.
 */
public class FinalReminders {

  static final String TEMPLATE = "deadline-reminder";
  private static final Logger LOG = LoggerFactory.getLogger(FinalReminders.class);

  private final DeadlineLedger ledger;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final Notifications notifications;
  private final NotificationProperties properties;
  private final List<Period> leadTimes;

  public FinalReminders(DeadlineLedger ledger, RuntimeService runtime, TaskService tasks, Notifications notifications,
      NotificationProperties properties, List<Period> leadTimes) {
    this.ledger = ledger;
    this.runtime = runtime;
    this.tasks = tasks;
    this.notifications = notifications;
    this.properties = properties;
    this.leadTimes = List.copyOf(leadTimes);
  }

  /** Sends the reminders due on {@code today} that were not sent yet; returns how many were queued. */
  public int sendDue(LocalDate today) {
    int queued = 0;
    for (Period lead : leadTimes) {
      for (OpenDeadline step : ledger.openDueBetween(today, today.plus(lead))) {
        for (Recipient recipient : holders(step)) {
          Map<String, String> fields = Map.of("caseReference", step.caseReference(), "deadline", step.due().toString(),
              "deadlineTitle", step.limit().title(), "legalReference", step.limit().legalReference());
          String key = "ledger/" + step.id() + "/" + lead + "/" + recipient.kind().name().toLowerCase() + ":"
              + recipient.id();
          if (notifications.send(new Notice(step.caseReference(), recipient, TEMPLATE, fields, key))) {
            queued++;
          }
        }
      }
    }
    if (queued > 0) {
      LOG.info("Final reminders: {} queued", queued);
    }
    return queued;
  }

  /** Who holds the step: the open tasks under its activity instance (or in the process it called). */
  List<Recipient> holders(OpenDeadline step) {
    ActivityInstance tree = runtime.getActivityInstance(step.processInstanceId());
    Set<String> executions = new HashSet<>();
    ActivityInstance host = tree == null ? null : find(tree, step.activityInstanceId());
    if (host != null) {
      collect(host, executions);
    }
    List<Task> open = new ArrayList<>(tasks.createTaskQuery().processInstanceId(step.processInstanceId()).list()
        .stream().filter(t -> executions.contains(t.getExecutionId())).toList());
    if (open.isEmpty() && host != null) {
      runtime.createProcessInstanceQuery().superProcessInstanceId(step.processInstanceId()).list()
          .forEach(called -> open.addAll(tasks.createTaskQuery().processInstanceId(called.getId()).list()));
    }
    Set<Recipient> recipients = new LinkedHashSet<>();
    for (Task task : open) {
      if (task.getAssignee() != null) {
        recipients.add(Recipient.user(task.getAssignee()));
        continue;
      }
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        String group = link.getGroupId();
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && group != null
            && properties.groupMailboxes().containsKey(group) && !properties.noTaskNotices().contains(group)) {
          recipients.add(Recipient.group(group));
        }
      }
    }
    if (recipients.isEmpty() && step.scope() != null) {
      recipients.add(Recipient.partner(step.scope()));
    }
    return List.copyOf(recipients);
  }

  private static ActivityInstance find(ActivityInstance node, String id) {
    if (node.getId().equals(id)) {
      return node;
    }
    for (ActivityInstance child : node.getChildActivityInstances()) {
      ActivityInstance found = find(child, id);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static void collect(ActivityInstance node, Set<String> executions) {
    executions.addAll(List.of(node.getExecutionIds()));
    for (ActivityInstance child : node.getChildActivityInstances()) {
      collect(child, executions);
    }
  }
}
