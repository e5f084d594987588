package org.ehcworkflow.needsassessment;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.casefile.CaseFile.TimeLimitException;
import org.ehcworkflow.casefile.ExceptionReason;
import org.ehcworkflow.process.Codes;
import org.ehcworkflow.process.InputRejected;
import org.ehcworkflow.process.ProcessVariable;
import static org.ehcworkflow.process.TaskInputs.currentUser;
import static org.ehcworkflow.process.TaskInputs.date;
import static org.ehcworkflow.process.TaskInputs.rejectInvalid;
import static org.ehcworkflow.process.TaskInputs.optionalBoolean;
import static org.ehcworkflow.process.TaskInputs.pastDate;
import static org.ehcworkflow.casefile.TaskFacts.record;
import static org.ehcworkflow.process.TaskInputs.requireOneOf;
import static org.ehcworkflow.process.TaskInputs.requireText;
import static org.ehcworkflow.process.TaskInputs.text;

/**
 * Server-side checks of what officers submit when they complete a needs assessment task (Tasklist validates forms only in the
 * browser; the engine REST API not at all). Called from {@code complete} task listeners, for example
 * {@code ${decisions.assessment(task)}}; a rejection keeps the task open and changes nothing. The plan's
 * finalisation steps are checked by {@link org.ehcworkflow.plan.FinalisationDecisions}.
 */
public class TaskDecisions {

  private final CaseFile caseFile;

