package org.ehcworkflow.annualreview;

import org.ehcworkflow.process.ProcessVariable;

/**
 * The variable contract of {@code ehc-annual-review}. Deadlines are ISO dates named after their time limit
 * ({@code annualReviewDue}, {@code reviewReportDue}, {@code reviewDecisionDue}, {@code amendedPlanDue}); no
 * variable holds the child's name or date of birth.
 */
public final class AnnualReviewVariables {

  private AnnualReviewVariables() {
  }

  public static final ProcessVariable<String> CASE_REFERENCE =
      ProcessVariable.of("caseReference", String.class, "the case reference, also the business key");
  public static final ProcessVariable<String> REVIEW_KIND =
      ProcessVariable.of("reviewKind", String.class, "ANNUAL or PHASE_TRANSFER (a ReviewKind)");
  public static final ProcessVariable<String> ISSUED_OR_LAST_REVIEWED_ON =
      ProcessVariable.of("issuedOrLastReviewedOn", String.class, "the day the plan was issued or last reviewed");
  public static final ProcessVariable<String> PREPARATION_BEGINS =
      ProcessVariable.of("reviewPreparationBegins", String.class, "the day officers are asked to arrange the meeting");
  public static final ProcessVariable<String> PREPARATION_STARTS_AT =
      ProcessVariable.of("reviewPreparationStartsAt", String.class,
          "when the preparation timer fires: 09:00 on the day preparation begins, or at once for an overdue review");
  public static final ProcessVariable<Number> YEAR_GROUP =
      ProcessVariable.of("yearGroup", Number.class, "the child's year group when the review is due (0 = reception)");
  public static final ProcessVariable<Boolean> PREPARING_FOR_ADULTHOOD =
      ProcessVariable.of("preparingForAdulthood", Boolean.class, "year 9 or above: the review covers adulthood (reg 20(6))");
  public static final ProcessVariable<String> MEETING_DATE =
      ProcessVariable.of("meetingDate", String.class, "the day of the review meeting, as arranged");
  public static final ProcessVariable<String> MEETING_HELD_ON =
      ProcessVariable.of("meetingHeldOn", String.class, "the day the meeting was held, from the review report");
  public static final ProcessVariable<String> ADVICE_SUMMARY =
      ProcessVariable.of("adviceSummary", String.class, "what advice was gathered and circulated");
  public static final ProcessVariable<String> RECOMMENDATION =
      ProcessVariable.oneOf("reviewRecommendation", "the meeting's recommendation: maintain, amend or cease",
          "maintain", "amend", "cease");
  public static final ProcessVariable<String> REPORT_SUMMARY =
      ProcessVariable.of("reportSummary", String.class, "the review report's summary, from the setting");
  public static final ProcessVariable<String> CONSULTATION_NOTES =
      ProcessVariable.of("consultationNotes", String.class, "what the family and the setting said about ceasing");
  public static final ProcessVariable<Boolean> PREPARING_FOR_ADULTHOOD_COVERED =
      ProcessVariable.of("preparingForAdulthoodCovered", Boolean.class, "the report covers preparing for adulthood");
  public static final ProcessVariable<String> DECISION =
      ProcessVariable.oneOf("reviewDecision", "the authority's decision: maintain, amend or cease", "maintain",
          "amend", "cease");
  public static final ProcessVariable<String> DECISION_REASON =
      ProcessVariable.of("decisionReason", String.class, "why, in words the family will read");
  public static final ProcessVariable<Boolean> CEASE_AFTER_CONSULTATION =
      ProcessVariable.of("ceaseAfterConsultation", Boolean.class, "still cease once the family and setting were heard");
  public static final ProcessVariable<String> CEASING_REASON =
      ProcessVariable.oneOf("ceasingReason", "a CeasingReason: the ground of reg 30 or CFA 2014 s45",
          CeasingReason.class);
  public static final ProcessVariable<String> APPEAL_LODGED_ON =
      ProcessVariable.of("appealLodgedOn", String.class, "the day the family appealed against ceasing");
  public static final ProcessVariable<String> TRIBUNAL_DECISION_EXPECTED =
      ProcessVariable.of("tribunalDecisionExpected", String.class, "when the tribunal's decision is expected (12 weeks)");
  public static final ProcessVariable<String> TRIBUNAL_OUTCOME =
      ProcessVariable.oneOf("tribunalOutcome", "ceaseUpheld or planKept (noAppeal when none was lodged)",
          "ceaseUpheld", "planKept");
  public static final ProcessVariable<String> TRANSFER_DUE =
      ProcessVariable.of("transferDue", String.class, "for a transfer review: the day the plan must name the new setting");
  public static final ProcessVariable<String> TRANSFER_TITLE =
      ProcessVariable.of("transferTitle", String.class, "for a transfer review: which phase transfer");
}
