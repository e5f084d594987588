package org.ehcworkflow.reporting;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.process.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the deadline ledger as the engine runs, for every model without a line of BPMN: each step that carries a
 * breach timer ({@code Timer_...Deadline}, non-interrupting, due {@code ${xDue}T23:59:59}) gets a ledger row when it
 * starts, with the deadline it runs under, and its completion date (or cancellation) when it ends. The time limit
 * is the one whose due variable the timer reads; a timer reading another variable ({@code transferDue}) names its
 * limit in the matching {@code ...TimeLimit} variable ({@code transferTimeLimit}). Advice rows carry the advice
 * giver as their scope. Rows are written in the step's own transaction.
 */
public class DeadlineLedger extends AbstractProcessEnginePlugin {

  private static final Pattern DUE_VARIABLE = Pattern.compile("\\$\\{(\\w+)}T23:59:59");

  private final JdbcTemplate jdbc;

  public DeadlineLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseBoundaryTimerEventDefinition(Element definition, boolean interrupting, ActivityImpl timer) {
        Element timeDate = definition.element("timeDate");
        if (interrupting || timeDate == null || !timer.getId().endsWith("Deadline")) {
          return;
        }
        Matcher due = DUE_VARIABLE.matcher(timeDate.getText().trim());
        ScopeImpl host = timer.getEventScope();
        if (due.matches() && host instanceof ActivityImpl activity) {
          String dueVariable = due.group(1);
          ExecutionListener open = execution -> opened(execution, dueVariable);
          ExecutionListener close = DeadlineLedger.this::closed;
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, open);
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, close);
        }
      }
    });
  }

  void opened(DelegateExecution execution, String dueVariable) {
    Object due = execution.getVariable(dueVariable);
    Optional<TimeLimit> limit = limitOf(execution, dueVariable);
    if (due == null || limit.isEmpty() || execution.getProcessBusinessKey() == null) {
      return;
    }
    Object giver = limit.get() == TimeLimit.ADVICE ? execution.getVariable("adviceGiver") : null;
    jdbc.update("""
        insert into deadline_ledger (activity_instance_id, process_instance_id, process_key, activity_id,
          case_reference, time_limit, scope, due_date, opened_on)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", execution.getActivityInstanceId(), execution.getProcessInstanceId(),
        processKey(execution), execution.getCurrentActivityId(), execution.getProcessBusinessKey(), limit.get().name(),
        giver == null ? null : giver.toString(), Date.valueOf(LocalDate.parse(due.toString())),
        Date.valueOf(EngineClock.today()));
  }

  void closed(DelegateExecution execution) {
    boolean cancelled = execution instanceof ExecutionEntity entity && entity.isCanceled();
    jdbc.update("update deadline_ledger set completed_on = ?, outcome = ? where activity_instance_id = ? "
            + "and completed_on is null", Date.valueOf(EngineClock.today()), cancelled ? "CANCELLED" : "COMPLETED",
        execution.getActivityInstanceId());
  }

  private static Optional<TimeLimit> limitOf(DelegateExecution execution, String dueVariable) {
    Optional<TimeLimit> direct = Arrays.stream(TimeLimit.values())
        .filter(limit -> limit.dueVariable().equals(dueVariable)).findFirst();
    if (direct.isPresent()) {
      return direct;
    }
    Object named = execution.getVariable(dueVariable.replaceAll("Due$", "TimeLimit"));
    return Arrays.stream(TimeLimit.values()).filter(limit -> named != null && limit.name().equals(named.toString()))
        .findFirst();
  }

  private static String processKey(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    return definitionId.substring(0, definitionId.indexOf(':'));
  }
}
