package org.ehcworkflow.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan's content as structured, versioned data. Officers (and health and social care colleagues, for their
 * sections) edit a working copy; every draft, final, proposed amendment or amended plan issued freezes it as a new
 * version, and any two versions compare section by section.
 */
public interface PlanContent {

  Map<PlanSection, String> workingCopy(String caseReference);

  void write(String caseReference, PlanSection section, String text, String writtenBy);

  /** Freezes the working copy as the next version and returns its number. */
  int freeze(String caseReference, String kind, String frozenBy);

  Optional<Map<PlanSection, String>> version(String caseReference, int version);

  List<PlanVersion> versions(String caseReference);

  /** The latest version of one of these kinds (for example the last final or amended plan), if any. */
  Optional<PlanVersion> latest(String caseReference, List<String> kinds);

  record PlanVersion(int version, String kind, java.time.Instant createdAt, String createdBy) {
  }
}
