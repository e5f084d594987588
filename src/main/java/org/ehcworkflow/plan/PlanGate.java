package org.ehcworkflow.plan;

import java.util.List;

/**
 * The plan's blocking findings before it is served (draft) or issued (final): none lets it go. A port of the plan's
 * finalisation that plan quality ({@code quality}) implements.
 */
@FunctionalInterface
public interface PlanGate {

  enum Stage { DRAFT, FINAL }

  /** A finding that stops the plan until it is mended or a reason to go ahead is recorded. */
  record Blocking(String rule, String section, String message) {
  }

  List<Blocking> blocking(String caseReference, Stage stage);
}
