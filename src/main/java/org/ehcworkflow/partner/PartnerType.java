package org.ehcworkflow.partner;

/**
 * The kinds of partner. A team is one address for the whole authority area; a setting is one address per
 * school, college or early years provider, found by its code.
 */
public enum PartnerType {
  EDUCATIONAL_PSYCHOLOGY(false), HEALTH(false), SOCIAL_CARE(false), SCHOOL_OR_SETTING(true), OTHER(false);

  private final boolean perSetting;

  PartnerType(boolean perSetting) {
    this.perSetting = perSetting;
  }

  /** Whether each partner of this type has its own code (a school's URN) and is addressed by it. */
  public boolean perSetting() {
    return perSetting;
  }
}
