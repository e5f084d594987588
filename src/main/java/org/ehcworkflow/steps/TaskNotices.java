package org.ehcworkflow.steps;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.ehcworkflow.calendar.StatutoryCalendar;
import org.ehcworkflow.notification.Notice;
import org.ehcworkflow.notification.NotificationProperties;
import org.ehcworkflow.notification.Notifications;
import org.ehcworkflow.notification.Recipient;
import org.ehcworkflow.process.EveryUserTask;

/**
 * Tells people of each new task of every model, in the task's own transaction: its assignee, or each candidate
 * group that has a mailbox ({@code ehc.notifications.group-mailboxes}) and is not in
 * {@code ehc.notifications.no-task-notices}. The notice says what is asked, the case, the statutory deadline and
 * links to the task.
 */
public class TaskNotices extends AbstractProcessEnginePlugin {

  static final String TEMPLATE = "task-created";

  private final Notifications notifications;
  private final NotificationProperties properties;

  public TaskNotices(Notifications notifications, NotificationProperties properties) {
    this.notifications = notifications;
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_CREATE, this::taskCreated, false);
  }

  void taskCreated(DelegateTask task) {
    String caseReference = task.getExecution().getProcessBusinessKey();
    if (caseReference == null) {
      return;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("caseReference", caseReference);
    fields.put("taskName", task.getName());
    fields.put("taskId", task.getId());
    fields.put("deadline", task.getDueDate() == null ? "no deadline"
        : LocalDate.ofInstant(task.getDueDate().toInstant(), StatutoryCalendar.LONDON).toString());
    if (task.getAssignee() != null) {
      send(task, Recipient.user(task.getAssignee()), fields);
      return;
    }
    for (IdentityLink link : task.getCandidates()) {
      String group = link.getGroupId();
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && group != null
          && properties.groupMailboxes().containsKey(group) && !properties.noTaskNotices().contains(group)) {
        send(task, Recipient.group(group), fields);
      }
    }
  }

  private void send(DelegateTask task, Recipient recipient, Map<String, String> fields) {
    notifications.send(new Notice(task.getExecution().getProcessBusinessKey(), recipient, TEMPLATE, fields,
        "task/" + task.getId() + "/" + recipient.kind().name().toLowerCase() + ":" + recipient.id()));
  }
}
