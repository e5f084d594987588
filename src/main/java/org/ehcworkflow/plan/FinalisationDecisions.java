package org.ehcworkflow.plan;

import static org.ehcworkflow.casefile.TaskFacts.record;
import static org.ehcworkflow.process.TaskInputs.currentUser;
import static org.ehcworkflow.process.TaskInputs.optionalBoolean;
import static org.ehcworkflow.process.TaskInputs.requireOneOf;
import static org.ehcworkflow.process.TaskInputs.text;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.InputRejected;
import org.ehcworkflow.process.ProcessVariable;
import org.ehcworkflow.process.TaskInputs;

/**
 * Server-side checks of the plan's finalisation steps, wherever a model makes or amends a plan (the needs
 * assessment, the annual review, a phase transfer, a tribunal's order): the draft served, the family's
 * representations, the consulted setting's answer, the final plan issued. Called from {@code complete} task
 * listeners as {@code ${finalisation.finalPlan(task)}} and so on; a rejection keeps the task open and changes
 * nothing.
 */
public class FinalisationDecisions {

  private final CaseFile caseFile;
  private final ActiveSettings settings;
  private final PlanGate gate;
  private final BiConsumer<String, String> nameInSectionI;

  /** @param nameInSectionI writes the named setting into section I of the case's plan when the officer left it empty */
  public FinalisationDecisions(CaseFile caseFile, ActiveSettings settings, PlanGate gate,
      BiConsumer<String, String> nameInSectionI) {
    this.caseFile = caseFile;
    this.settings = settings;
    this.gate = gate;
    this.nameInSectionI = nameInSectionI;
  }

  /** The draft is served on completion: a blocking quality finding needs a recorded reason (the plan editor shows it). */
  public void draftPlan(DelegateTask task) {
    qualityGate(task, PlanGate.Stage.DRAFT);
  }

  private void qualityGate(DelegateTask task, PlanGate.Stage stage) {
    List<PlanGate.Blocking> blocking = gate.blocking(task.getExecution().getProcessBusinessKey(), stage);
    if (blocking.isEmpty()) {
      return;
    }
    String reason = text(task, PlanVariables.QUALITY_OVERRIDE_REASON);
    if (reason == null || reason.isBlank()) {
      throw InputRejected.because(PlanVariables.QUALITY_OVERRIDE_REASON.name() + " is required: the plan has "
          + blocking.size() + " blocking finding(s): " + blocking.stream().map(PlanGate.Blocking::message)
          .collect(Collectors.joining(" ")) + " Mend them in the plan editor, or give the reason to go ahead.");
    }
    record(caseFile, task, ordered(PlanVariables.QUALITY_OVERRIDE_REASON.name(), reason, "blockingFindings",
        blocking.stream().map(f -> f.rule() + ":" + f.section()).collect(Collectors.joining(","))),
        Set.of(PlanVariables.QUALITY_OVERRIDE_REASON.name()));
  }

  /** The consulted setting's answer (reg 11, 13(1)(a)), kept on the case with its reasons. */
  public void settingResponse(DelegateTask task) {
    String response = requireOneOf(task, PlanVariables.SETTING_RESPONSE);
    record(caseFile, task, ordered(PlanVariables.REQUESTED_SETTING.name(),
        text(task, PlanVariables.REQUESTED_SETTING), PlanVariables.SETTING_RESPONSE.name(),
        response, PlanVariables.SETTING_RESPONSE_NOTES.name(),
        text(task, PlanVariables.SETTING_RESPONSE_NOTES)),
        Set.of(PlanVariables.SETTING_RESPONSE_NOTES.name()));
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
    if (code != null && !code.isBlank() && !settings.isActive(code.trim())) {
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
    qualityGate(task, PlanGate.Stage.FINAL);
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
    Object setting = task.getVariable(PlanVariables.REQUESTED_SETTING.name());
    String code = setting == null ? "" : setting.toString().trim();
    if (!code.isEmpty() && !settings.isActive(code)) {
      throw InputRejected.because("requestedSetting '" + code + "' is not an active school or setting in the "
          + "partner directory: add it there (Partners API) first");
    }
    Boolean meeting = optionalBoolean(task, PlanVariables.MEETING_REQUESTED);
    PlanVariables.REQUESTED_SETTING.set(task, code);
    Object due = task.getVariable("representationsDue");
    boolean lateFromFamily = TaskInputs.FAMILY.equals(currentUser(task)) && due != null
        && EngineClock.today().isAfter(LocalDate.parse(due.toString()));
    Map<String, String> facts = ordered(PlanVariables.REPRESENTATIONS.name(),
        text(task, PlanVariables.REPRESENTATIONS), PlanVariables.REQUESTED_SETTING.name(), code,
        PlanVariables.MEETING_REQUESTED.name(), Boolean.TRUE.equals(meeting) ? "true" : null);
    if (lateFromFamily) {
      facts.put("late", "true");
    }
    record(caseFile, task, facts, Set.of(PlanVariables.REPRESENTATIONS.name()));
  }

  private static Map<String, String> ordered(String... fieldsAndValues) {
    Map<String, String> facts = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      facts.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return facts;
  }
}
