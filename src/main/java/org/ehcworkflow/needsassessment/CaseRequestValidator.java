package org.ehcworkflow.needsassessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ehcworkflow.process.CaseReferences;
import org.ehcworkflow.process.IsoDates;

/**
 * The one validation of a request to open a case, whichever way it arrives: Tasklist's start form, the
 * project's API or the engine REST API. Pure: "today" is passed in.
 */
public final class CaseRequestValidator {

  private CaseRequestValidator() {
  }

  public static CaseRequest validate(Map<String, ?> variables, String businessKey, LocalDate today) {
    List<String> problems = new ArrayList<>();
    LocalDate received = requestReceivedDate(variables.get(NeedsAssessmentVariables.REQUEST_RECEIVED_DATE.name()),
        today, problems);
    RequesterType requester = requesterType(variables.get(NeedsAssessmentVariables.REQUESTER_TYPE.name()), problems);
    String reference = businessKey == null || businessKey.isBlank() ? null : businessKey.trim();
    if (reference != null && !CaseReferences.valid(reference)) {
      problems.add("caseReference (business key) '" + reference + "' must be " + CaseReferences.DESCRIPTION);
    }
    Object setting = variables.get(NeedsAssessmentVariables.CURRENT_SETTING_CODE.name());
    String settingCode = setting == null || setting.toString().isBlank() ? null : setting.toString().trim();
    Object council = variables.get(NeedsAssessmentVariables.COUNCIL_REFERENCE.name());
    if (council != null && council.toString().length() > 100) {
      problems.add("councilReference must be at most 100 characters");
    }
    if (!problems.isEmpty()) {
      throw new InvalidCaseRequest(problems);
    }
    return new CaseRequest(reference, received, requester,
        council == null || council.toString().isBlank() ? null : council.toString().trim(), settingCode);
  }

  private static LocalDate requestReceivedDate(Object value, LocalDate today, List<String> problems) {
    String name = NeedsAssessmentVariables.REQUEST_RECEIVED_DATE.name();
    if (value == null || value.toString().isBlank()) {
      problems.add(name + " is required: the day the local authority received the request, as YYYY-MM-DD");
      return null;
    }
    LocalDate date;
    try {
      date = IsoDates.parse(name, value);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return null;
    }
    if (date.isAfter(today)) {
      problems.add(name + " " + date + " is in the future: a request cannot be received after today (" + today + ")");
      return null;
    }
    return date;
  }

  private static RequesterType requesterType(Object value, List<String> problems) {
    try {
      return RequesterType.parse(value);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return null;
    }
  }
}
