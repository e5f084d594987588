package org.ehcworkflow.plan;

/** Whether a code names an active school or setting: a port the partner directory ({@code partner}) implements. */
@FunctionalInterface
public interface ActiveSettings {

  boolean isActive(String code);
}
