package org.ehcworkflow.reporting;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
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
 * Keeps the deadline ledger as the engine runs, for every model without a line of Java: each step that carries a
 * breach timer (non-interrupting, due {@code ${xDue}T23:59:59}, with the property {@code timeLimit} naming its
 * {@link TimeLimit}, or {@code ${transferTimeLimit}} for a variable that holds it) gets a ledger row when it starts,
 * with the deadline it runs under, and its completion date (or cancellation) when it ends. The house-rules test
 * holds every model to that contract. Advice rows carry the advice giver as their scope. Rows are written in the
 * step's own transaction.
 */
public class DeadlineLedger extends AbstractProcessEnginePlugin {

  private static final Pattern DUE_VARIABLE = Pattern.compile("\\$\\{(\\w+)}T23:59:59");
  private static final Pattern VARIABLE_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");

  private final JdbcTemplate jdbc;

  public DeadlineLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A step still open under its deadline: where it runs and when it is due. */
  public record OpenDeadline(long id, String processInstanceId, String activityInstanceId, String caseReference,
      TimeLimit limit, String scope, LocalDate due) {
  }

  /** The steps still open whose deadline falls from {@code from} to {@code to}, both included. */
  public List<OpenDeadline> openDueBetween(LocalDate from, LocalDate to) {
    return jdbc.query("""
        select id, process_instance_id, activity_instance_id, case_reference, time_limit, scope, due_date
        from deadline_ledger where completed_on is null and due_date >= ? and due_date <= ? order by due_date, id""",
        (rs, i) -> new OpenDeadline(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            TimeLimit.valueOf(rs.getString(5)), rs.getString(6), rs.getDate(7).toLocalDate()),
        Date.valueOf(from), Date.valueOf(to));
  }

  /** The property every breach timer carries: its {@link TimeLimit}, or an expression naming the variable that holds it. */
  public static final String TIME_LIMIT_PROPERTY = "timeLimit";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseBoundaryEvent(Element boundaryEvent, ScopeImpl scope, ActivityImpl timer) {
        Element definition = boundaryEvent.element("timerEventDefinition");
        Element timeDate = definition == null ? null : definition.element("timeDate");
        String timeLimit = timeLimitProperty(boundaryEvent);
        if (timeLimit == null || timeDate == null || "true".equals(boundaryEvent.attribute("cancelActivity", "true"))) {
          return;
        }
        Matcher due = DUE_VARIABLE.matcher(timeDate.getText().trim());
        if (due.matches() && timer.getEventScope() instanceof ActivityImpl activity) {
          String dueVariable = due.group(1);
          ExecutionListener open = execution -> opened(execution, timeLimit, dueVariable);
          ExecutionListener close = DeadlineLedger.this::closed;
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, open);
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, close);
        }
      }
    });
  }

  /** The {@code timeLimit} of a boundary event's {@code camunda:properties}, or null. */
  public static String timeLimitProperty(Element boundaryEvent) {
    Element extensions = boundaryEvent.element("extensionElements");
    Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return null;
    }
    return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
        .filter(property -> TIME_LIMIT_PROPERTY.equals(property.attribute("name")))
        .map(property -> property.attribute("value")).findFirst().orElse(null);
  }

  void opened(DelegateExecution execution, String timeLimit, String dueVariable) {
    Object due = execution.getVariable(dueVariable);
    Optional<TimeLimit> limit = limitOf(execution, timeLimit);
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

  /** The time limit the property names, or the one held by the variable its {@code ${...}} expression names. */
  private static Optional<TimeLimit> limitOf(DelegateExecution execution, String timeLimit) {
    Matcher expression = VARIABLE_EXPRESSION.matcher(timeLimit);
    Object named = expression.matches() ? execution.getVariable(expression.group(1)) : timeLimit;
    return Arrays.stream(TimeLimit.values()).filter(limit -> named != null && limit.name().equals(named.toString()))
        .findFirst();
  }

  private static String processKey(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    return definitionId.substring(0, definitionId.indexOf(':'));
  }
}
