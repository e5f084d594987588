package org.ehcworkflow.annualreview;

/** An ordinary yearly review, or the review that amends the plan for a phase transfer and replaces it that year. */
public enum ReviewKind { ANNUAL, PHASE_TRANSFER }
