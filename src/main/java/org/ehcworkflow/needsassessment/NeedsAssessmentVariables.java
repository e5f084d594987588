package org.ehcworkflow.needsassessment;

import org.ehcworkflow.process.ProcessVariable;

/**
 * The variable contract of {@code ehc-needs-assessment}. The business key is the case reference. Deadlines are
 * ISO dates named by {@link org.ehcworkflow.calendar.TimeLimit#dueVariable()} (for example
 * {@code decisionToAssessDue}, {@code finalPlanDue}); no variable holds a child's name or date of birth.
 */
public final class NeedsAssessmentVariables {

  private NeedsAssessmentVariables() {
  }

  public static final String PROCESS_ID = "ehc-needs-assessment";

  public static final ProcessVariable<String> CASE_REFERENCE =
      ProcessVariable.of("caseReference", String.class, "the case reference, equal to the business key");
  public static final ProcessVariable<String> REQUEST_RECEIVED_DATE =
      ProcessVariable.of("requestReceivedDate", String.class, "day the authority received the request (ISO date): day 0");
  public static final ProcessVariable<String> REQUESTER_TYPE =
      ProcessVariable.of("requesterType", String.class, "who asked, a RequesterType name");
  public static final ProcessVariable<String> COUNCIL_REFERENCE =
      ProcessVariable.of("councilReference", String.class, "the authority's own reference, if any");
  public static final ProcessVariable<String> CURRENT_SETTING_CODE =
      ProcessVariable.of("currentSettingCode", String.class, "start input: the child's setting, a partner directory code");
  public static final ProcessVariable<String> ASSESS_DECISION =
      ProcessVariable.of("assessDecision", String.class, "'assess' or 'doNotAssess' (reg 4, 5)");
  public static final ProcessVariable<String> DECISION_REASON =
      ProcessVariable.of("decisionReason", String.class, "the panel's reasons, stated in the decision notice");
  public static final ProcessVariable<String> ADVICE_GIVERS =
      ProcessVariable.of("adviceGivers", String.class, "comma-separated AdviceGiver codes asked for advice (reg 6)");
  public static final ProcessVariable<String> ADVICE_GIVER =
      ProcessVariable.of("adviceGiver", String.class, "the AdviceGiver of one advice request (multi-instance element)");
  public static final ProcessVariable<String> ISSUE_DECISION =
      ProcessVariable.of("issueDecision", String.class, "'issue' or 'doNotIssue' (reg 10)");
  public static final ProcessVariable<String> REQUESTED_SETTING =
      ProcessVariable.of("requestedSetting", String.class,
          "partner directory code of the school or college the family asked to be named; empty if none");
  public static final ProcessVariable<String> CASE_FILE_ACTION =
      ProcessVariable.of("caseFileAction", String.class, "'none', 'recordException' or 'withdraw'");
  public static final ProcessVariable<String> EXCEPTION_REASON =
      ProcessVariable.of("exceptionReason", String.class, "an ExceptionReason name (reg 10(4)(a)-(d))");
  public static final ProcessVariable<String> EXCEPTION_DETAILS =
      ProcessVariable.of("exceptionDetails", String.class, "what happened, without personal details");
  public static final ProcessVariable<String> EXCEPTION_STARTS_ON =
      ProcessVariable.of("exceptionStartsOn", String.class, "first day the exception applies (ISO date)");
  public static final ProcessVariable<String> EXCEPTION_ENDS_ON =
      ProcessVariable.of("exceptionEndsOn", String.class, "last day the exception applies (ISO date), if known");
  public static final ProcessVariable<String> DISAGREEMENT =
      ProcessVariable.of("disagreement", String.class, "'mediation', 'mediationDeclined' or 'appeal'");
}
