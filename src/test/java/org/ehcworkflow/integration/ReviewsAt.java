package org.ehcworkflow.integration;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.ehcworkflow.calendar.TimeLimit;

/**
 * Starts an annual review of a demo plan part-way, at a step, with its meeting held two days ago and every other
 * deadline a month ahead (reminders a week before), for the tests of what a school does at that step.
 */
final class ReviewsAt {

  private ReviewsAt() {
  }

  /** @return the review's process instance id */
  static String start(RuntimeService runtime, String caseReference, String activity, boolean preparingForAdulthood,
      Map<String, Object> overrides) {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    Map<String, Object> variables = new HashMap<>();
    for (TimeLimit limit : TimeLimit.values()) {
      variables.put(limit.dueVariable(), today.plusDays(30).toString());
    }
    variables.putAll(Map.of("caseReference", caseReference, "reviewKind", "ANNUAL", "preparingForAdulthood",
        preparingForAdulthood, "meetingDate", today.minusDays(2).toString()));
    variables.putAll(overrides);
    return runtime.createProcessInstanceByKey("ehc-annual-review").businessKey(caseReference).setVariables(variables)
        .startBeforeActivity(activity).execute().getId();
  }
}
