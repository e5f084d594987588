package org.ehcworkflow.document;

/** A plan version was frozen as it was issued (a draft, final, proposed amendments or amended plan). */
public record PlanVersionFrozen(String caseReference, int version, String kind, String frozenBy) {
}