  public TaskDecisions(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /** Decision whether to assess (reg 4, 5): with 'assess', at least one advice giver. */
  public void assessment(DelegateTask task) {
    String decision = requireOneOf(task, NeedsAssessmentVariables.ASSESS_DECISION);
    rejectInvalid(() -> RequesterType.parse(task.getVariable(NeedsAssessmentVariables.REQUESTER_TYPE.name())));
    requireText(task, NeedsAssessmentVariables.DECISION_REASON, "the decision notice gives the panel's reasons");
    for (AdviceGiver giver : AdviceGiver.values()) {
      Object asked = task.getVariable(giver.formField());
      if (asked != null && !(asked instanceof Boolean)) {
        throw InputRejected.because(giver.formField() + " must be true or false, got '" + asked + "'");
      }
    }
    if (decision.equals("assess")) {
      String givers = adviceGivers(task);
      if (givers.isEmpty()) {
        throw InputRejected.because("adviceGivers: choose at least one advice giver to ask (reg 6(1))");
      }
      NeedsAssessmentVariables.ADVICE_GIVERS.set(task, givers);
    }
    recordDecision(task, NeedsAssessmentVariables.ASSESS_DECISION, decision);
  }

  /** The decision and the panel's reasons, kept on the case: the family's page shows them with the notice. */
  private void recordDecision(DelegateTask task, ProcessVariable<String> variable, String decision) {
    record(caseFile, task, ordered(variable.name(), decision, NeedsAssessmentVariables.DECISION_REASON.name(),
        text(task, NeedsAssessmentVariables.DECISION_REASON)), Set.of(NeedsAssessmentVariables.DECISION_REASON.name()));
  }

  /** Decision whether to issue a plan (reg 10). */
  public void issue(DelegateTask task) {
    String decision = requireOneOf(task, NeedsAssessmentVariables.ISSUE_DECISION);
    requireText(task, NeedsAssessmentVariables.DECISION_REASON, "the decision notice gives the panel's reasons");
    recordDecision(task, NeedsAssessmentVariables.ISSUE_DECISION, decision);
  }

  /**
   * Advice received (reg 6, 8): kept on the case for section K. An exception under reg 8(2) (not a waiting list)
   * is recorded against this advice giver's 6 weeks, so the figures count it as "exception applies".
   */
  public void advice(DelegateTask task) {
    String summary = requireText(task, NeedsAssessmentVariables.ADVICE_SUMMARY,
        "summarise the advice, or say where the full report is filed");
    String giver = NeedsAssessmentVariables.ADVICE_GIVER.get(task);
    if (Boolean.TRUE.equals(optionalBoolean(task, NeedsAssessmentVariables.ADVICE_EXCEPTION))) {
      ExceptionReason reason = ExceptionReason.valueOf(requireOneOf(task,
          NeedsAssessmentVariables.ADVICE_EXCEPTION_REASON));
      LocalDate startsOn = pastDate(task, NeedsAssessmentVariables.ADVICE_EXCEPTION_STARTS_ON, true);
      caseFile.recordException(task.getExecution().getProcessBusinessKey(), new TimeLimitException(reason,
          text(task, NeedsAssessmentVariables.ADVICE_EXCEPTION_DETAILS), startsOn, null, currentUser(task), giver));
    }
    record(caseFile, task, Map.of(NeedsAssessmentVariables.ADVICE_GIVER.name(), giver == null ? "" : giver,
        NeedsAssessmentVariables.ADVICE_SUMMARY.name(), summary), Set.of(NeedsAssessmentVariables.ADVICE_SUMMARY.name()));
  }

  private static Map<String, String> ordered(String... fieldsAndValues) {
    Map<String, String> facts = new java.util.LinkedHashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      facts.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return facts;
  }

  /** Mediation or appeal after a refusal (reg 32-39, HESC r20): the day the family acted, kept on the case. */
  public void disagreement(DelegateTask task) {
    String disagreement = requireOneOf(task, NeedsAssessmentVariables.DISAGREEMENT);
    LocalDate on = pastDate(task, NeedsAssessmentVariables.DISAGREEMENT_DATE, true);
    record(caseFile, task, ordered(NeedsAssessmentVariables.DISAGREEMENT.name(), disagreement,
        NeedsAssessmentVariables.DISAGREEMENT_DATE.name(), on.toString()), Set.of());
  }

  /** The case file task: nothing, an exception to the time limits, or withdrawal. */
  public void caseFileAction(DelegateTask task) {
    String action = requireOneOf(task, NeedsAssessmentVariables.CASE_FILE_ACTION);
    if (action.equals("recordException")) {
      recordException(task);
    } else if (action.equals("withdraw")) {
      requireText(task, NeedsAssessmentVariables.WITHDRAWAL_REASON, "the family is told why the case is withdrawn");
    }
  }

  private void recordException(DelegateTask task) {
    ExceptionReason reason = ExceptionReason.valueOf(requireOneOf(task, NeedsAssessmentVariables.EXCEPTION_REASON));
    LocalDate startsOn = date(task, NeedsAssessmentVariables.EXCEPTION_STARTS_ON, true);
    LocalDate endsOn = date(task, NeedsAssessmentVariables.EXCEPTION_ENDS_ON, false);
    if (endsOn != null && endsOn.isBefore(startsOn)) {
      throw InputRejected.because("exceptionEndsOn " + endsOn + " is before exceptionStartsOn " + startsOn);
    }
    Object details = task.getVariable(NeedsAssessmentVariables.EXCEPTION_DETAILS.name());
    caseFile.recordException(task.getExecution().getProcessBusinessKey(), new TimeLimitException(reason,
        details == null ? null : details.toString(), startsOn, endsOn, currentUser(task)));
    for (ProcessVariable<String> field : List.of(NeedsAssessmentVariables.EXCEPTION_REASON,
        NeedsAssessmentVariables.EXCEPTION_DETAILS, NeedsAssessmentVariables.EXCEPTION_STARTS_ON,
        NeedsAssessmentVariables.EXCEPTION_ENDS_ON)) {
      task.getExecution().removeVariable(field.name());
    }
  }

  /** The advice givers as codes, from the {@code adviceGivers} list if given, else from the form's checkboxes. */
  private static String adviceGivers(DelegateTask task) {
    String listed = NeedsAssessmentVariables.ADVICE_GIVERS.get(task);
    if (listed != null && !listed.isBlank()) {
      return Arrays.stream(listed.split(","))
          .map(code -> rejectInvalid(() -> Codes.parse(AdviceGiver.class, "adviceGivers", code)).name())
          .distinct().collect(Collectors.joining(","));
    }
    return Arrays.stream(AdviceGiver.values())
        .filter(giver -> Boolean.TRUE.equals(task.getVariable(giver.formField())))
        .map(Enum::name).collect(Collectors.joining(","));
  }

}
