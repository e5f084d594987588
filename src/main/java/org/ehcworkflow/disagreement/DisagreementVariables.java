package org.ehcworkflow.disagreement;

import org.ehcworkflow.steps.IssueDocumentDelegate;
import org.ehcworkflow.process.ProcessVariable;

/**
 * The variable contract of {@code ehc-disagreement} (mediation and appeal, SEND Regs 2014 Part 6; HESC Rules 2008)
 * and {@code ehc-tribunal-order} (complying with the tribunal's order, reg 44). The business key of both is the case
 * reference. Deadlines are ISO dates named by {@link org.ehcworkflow.calendar.TimeLimit#dueVariable()}.
 */
public final class DisagreementVariables {

  private DisagreementVariables() {
  }

  public static final String DISAGREEMENT_PROCESS = "ehc-disagreement";
  public static final String ORDER_PROCESS = "ehc-tribunal-order";

  public static final ProcessVariable<String> DECISION =
      ProcessVariable.oneOf("decision", "the appealable decision the family disagrees with", AppealableDecision.class);
  public static final ProcessVariable<String> DECISION_NOTIFIED_ON = IssueDocumentDelegate.DECISION_NOTIFIED_ON;
  public static final ProcessVariable<String> DISAGREEMENT =
      ProcessVariable.oneOf("disagreement", "'mediation', 'mediationDeclined' or 'appeal'", "mediation",
          "mediationDeclined", "appeal");
  public static final ProcessVariable<String> DISAGREEMENT_DATE =
      ProcessVariable.of("disagreementDate", String.class,
          "the day the family asked for mediation, told the adviser they decline it, or appealed (ISO date)");
  public static final ProcessVariable<String> APPEAL_DUE =
      ProcessVariable.of("appealDue", String.class, "the last day to appeal (HESC r20(1)(c), r12(3)), ISO date");

  public static final ProcessVariable<String> MEDIATION_HELD_ON =
      ProcessVariable.of("mediationHeldOn", String.class, "the day mediation ended (ISO date)");
  public static final ProcessVariable<String> MEDIATION_OUTCOME =
      ProcessVariable.oneOf("mediationOutcome", "'agreed' or 'notAgreed'", "agreed", "notAgreed");
  public static final ProcessVariable<String> MEDIATION_AGREEMENT =
      ProcessVariable.of("mediationAgreement", String.class, "what was agreed at mediation (free text)");
  public static final ProcessVariable<String> CERTIFICATE_ISSUED_ON =
      ProcessVariable.of("certificateIssuedOn", String.class, "the day the mediation certificate was issued (ISO date)");

  public static final ProcessVariable<String> APPEAL_ANSWER =
      ProcessVariable.oneOf("appealAnswer", "'appealed' or 'notAppealing'", "appealed", "notAppealing");
  public static final ProcessVariable<String> APPEAL_LODGED_ON =
      ProcessVariable.of("appealLodgedOn", String.class, "the day the appeal was lodged with the tribunal (ISO date)");
  public static final ProcessVariable<String> TRIBUNAL_DECISION_EXPECTED =
      ProcessVariable.of("tribunalDecisionExpected", String.class, "when the tribunal's decision is expected (ISO date)");
  public static final ProcessVariable<String> TRIBUNAL_OUTCOME =
      ProcessVariable.oneOf("tribunalOutcome", "what the tribunal decided, a TribunalOutcome code",
          TribunalOutcome.codes());
  public static final ProcessVariable<String> TRIBUNAL_DECISION_DATE =
      ProcessVariable.of("tribunalDecisionDate", String.class, "the day of the tribunal's decision or order (ISO date)");

  public static final ProcessVariable<String> ORDER_TYPE =
      ProcessVariable.oneOf("orderType", "the order to comply with, a TribunalOutcome order code",
          TribunalOutcome.orderCodes());
  public static final ProcessVariable<String> ORDER_DATE =
      ProcessVariable.of("orderDate", String.class, "the day of the tribunal's order: day 0 of reg 44(2) (ISO date)");
  public static final ProcessVariable<String> ORDERED_FINAL_DUE =
      ProcessVariable.of("orderedFinalDue", String.class,
          "the day the ordered final or amended plan is due (reg 44(2)(b)(ii), (c)(ii), (e), (f))");
  public static final ProcessVariable<String> ORDERED_FINAL_LIMIT =
      ProcessVariable.of("orderedFinalLimit", String.class,
          "the time limit the ordered final or amended plan runs under");
  public static final ProcessVariable<String> ASSESSMENT_ARRANGEMENTS =
      ProcessVariable.of("assessmentArrangements", String.class,
          "how the ordered assessment is arranged: whose advice is sought (free text)");
  public static final ProcessVariable<String> ORDERED_ISSUE_DECISION =
      ProcessVariable.oneOf("orderedIssueDecision", "'issue' or 'doNotIssue' after the ordered assessment", "issue",
          "doNotIssue");
  public static final ProcessVariable<String> DECISION_REASON =
      ProcessVariable.of("decisionReason", String.class, "the reasons given to the family (free text)");
}
