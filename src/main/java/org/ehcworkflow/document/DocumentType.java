package org.ehcworkflow.document;

/** The statutory documents a case produces. */
public enum DocumentType {
  DECISION_NOT_TO_ASSESS("Decision not to carry out an EHC needs assessment", true),
  DECISION_TO_ASSESS("Decision to carry out an EHC needs assessment", false),
  DECISION_NOT_TO_ISSUE("Decision not to issue an EHC plan", true),
  DRAFT_PLAN("Draft EHC plan", false),
  FINAL_PLAN("Final EHC plan", true),
  WITHDRAWAL_NOTICE("Case closed: request withdrawn", false),
  PROPOSED_AMENDMENTS("Notice of proposed amendments to the EHC plan", false),
  AMENDED_PLAN("Amended EHC plan", true),
  REVIEW_DECISION_MAINTAIN("Decision after review: the EHC plan continues unchanged", true),
  DECISION_TO_CEASE("Decision to cease the EHC plan", true),
  /** Not issued by the authority: advice an advice giver sent (a PDF through their secure link), kept for section K. */
  ADVICE_RECEIVED("Advice received", false),
  /** Not issued by the authority: a requested school's answer to consultation, sent as a PDF through its link. */
  CONSULTATION_RESPONSE("Consultation response received", false),
  /** Not issued by the authority: the setting's annual review report, sent as a PDF through its link. */
  REVIEW_REPORT_RECEIVED("Annual review report received", false);

  private final String title;
  private final boolean appealable;

  DocumentType(String title, boolean appealable) {
    this.title = title;
    this.appealable = appealable;
  }

  public String title() {
    return title;
  }

  /** Whether the document is (or carries) the plan itself, rendered from a frozen version of its sections. */
  public boolean isPlan() {
    return this == DRAFT_PLAN || this == FINAL_PLAN || this == PROPOSED_AMENDMENTS || this == AMENDED_PLAN;
  }

  /** Received from outside, not produced and issued by the authority (no notice goes with it). */
  public boolean received() {
    return this == ADVICE_RECEIVED || this == CONSULTATION_RESPONSE || this == REVIEW_REPORT_RECEIVED;
  }

  /** Whether the document notifies a decision the family may take to mediation and appeal (CFA 2014 s51). */
  public boolean appealable() {
    return appealable;
  }
}
