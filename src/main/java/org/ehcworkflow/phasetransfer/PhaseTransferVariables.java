package org.ehcworkflow.phasetransfer;

import org.ehcworkflow.calendar.PhaseTransfer;
import org.ehcworkflow.process.ProcessVariable;

/**
 * The variable contract of {@code ehc-phase-transfer}: the transfer's day and kind, its deadline ({@code transferDue},
 * with the time limit it stands for) and reminder. The deadline variables also reach the transfer review.
 */
public final class PhaseTransferVariables {

  private PhaseTransferVariables() {
  }

  public static final ProcessVariable<String> CASE_REFERENCE =
      ProcessVariable.of("caseReference", String.class, "the case reference, also the business key");
  public static final ProcessVariable<String> TRANSFER_DAY =
      ProcessVariable.of("transferDay", String.class, "the day the child moves to the new phase (ISO date)");
  public static final ProcessVariable<String> TRANSFER_KIND =
      ProcessVariable.oneOf("transferKind", "a PhaseTransfer, from the setting's age range unless given",
          PhaseTransfer.class);
  public static final ProcessVariable<String> TRANSFER_TITLE =
      ProcessVariable.of("transferTitle", String.class, "the transfer in words, for notices and tasks");
  public static final ProcessVariable<String> TRANSFER_TIME_LIMIT =
      ProcessVariable.of("transferTimeLimit", String.class, "the TimeLimit of the deadline (reg 18(1)(a), (b) or 18(2))");
  public static final ProcessVariable<String> TRANSFER_DUE =
      ProcessVariable.of("transferDue", String.class, "the day by which the amended plan names the new setting");
  public static final ProcessVariable<String> REVIEW_BROUGHT_FORWARD =
      ProcessVariable.of("reviewBroughtForward", String.class, "how the review was found: broughtForward, adopted, started");
  public static final ProcessVariable<Number> COHORT_STARTED =
      ProcessVariable.of("cohortStarted", Number.class, "a cohort run: how many transfers it started");
}
