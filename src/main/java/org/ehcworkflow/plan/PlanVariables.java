package org.ehcworkflow.plan;

import org.ehcworkflow.process.ProcessVariable;

/**
 * The variable contract of {@code ehc-plan-finalisation}, the steps shared by every process that makes or amends
 * a plan: serve the draft or proposed amendments, 15 days for representations, consult, issue the final.
 */
public final class PlanVariables {

  private PlanVariables() {
  }

  public static final ProcessVariable<String> FINALISATION_KIND =
      ProcessVariable.of("finalisationKind", String.class, "NEW_PLAN or AMENDMENT");
  public static final ProcessVariable<String> FINAL_DUE =
      ProcessVariable.of("finalDue", String.class, "ISO date by which the final or amended plan is issued");
  public static final ProcessVariable<String> QUALITY_OVERRIDE_REASON =
      ProcessVariable.of("qualityOverrideReason", String.class,
          "why the plan goes ahead with a blocking quality finding (kept on the case)");
  public static final ProcessVariable<String> NAMED_SETTING =
      ProcessVariable.of("namedSetting", String.class, "school or type of setting named in section I");
  public static final ProcessVariable<String> NAMED_SETTING_CODE =
      ProcessVariable.of("namedSettingCode", String.class, "partner directory code (URN) of the named setting, if any");
  public static final ProcessVariable<Number> NAMED_SETTING_UPPER_AGE =
      ProcessVariable.of("namedSettingUpperAge", Number.class, "statutory upper age of the named setting, if known");
  public static final ProcessVariable<Number> CHILD_YEAR_GROUP =
      ProcessVariable.of("childYearGroup", Number.class, "year group an officer recorded (0 = reception), if any");
  public static final ProcessVariable<String> REQUESTED_SETTING =
      ProcessVariable.of("requestedSetting", String.class,
          "partner directory code of the school or college the family asked to be named; empty if none");
  public static final ProcessVariable<String> REPRESENTATIONS =
      ProcessVariable.of("representations", String.class, "the family's representations on the draft or amendments");
  public static final ProcessVariable<Boolean> MEETING_REQUESTED =
      ProcessVariable.of("meetingRequested", Boolean.class, "the family asked to meet an officer about the draft (reg 13(1)(b))");
  public static final ProcessVariable<String> SETTING_RESPONSE =
      ProcessVariable.oneOf("settingResponse", "the consulted setting's answer", "agreed", "declined", "noReply");
  public static final ProcessVariable<String> SETTING_RESPONSE_NOTES =
      ProcessVariable.of("settingResponseNotes", String.class, "the setting's reasons, in its words");

  /** A new plan after an assessment. */
  public static final String NEW_PLAN = "NEW_PLAN";
  /** An amended plan after a review or a phase transfer. */
  public static final String AMENDMENT = "AMENDMENT";
}
