package org.ehcworkflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.ehcworkflow.document.SectionChange.Change;
import org.junit.jupiter.api.Test;

class SectionChangeTest {

  @Test
  void versionsCompareSectionBySection() {
    Map<PlanSection, String> before = Map.of(PlanSection.A, "Likes music", PlanSection.B, "Dyslexia",
        PlanSection.J, "Direct payment");
    Map<PlanSection, String> after = Map.of(PlanSection.A, "Likes music", PlanSection.B, "Dyslexia and anxiety",
        PlanSection.C, "Sees CAMHS monthly");

    assertThat(SectionChange.between(before, after)).containsExactly(
        new SectionChange(PlanSection.B, Change.CHANGED, "Dyslexia", "Dyslexia and anxiety"),
        new SectionChange(PlanSection.C, Change.ADDED, null, "Sees CAMHS monthly"),
        new SectionChange(PlanSection.J, Change.REMOVED, "Direct payment", null));
  }

  @Test
  void whitespaceAndBlankSectionsAreNoChange() {
    assertThat(SectionChange.between(Map.of(PlanSection.A, "Likes music\n"), Map.of(PlanSection.A, " Likes music",
        PlanSection.B, "  "))).isEmpty();
  }

  @Test
  void healthAndSocialCareWriteOnlyTheirOwnSections() {
    assertThat(PlanSection.C.editableBy(java.util.List.of("health"))).isTrue();
    assertThat(PlanSection.G.editableBy(java.util.List.of("health"))).isTrue();
    assertThat(PlanSection.D.editableBy(java.util.List.of("health"))).isFalse();
    assertThat(PlanSection.H1.editableBy(java.util.List.of("socialCare"))).isTrue();
    assertThat(PlanSection.F.editableBy(java.util.List.of("socialCare"))).isFalse();
    assertThat(PlanSection.I.editableBy(java.util.List.of("coordinators"))).isTrue();
    assertThat(PlanSection.A.editableBy(java.util.List.of("schools"))).isFalse();
  }
}
