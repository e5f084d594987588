package org.ehcworkflow.calendar;

/**
 * The phase transfers of SEND Regs 2014 reg 18 and Code of Practice 9.179, each with the time limit by which
 * the plan must be amended to name the new setting. Which transfer a child makes follows from the last year
 * group of the setting named in the plan (its statutory age range).
 */
public enum PhaseTransfer {
  EARLY_YEARS_TO_SCHOOL("Early years to school", TimeLimit.PHASE_TRANSFER_SCHOOL),
  INFANT_TO_JUNIOR("Infant to junior school", TimeLimit.PHASE_TRANSFER_SCHOOL),
  PRIMARY_TO_MIDDLE("First or primary to middle school", TimeLimit.PHASE_TRANSFER_SCHOOL),
  PRIMARY_TO_SECONDARY("Primary to secondary school", TimeLimit.PHASE_TRANSFER_SCHOOL),
  MIDDLE_TO_SECONDARY("Middle to secondary school", TimeLimit.PHASE_TRANSFER_SCHOOL),
  SECONDARY_TO_POST_16("Secondary school to post-16", TimeLimit.PHASE_TRANSFER_POST_16),
  POST_16_TO_POST_16("Post-16 to another post-16 setting", TimeLimit.PHASE_TRANSFER_BETWEEN_POST_16);

  private final String title;
  private final TimeLimit timeLimit;

  PhaseTransfer(String title, TimeLimit timeLimit) {
    this.title = title;
    this.timeLimit = timeLimit;
  }

  public String title() {
    return title;
  }

  /** The time limit by which the amended plan names the new setting. */
  public TimeLimit timeLimit() {
    return timeLimit;
  }

  /**
   * The transfer a child makes on leaving a setting whose last year group is {@code lastYearGroup}: nursery
   * (below 0) to school; an infant school (to year 2) to junior; a first school (years 3 to 5) to middle; a
   * primary (year 6) to secondary; a middle school (7 to 10) to secondary; year 11 to post-16; a sixth form
   * or college (12 and above) to another post-16 setting.
   */
  public static PhaseTransfer leaving(int lastYearGroup) {
    if (lastYearGroup < 0) {
      return EARLY_YEARS_TO_SCHOOL;
    }
    if (lastYearGroup <= 2) {
      return INFANT_TO_JUNIOR;
    }
    if (lastYearGroup <= 5) {
      return PRIMARY_TO_MIDDLE;
    }
    if (lastYearGroup == 6) {
      return PRIMARY_TO_SECONDARY;
    }
    if (lastYearGroup <= 10) {
      return MIDDLE_TO_SECONDARY;
    }
    return lastYearGroup == 11 ? SECONDARY_TO_POST_16 : POST_16_TO_POST_16;
  }
}
