package org.ehcworkflow.plan;

/** A plan is maintained until it ceases; ceasing takes effect only once no appeal can change it. */
public enum PlanStatus { MAINTAINED, CEASED }
