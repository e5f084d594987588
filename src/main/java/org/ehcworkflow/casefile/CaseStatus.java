package org.ehcworkflow.casefile;

/** Where a case stands, as the case file records it. */
public enum CaseStatus {
  OPEN, NOT_ASSESSED, NO_PLAN, PLAN_ISSUED, WITHDRAWN
}
