package org.ehcworkflow.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How one section differs between two versions of a plan: what the notice of proposed amendments shows. */
public record SectionChange(PlanSection section, Change change, String before, String after) {

  public enum Change { ADDED, REMOVED, CHANGED }

  /** The sections that differ, in plan order; a blank section counts as absent. */
  public static List<SectionChange> between(Map<PlanSection, String> before, Map<PlanSection, String> after) {
    List<SectionChange> changes = new ArrayList<>();
    for (PlanSection section : PlanSection.values()) {
      String was = blankToNull(before.get(section));
      String is = blankToNull(after.get(section));
      if (was == null && is != null) {
        changes.add(new SectionChange(section, Change.ADDED, null, is));
      } else if (was != null && is == null) {
        changes.add(new SectionChange(section, Change.REMOVED, was, null));
      } else if (!Objects.equals(was, is)) {
        changes.add(new SectionChange(section, Change.CHANGED, was, is));
      }
    }
    return changes;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
