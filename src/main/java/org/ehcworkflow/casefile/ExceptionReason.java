package org.ehcworkflow.casefile;

/**
 * Exceptions to the 6, 16 and 20-week time limits (SEND Regs 2014 reg 5(4), 10(4), 13(3)). An exception
 * does not stop the clock: the deadline stands and is reported as missed with an exception.
 */
public enum ExceptionReason {
  A_SCHOOL_CLOSURE("reg 10(4)(a): advice asked of a school or college around a closure of at least 4 weeks"),
  B_EARLY_YEARS_CLOSURE("reg 10(4)(b): advice asked of an early years provider around a closure of at least 4 weeks"),
  C_EXCEPTIONAL_PERSONAL_CIRCUMSTANCES("reg 10(4)(c): exceptional personal circumstances of the child or family"),
  D_ABSENT_FROM_AREA("reg 10(4)(d): the child or family absent from the area for at least 4 weeks");

  private final String description;

  ExceptionReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
