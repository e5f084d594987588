package org.ehcworkflow.needsassessment;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.casefile.CaseFile.TimeLimitException;
import org.ehcworkflow.casefile.ExceptionReason;
import org.ehcworkflow.plan.PlanVariables;
import org.ehcworkflow.process.Codes;
import org.ehcworkflow.quality.PlanQuality.Finding;
import org.ehcworkflow.quality.PlanQuality.Stage;
import org.ehcworkflow.quality.QualityGate;
import org.ehcworkflow.process.InputRejected;
import org.ehcworkflow.process.IsoDates;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.ProcessVariable;
import org.ehcworkflow.process.TaskInputs;
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
 * Server-side checks of what officers submit when they complete a task (Tasklist validates forms only in the
 * browser; the engine REST API not at all). Called from {@code complete} task listeners, for example
 * {@code ${decisions.assessment(task)}}; a rejection keeps the task open and changes nothing.
 */
public class TaskDecisions {

  private final CaseFile caseFile;
  private final Predicate<String> knownSetting;
  private final QualityGate quality;
  private final BiConsumer<String, String> nameInSectionI;

  /**
   * @param knownSetting whether a code names an active setting in the partner directory
   * @param quality the plan's blocking quality findings before it is served or issued
   * @param nameInSectionI writes the named setting into section I of the case's plan when the officer left it empty
   */
  public TaskDecisions(CaseFile caseFile, Predicate<String> knownSetting, QualityGate quality,
      BiConsumer<String, String> nameInSectionI) {
    this.caseFile = caseFile;
    this.knownSetting = knownSetting;
    this.quality = quality;
    this.nameInSectionI = nameInSectionI;
  }

  /** The draft is served on completion: a blocking quality finding needs a recorded reason (the plan editor shows it). */
  public void draftPlan(DelegateTask task) {
    qualityGate(task, Stage.DRAFT);
  }

  private void qualityGate(DelegateTask task, Stage stage) {
    List<Finding> blocking = quality.blocking(task.getExecution().getProcessBusinessKey(), stage);
    if (blocking.isEmpty()) {
      return;
    }
    String reason = text(task, PlanVariables.QUALITY_OVERRIDE_REASON);
    if (reason == null || reason.isBlank()) {
      throw InputRejected.because(PlanVariables.QUALITY_OVERRIDE_REASON.name() + " is required: the plan has "
          + blocking.size() + " blocking finding(s): " + blocking.stream().map(Finding::message)
          .collect(Collectors.joining(" ")) + " Mend them in the plan editor, or give the reason to go ahead.");
    }
    record(caseFile, task, ordered(PlanVariables.QUALITY_OVERRIDE_REASON.name(), reason, "blockingFindings",
        blocking.stream().map(f -> f.rule() + ":" + f.section()).collect(Collectors.joining(","))),
        Set.of(PlanVariables.QUALITY_OVERRIDE_REASON.name()));
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

  /** The consulted setting's answer (reg 11, 13(1)(a)), kept on the case with its reasons. */
  public void settingResponse(DelegateTask task) {
    String response = requireOneOf(task, NeedsAssessmentVariables.SETTING_RESPONSE);
    record(caseFile, task, ordered(NeedsAssessmentVariables.REQUESTED_SETTING.name(),
        text(task, NeedsAssessmentVariables.REQUESTED_SETTING), NeedsAssessmentVariables.SETTING_RESPONSE.name(),
        response, NeedsAssessmentVariables.SETTING_RESPONSE_NOTES.name(),
        text(task, NeedsAssessmentVariables.SETTING_RESPONSE_NOTES)),
        Set.of(NeedsAssessmentVariables.SETTING_RESPONSE_NOTES.name()));
  }

  private static Map<String, String> ordered(String... fieldsAndValues) {
    Map<String, String> facts = new java.util.LinkedHashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      facts.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return facts;
  }

  /**
   * The final plan names a school or type of setting in section I; a particular setting by its code in the
   * partner directory, with its upper age so the next phase transfer is known. A new plan enters the register,
   * which needs the child's year group when the case holds no date of birth.
   */
  public void finalPlan(DelegateTask task) {
    String setting = PlanVariables.NAMED_SETTING.get(task);
    if (setting == null || setting.isBlank()) {
      throw InputRejected.because("namedSetting is required: the final plan names a school or type of setting");
    }
    String code = PlanVariables.NAMED_SETTING_CODE.get(task);
    if (code != null && !code.isBlank() && !knownSetting.test(code.trim())) {
      throw InputRejected.because("namedSettingCode '" + code + "' is not an active school or setting in the "
          + "partner directory: add it there (Partners API) first");
    }
    Number upperAge = number(task, PlanVariables.NAMED_SETTING_UPPER_AGE, 3, 25);
    if (upperAge == null && code != null && !code.isBlank()) {
      throw InputRejected.because("namedSettingUpperAge is required with namedSettingCode: the setting's age range "
          + "decides the child's next phase transfer");
    }
    Number yearGroup = number(task, PlanVariables.CHILD_YEAR_GROUP, -2, 14);
    boolean newPlan = PlanVariables.NEW_PLAN.equals(PlanVariables.FINALISATION_KIND.get(task));
    String caseReference = task.getExecution().getProcessBusinessKey();
    if (newPlan && yearGroup == null && caseFile.requestDetails(caseReference)
        .map(CaseFile.ChildDetails::dateOfBirth).isEmpty()) {
      throw InputRejected.because("childYearGroup is required: the case holds no date of birth, and the plan "
          + "register needs the child's year group for reviews and phase transfers");
    }
    nameInSectionI.accept(caseReference, setting.trim());
    qualityGate(task, Stage.FINAL);
  }

  private static Number number(DelegateTask task, ProcessVariable<Number> variable, int min, int max) {
    Object value = task.getVariable(variable.name());
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
        || number.intValue() < min || number.intValue() > max) {
      throw InputRejected.because(variable.name() + " must be a whole number from " + min + " to " + max
          + ", got '" + value + "'");
    }
    return number;
  }

  /**
   * Representations on the draft: the requested setting is recorded by its partner directory code, so the
   * consultation reaches that setting alone; empty when the family named none.
   */
  public void representations(DelegateTask task) {
    Object setting = task.getVariable(NeedsAssessmentVariables.REQUESTED_SETTING.name());
    String code = setting == null ? "" : setting.toString().trim();
    if (!code.isEmpty() && !knownSetting.test(code)) {
      throw InputRejected.because("requestedSetting '" + code + "' is not an active school or setting in the "
          + "partner directory: add it there (Partners API) first");
    }
    Boolean meeting = optionalBoolean(task, NeedsAssessmentVariables.MEETING_REQUESTED);
    NeedsAssessmentVariables.REQUESTED_SETTING.set(task, code);
    Object due = task.getVariable("representationsDue");
    boolean lateFromFamily = TaskInputs.FAMILY.equals(currentUser(task)) && due != null
        && EngineClock.today().isAfter(LocalDate.parse(due.toString()));
    Map<String, String> facts = ordered(NeedsAssessmentVariables.REPRESENTATIONS.name(),
        text(task, NeedsAssessmentVariables.REPRESENTATIONS), NeedsAssessmentVariables.REQUESTED_SETTING.name(), code,
        NeedsAssessmentVariables.MEETING_REQUESTED.name(), Boolean.TRUE.equals(meeting) ? "true" : null);
    if (lateFromFamily) {
      facts.put("late", "true");
    }
    record(caseFile, task, facts, Set.of(NeedsAssessmentVariables.REPRESENTATIONS.name()));
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
