package org.ehcworkflow.disagreement;

import java.util.EnumSet;
import java.util.Set;

/**
 * The decisions a family may take to mediation and to the First-tier Tribunal (CFA 2014 s51), each with the orders
 * the tribunal can make on it. A decision to cease a plan has its own window in {@code ehc-annual-review}.
 */
public enum AppealableDecision {
  NOT_TO_ASSESS("the decision not to carry out an EHC needs assessment", EnumSet.of(TribunalOutcome.ORDER_TO_ASSESS)),
  NOT_TO_ISSUE("the decision not to issue an EHC plan after assessment", EnumSet.of(TribunalOutcome.ORDER_TO_MAKE_PLAN)),
  PLAN_CONTENTS("the special educational needs, provision or school named in the plan",
      EnumSet.of(TribunalOutcome.ORDER_TO_AMEND, TribunalOutcome.ORDER_TO_NAME_SCHOOL)),
  NOT_TO_AMEND("the decision not to amend the plan after a review",
      EnumSet.of(TribunalOutcome.ORDER_TO_AMEND, TribunalOutcome.ORDER_TO_NAME_SCHOOL));

  private final String meaning;
  private final Set<TribunalOutcome> orders;

  AppealableDecision(String meaning, Set<TribunalOutcome> orders) {
    this.meaning = meaning;
    this.orders = orders;
  }

  public String meaning() {
    return meaning;
  }

  /** Whether the tribunal's outcome can follow an appeal against this decision (a dismissal or withdrawal always can). */
  public boolean allows(TribunalOutcome outcome) {
    return !outcome.isOrder() || orders.contains(outcome);
  }

  public Set<TribunalOutcome> orders() {
    return orders;
  }
}
