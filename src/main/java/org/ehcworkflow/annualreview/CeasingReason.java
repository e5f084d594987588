package org.ehcworkflow.annualreview;

/** The only grounds on which a plan may cease (CFA 2014 s45; SEND Regs 2014 reg 29-30). */
public enum CeasingReason {
  /** CFA 2014 s45(1)(b): the child or young person no longer needs special educational provision by a plan. */
  NO_LONGER_NECESSARY,
  /** SEND Regs 2014 reg 30: a young person over 18 who has left education and does not wish to return. */
  LEFT_EDUCATION_OVER_18,
  /** CFA 2014 s45(1)(a): the authority is no longer responsible (moved to another authority, or left education). */
  NO_LONGER_RESPONSIBLE
}
