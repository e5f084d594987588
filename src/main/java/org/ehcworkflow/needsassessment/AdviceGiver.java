package org.ehcworkflow.needsassessment;

/**
 * Those whose advice the authority seeks (SEND Regs 2014 reg 6(1)), each with the Camunda group whose members
 * answer in Tasklist. The code doubles as the partner type in the partner directory.
 */
public enum AdviceGiver {
  EDUCATIONAL_PSYCHOLOGY("educationalPsychologists", "askEducationalPsychology"),
  HEALTH("health", "askHealth"),
  SOCIAL_CARE("socialCare", "askSocialCare"),
  SCHOOL_OR_SETTING("schools", "askSchoolOrSetting"),
  OTHER("coordinators", "askOther");

  private final String group;
  private final String formField;

  AdviceGiver(String group, String formField) {
    this.group = group;
    this.formField = formField;
  }

  public String group() {
    return group;
  }

  /** The checkbox of the decision form that asks this advice giver. */
  public String formField() {
    return formField;
  }
}
