package org.ehcworkflow.calendar;

/** The recorded event a time limit is counted from. Deadlines are never counted from "now". */
public enum Anchor {
  REQUEST_RECEIVED("the day the local authority received the request"),
  ADVICE_REQUESTED("the day the advice giver received the request for advice"),
  DRAFT_SERVED("the day the draft plan or notice of proposed amendments was served"),
  CONSULTATION_SENT("the day the requested setting was consulted"),
  DECISION_NOTICE("the day the appealable decision was notified"),
  MEDIATION_ADVICE_CONTACTED("the day the family told the mediation adviser they do not want mediation"),
  MEDIATION_REQUESTED("the day mediation was requested"),
  MEDIATION_ENDED("the day mediation ended"),
  TRIBUNAL_ORDER("the day of the tribunal's order"),
  PLAN_ISSUED_OR_REVIEWED("the day the plan was issued or last reviewed"),
  REVIEW_MEETING("the day of the annual review meeting"),
  TRANSFER_DATE("the day the child or young person moves to the new phase (1 September unless known otherwise)");

  private final String meaning;

  Anchor(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }
}
