package org.ehcworkflow.plan;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of a plan's history. */
public record PlanEvent(Kind kind, LocalDate date, String details, String recordedBy, Instant recordedAt) {

  public enum Kind { ISSUED, ONBOARDED, REVIEWED, AMENDED, TRANSFER_STARTED, CEASED, CORRECTED }
}
