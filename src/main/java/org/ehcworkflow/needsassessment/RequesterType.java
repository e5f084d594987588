package org.ehcworkflow.needsassessment;

import org.ehcworkflow.process.Codes;

/** Who asked for the assessment (CFA 2014 s36(1)), or who brought the child to the authority's attention. */
public enum RequesterType {
  PARENT,
  YOUNG_PERSON,
  SCHOOL_OR_COLLEGE,
  /** An NHS body's notification under CFA 2014 s23: not a request, but it starts a case. */
  BROUGHT_TO_ATTENTION_BY_HEALTH,
  BROUGHT_TO_ATTENTION_BY_SOCIAL_CARE,
  BROUGHT_TO_ATTENTION_BY_OTHER,
  /** The route that opened the case did not say; the officer records it at the first decision. */
  NOT_RECORDED;

  /**
   * Reads a submitted value: blank is {@link #NOT_RECORDED}.
   *
   * @throws IllegalArgumentException naming {@code requesterType} and the allowed values
   */
  public static RequesterType parse(Object value) {
    if (value == null || value.toString().isBlank()) {
      return NOT_RECORDED;
    }
    return Codes.parse(RequesterType.class, "requesterType", value);
  }
}
