package org.ehcworkflow.testing;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/** The engine's clock, its due jobs and its tasks, as process tests drive them. Deadlines are London dates. */
public final class ProcessTestSupport {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  private ProcessTestSupport() {
  }

  /** Sets the engine's clock to 10:00 on the day. */
  public static void clockAt(LocalDate day) {
    clockAt(day.atTime(10, 0));
  }

  public static void clockAt(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(LONDON).toInstant()));
  }

  public static Date endOfDay(String day) {
    return at(day, LocalTime.of(23, 59, 59));
  }

  public static Date at(String day, LocalTime time) {
    return Date.from(LocalDate.parse(day).atTime(time).atZone(LONDON).toInstant());
  }

  /** The one open task of that activity, in any process instance. */
  public static Task task(String activityId) {
    return taskService().createTaskQuery().taskDefinitionKey(activityId).singleResult();
  }

  /**
   * The open task of that activity in the instance or in an instance it called (a decision the panel takes in
   * {@code ehc-panel-decision}, say).
   */
  public static Task taskOf(RuntimeService runtime, TaskService tasks, String instanceId, String activityId) {
    List<String> instances = new ArrayList<>(List.of(instanceId));
    runtime.createProcessInstanceQuery().superProcessInstanceId(instanceId).list()
        .forEach(called -> instances.add(called.getId()));
    return tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).taskDefinitionKey(activityId)
        .singleResult();
  }

  public static List<Task> tasks(String activityId) {
    return taskService().createTaskQuery().taskDefinitionKey(activityId).list();
  }

  public static Date timerDue(String activityId) {
    return managementService().createJobQuery().activityId(activityId).timers().singleResult().getDuedate();
  }

  /** Executes every job that is due by the engine's clock, until none is left. */
  public static void runDueJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> due = managementService().createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService().executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep being created: a loop in the model?");
  }
}
