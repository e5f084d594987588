package org.ehcworkflow.needsassessment;

import org.ehcworkflow.casefile.ExceptionReason;
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
      ProcessVariable.oneOf("requesterType", "who asked, a RequesterType name", RequesterType.class);
  public static final ProcessVariable<String> COUNCIL_REFERENCE =
      ProcessVariable.of("councilReference", String.class, "the authority's own reference, if any");
  public static final ProcessVariable<String> CURRENT_SETTING_CODE =
      ProcessVariable.of("currentSettingCode", String.class, "start input: the child's setting, a partner directory code");
  public static final ProcessVariable<String> COORDINATOR =
      ProcessVariable.of("coordinator", String.class,
          "start input: the named coordinator's user id (caseload); kept on the case file, not as a variable");
  public static final ProcessVariable<String> ASSESS_DECISION =
      ProcessVariable.oneOf("assessDecision", "'assess' or 'doNotAssess' (reg 4, 5)", "assess", "doNotAssess");
  public static final ProcessVariable<String> DECISION_REASON =
      ProcessVariable.of("decisionReason", String.class, "the panel's reasons, stated in the decision notice");
  public static final ProcessVariable<String> ADVICE_GIVERS =
      ProcessVariable.of("adviceGivers", String.class, "comma-separated AdviceGiver codes asked for advice (reg 6)");
  public static final ProcessVariable<String> ADVICE_GIVER =
      ProcessVariable.of("adviceGiver", String.class, "the AdviceGiver of one advice request (multi-instance element)");
  public static final ProcessVariable<String> ISSUE_DECISION =
      ProcessVariable.oneOf("issueDecision", "'issue' or 'doNotIssue' (reg 10)", "issue", "doNotIssue");
  /** The case file's choice that records the child's SEN2 items (kept by the {@code sen2} package). */
  public static final String RECORD_SEN2 = "recordSen2";
  public static final ProcessVariable<String> CASE_FILE_ACTION =
      ProcessVariable.oneOf("caseFileAction", "'none', 'recordException', 'recordSen2' or 'withdraw'", "none",
          "recordException", RECORD_SEN2, "withdraw");
  public static final ProcessVariable<String> EXCEPTION_REASON =
      ProcessVariable.oneOf("exceptionReason", "an ExceptionReason name (reg 10(4)(a)-(d))",
          ExceptionReason.names(ExceptionReason.CASE_WIDE));
  public static final ProcessVariable<String> EXCEPTION_DETAILS =
      ProcessVariable.of("exceptionDetails", String.class, "what happened, without personal details");
  public static final ProcessVariable<String> EXCEPTION_STARTS_ON =
      ProcessVariable.of("exceptionStartsOn", String.class, "first day the exception applies (ISO date)");
  public static final ProcessVariable<String> EXCEPTION_ENDS_ON =
      ProcessVariable.of("exceptionEndsOn", String.class, "last day the exception applies (ISO date), if known");
  public static final ProcessVariable<String> DISAGREEMENT =
      ProcessVariable.oneOf("disagreement", "'mediation', 'mediationDeclined' or 'appeal'", "mediation",
          "mediationDeclined", "appeal");
  public static final ProcessVariable<String> DISAGREEMENT_DATE =
      ProcessVariable.of("disagreementDate", String.class, "the day the family contacted mediation or appealed (ISO date)");
  public static final ProcessVariable<String> WITHDRAWAL_REASON =
      ProcessVariable.of("withdrawalReason", String.class, "why the request was withdrawn, as told to the family");
  public static final ProcessVariable<String> ADVICE_SUMMARY =
      ProcessVariable.of("adviceSummary", String.class, "the advice given, or where the full report is filed");
  public static final ProcessVariable<Boolean> ADVICE_EXCEPTION =
      ProcessVariable.of("adviceException", Boolean.class, "an exception under reg 8(2) excuses this advice's 6 weeks");
  public static final ProcessVariable<String> ADVICE_EXCEPTION_REASON =
      ProcessVariable.oneOf("adviceExceptionReason", "the ground of reg 8(2), an ExceptionReason name",
          ExceptionReason.names(ExceptionReason.ADVICE));
  public static final ProcessVariable<String> ADVICE_EXCEPTION_STARTS_ON =
      ProcessVariable.of("adviceExceptionStartsOn", String.class, "first day the advice exception applied (ISO date)");
  public static final ProcessVariable<String> ADVICE_EXCEPTION_DETAILS =
      ProcessVariable.of("adviceExceptionDetails", String.class, "what happened, without personal details");
}
