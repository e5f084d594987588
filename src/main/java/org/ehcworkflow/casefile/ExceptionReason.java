package org.ehcworkflow.casefile;

import java.util.EnumSet;
import java.util.Set;

/**
 * Exceptions to the 6, 16 and 20-week time limits (SEND Regs 2014 reg 5(4), 10(4), 13(3)) and to an advice
 * giver's 6 weeks (reg 8(2)). An exception does not stop the clock: the deadline stands and is reported as missed
 * with an exception.
 */
public enum ExceptionReason {
  A_SCHOOL_CLOSURE("reg 10(4)(a): advice asked of a school or college around a closure of at least 4 weeks"),
  B_EARLY_YEARS_CLOSURE("reg 10(4)(b): advice asked of an early years provider around a closure of at least 4 weeks"),
  C_EXCEPTIONAL_PERSONAL_CIRCUMSTANCES("reg 10(4)(c): exceptional personal circumstances of the child or family"),
  D_ABSENT_FROM_AREA("reg 10(4)(d): the child or family absent from the area for at least 4 weeks"),
  E_MISSED_APPOINTMENT("reg 8(2)(c): the child or young person did not keep an appointment for an examination or test");

  /** The exceptions to the case's 6, 16 and 20-week limits (reg 5(4), 10(4), 13(3)). */
  public static final Set<ExceptionReason> CASE_WIDE =
      EnumSet.of(A_SCHOOL_CLOSURE, B_EARLY_YEARS_CLOSURE, C_EXCEPTIONAL_PERSONAL_CIRCUMSTANCES, D_ABSENT_FROM_AREA);
  /** The exceptions to one advice giver's 6 weeks (reg 8(2)); a waiting list is not one. */
  public static final Set<ExceptionReason> ADVICE =
      EnumSet.of(C_EXCEPTIONAL_PERSONAL_CIRCUMSTANCES, D_ABSENT_FROM_AREA, E_MISSED_APPOINTMENT);

  private final String description;

  ExceptionReason(String description) {
    this.description = description;
  }

  public static String[] names(Set<ExceptionReason> reasons) {
    return reasons.stream().map(Enum::name).toArray(String[]::new);
  }

  public String description() {
    return description;
  }
}
