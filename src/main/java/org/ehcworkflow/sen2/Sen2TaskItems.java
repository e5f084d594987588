package org.ehcworkflow.sen2;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ehcworkflow.needsassessment.NeedsAssessmentVariables;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.InputRejected;
import org.ehcworkflow.process.ProcessVariable;
import org.ehcworkflow.process.Refusal;
import org.ehcworkflow.process.TaskInputs;

/**
 * The SEN2 items an officer gives in Tasklist ({@link Sen2Variables}), kept where the return reads them. Named
 * {@code sen2Items} in the models: a complete listener on the case file and on finalising a plan. What is given
 * replaces what was recorded for that item and leaves the others; an invalid code or a malformed UPN refuses the
 * form, naming the field, and nothing is kept.
 */
public class Sen2TaskItems {

  private final Sen2Records records;
  private final Sen2Mapping mapping;

  public Sen2TaskItems(Sen2Records records, Sen2Mapping mapping) {
    this.records = records;
    this.mapping = mapping;
  }

  public void record(DelegateTask task) {
    Sen2Details given = new Sen2Details(value(task, Sen2Variables.SEX), value(task, Sen2Variables.ETHNICITY), null,
        value(task, Sen2Variables.UPN), value(task, Sen2Variables.ULN), value(task, Sen2Variables.UPN_UNKNOWN), null,
        null, value(task, Sen2Variables.NEED_PRIMARY), value(task, Sen2Variables.NEED_SECONDARY),
        value(task, Sen2Variables.SETTING_TYPE), null, null, null, null, value(task, Sen2Variables.PERSONAL_BUDGET),
        null, null);
    boolean chosen = NeedsAssessmentVariables.RECORD_SEN2.equals(NeedsAssessmentVariables.CASE_FILE_ACTION.get(task));
    if (given.equals(Sen2Details.NONE)) {
      if (chosen) {
        throw InputRejected.because("sen2Sex: give at least one of the SEN2 items to record them");
      }
      return;
    }
    String caseReference = task.getExecution().getProcessBusinessKey();
    if (caseReference == null || !records.known(caseReference)) {
      throw InputRejected.because("caseReference " + caseReference + " is not a case or a plan");
    }
    Sen2Details merged;
    try {
      merged = records.details(caseReference).orElse(Sen2Details.NONE).updatedWith(given).checked(mapping);
    } catch (Refusal refused) {
      throw InputRejected.because(formFields(refused.getMessage()));
    }
    records.save(caseReference, merged, EngineClock.today(), TaskInputs.currentUser(task));
    for (Sen2Variables.Item item : Sen2Variables.ITEMS) {
      task.getExecution().removeVariable(item.variable().name());
    }
  }

  private static String value(DelegateTask task, ProcessVariable<String> variable) {
    Object value = task.getVariable(variable.name());
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  /** The refusal in the form's own field names ({@code sex} is {@code sen2Sex} there). */
  private static String formFields(String message) {
    String named = message;
    for (Sen2Variables.Item item : Sen2Variables.ITEMS) {
      String field = item.variable().name();
      String bare = Character.toLowerCase(field.charAt(4)) + field.substring(5);
      named = named.replaceAll("\\b" + bare + "\\b", field);
    }
    return named;
  }
}
