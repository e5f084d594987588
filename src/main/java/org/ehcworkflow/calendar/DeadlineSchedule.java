package org.ehcworkflow.calendar;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.TimeDate;

/**
 * Turns a recorded event into the deadline variables of the time limits that count from it, as ISO dates. The one
 * place where deadlines enter a process. Reminders are not stored: each reminder timer works its day out from the
 * deadline ({@link Reminders}).
 *
 * <p>Models deployed before 2026-12-07 read a reminder variable ({@code ${decisionToAssessRemindOn}T09:00:00}). A
 * review cycle waits up to a year, so instances of those models are still running after an upgrade; when one of
 * them records an event, {@link #start} also sets the reminder variables its model reads.
 */
public final class DeadlineSchedule {

  /** How the models before 2026-12-07 named a limit's reminder day: {@code decisionToAssessRemindOn}. */
  static final String LEGACY_REMINDER_SUFFIX = "RemindOn";

  private final StatutoryCalendar calendar;
  private final Period reminderLeadTime;
  private final Map<String, Boolean> legacyModels = new ConcurrentHashMap<>();

  public DeadlineSchedule(StatutoryCalendar calendar, Period reminderLeadTime) {
    this.calendar = calendar;
    this.reminderLeadTime = reminderLeadTime;
  }

  /** The deadline variable of each given limit, counted from the same anchor date. */
  public Map<String, Object> variables(LocalDate anchorDate, TimeLimit... limits) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (TimeLimit limit : limits) {
      variables.put(limit.dueVariable(), calendar.due(limit, anchorDate).toString());
    }
    return variables;
  }

  /**
   * The deadline variable of a limit whose deadline was worked out elsewhere (a review cycle shortened for an
   * under-5, a transfer counted back from the day of transfer), for an instance about to start.
   */
  public Map<String, Object> variables(TimeLimit limit, LocalDate due) {
    return Map.of(limit.dueVariable(), due.toString());
  }

  /**
   * Starts the given limits' clocks in a running instance: their deadlines counted from the anchor date (and, in an
   * instance of a model from before 2026-12-07, the reminder days it reads).
   */
  public void start(DelegateExecution execution, LocalDate anchorDate, TimeLimit... limits) {
    Map<String, Object> variables = variables(anchorDate, limits);
    if (readsReminderVariables(execution)) {
      for (TimeLimit limit : limits) {
        LocalDate due = LocalDate.parse((String) variables.get(limit.dueVariable()));
        variables.put(legacyReminderVariable(limit), legacyReminderDay(anchorDate, due).toString());
      }
    }
    execution.setVariables(variables);
  }

  /**
   * In an instance of a model from before 2026-12-07, a limit's reminder day (set by {@link #start}) also under the
   * name that model reads it by ({@code orderedFinalRemindOn}: whichever limit the tribunal's order makes final).
   */
  public void legacyReminderAlso(DelegateExecution execution, TimeLimit limit, String variable) {
    if (readsReminderVariables(execution)) {
      execution.setVariable(variable, execution.getVariable(legacyReminderVariable(limit)));
    }
  }

  /**
   * Whether the instance's model, or that of a process calling it (a step such as {@code ehc-panel-decision} hands
   * its variables back to its caller), is one from before 2026-12-07, whose timers read reminder variables.
   */
  boolean readsReminderVariables(DelegateExecution execution) {
    for (DelegateExecution scope = execution; scope != null; scope = scope.getProcessInstance().getSuperExecution()) {
      DelegateExecution model = scope;
      if (legacyModels.computeIfAbsent(model.getProcessDefinitionId(), id ->
          model.getBpmnModelInstance().getModelElementsByType(TimeDate.class).stream()
              .anyMatch(timer -> timer.getTextContent().contains(LEGACY_REMINDER_SUFFIX + "}")))) {
        return true;
      }
    }
    return false;
  }

  static String legacyReminderVariable(TimeLimit limit) {
    return limit.dueVariable().replaceFirst("Due$", LEGACY_REMINDER_SUFFIX);
  }

  /**
   * The reminder day as the models before 2026-12-07 had it stored: the lead time before the deadline, never before
   * the anchor event itself, unless the deadline falls before its anchor (counted back from a meeting).
   */
  LocalDate legacyReminderDay(LocalDate anchorDate, LocalDate due) {
    LocalDate reminder = due.minus(reminderLeadTime);
    return reminder.isBefore(anchorDate) && !due.isBefore(anchorDate) ? anchorDate : reminder;
  }
}
