package org.ehcworkflow.document;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ehcworkflow.security.Roles;

/**
 * The sections of an EHC plan in the national layout (SEND Regs 2014 reg 12; Code of Practice 9.62), with the
 * groups that may write each: coordinators every section, health colleagues C and G, social care D, H1 and H2.
 */
public enum PlanSection {
  A("Views, interests and aspirations of the child and their parents, or of the young person"),
  B("Special educational needs"),
  C("Health care needs related to the special educational needs", Roles.HEALTH),
  D("Social care needs related to the special educational needs or disability", Roles.SOCIAL_CARE),
  E("Outcomes"),
  F("Special educational provision"),
  G("Health care provision", Roles.HEALTH),
  H1("Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970", Roles.SOCIAL_CARE),
  H2("Other social care provision", Roles.SOCIAL_CARE),
  I("Placement: the school or other institution, or type of institution"),
  J("Personal budget"),
  K("Advice and information gathered during the assessment");

  private final String title;
  private final List<String> partnerEditors;

  PlanSection(String title, String... partnerEditors) {
    this.title = title;
    this.partnerEditors = List.of(partnerEditors);
  }

  public String title() {
    return title;
  }

  /** Whether a member of these groups may write this section: coordinators always, partners their own sections. */
  public boolean editableBy(List<String> groups) {
    return groups.contains(Roles.COORDINATORS) || groups.stream().anyMatch(partnerEditors::contains);
  }

  /** @throws IllegalArgumentException naming the sections there are */
  public static PlanSection parse(String code) {
    try {
      return valueOf(code.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("section '" + code + "' is not one of " + Arrays.toString(values()));
    }
  }
}
