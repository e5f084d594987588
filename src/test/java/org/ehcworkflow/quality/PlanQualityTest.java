package org.ehcworkflow.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ehcworkflow.quality.PlanQuality.AdviceReceived;
import org.ehcworkflow.quality.PlanQuality.Assessment;
import org.ehcworkflow.quality.PlanQuality.Finding;
import org.ehcworkflow.quality.PlanQuality.Stage;
import org.junit.jupiter.api.Test;

/** Known answers for the shipped rules: a good plan passes every rule; each weakness gives exactly its findings. */
class PlanQualityTest {

  final PlanQuality quality = PlanQuality.fromClasspath();
  static final List<AdviceReceived> ADVICE = List.of(new AdviceReceived("HEALTH", LocalDate.of(2026, 2, 1)),
      new AdviceReceived("EDUCATIONAL_PSYCHOLOGY", LocalDate.of(2026, 2, 9)));

  static Map<String, String> goodPlan() {
    Map<String, String> plan = new HashMap<>();
    plan.put("A", "I like trains and I want to drive one. My mum says I learn best somewhere quiet.");
    plan.put("B", "- Communication and interaction: Robin finds it hard to follow spoken instructions.\n"
        + "- Social, emotional and mental health: anxiety in busy places.");
    plan.put("C", "Asthma, managed with an inhaler.");
    plan.put("E", "- Communication and interaction: will ask for help with a visual card in 4 of 5 lessons by July 2027\n"
        + "- Social, emotional and mental health: will use a calm-down plan without an adult within 6 months");
    plan.put("F", "- Communication and interaction: 30 minutes of speech and language therapy each week, delivered by"
        + " a speech and language therapist\n"
        + "- Social, emotional and mental health: a daily 15-minute check-in with a key worker");
    plan.put("G", "- An asthma review each year by the school nurse");
    plan.put("K", "- Advice from health, received 2026-02-01\n- Educational psychology advice, received 09/02/2026");
    return plan;
  }

  @Test
  void aGoodPlanPassesEveryRuleAndGradesA() {
    Assessment assessment = quality.assess(goodPlan(), Stage.DRAFT, 5, ADVICE);
    assertThat(assessment.findings()).isEmpty();
    assertThat(assessment.score()).isEqualTo(100);
    assertThat(assessment.grade()).isEqualTo("A");

    Map<String, String> finalPlan = new HashMap<>(goodPlan());
    finalPlan.put("I", "Oak Primary School");
    assertThat(quality.assess(finalPlan, Stage.FINAL, 5, ADVICE).findings()).isEmpty();
  }

  @Test
  void vagueProvisionAnOutcomeWithoutATimeFrameANeedWithoutProvisionAndADraftNamingASchool() {
    Map<String, String> plan = new HashMap<>(goodPlan());
    plan.put("B", "- Communication and interaction: Robin finds it hard to follow spoken instructions.\n"
        + "- Sensory and physical: uses a wheelchair.");
    plan.put("E", "- Communication and interaction: will talk to friends at playtime");
    plan.put("F", "- Communication and interaction: regular speech and language therapy");
    plan.put("I", "Oak Primary School");
    Assessment assessment = quality.assess(plan, Stage.DRAFT, 5, ADVICE);
    assertThat(assessment.findings()).extracting(Finding::rule, Finding::section, Finding::message, Finding::blocking)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("need-has-provision", "B",
                "Need 2 in section B has no provision in section F that names its area.", true),
            org.assertj.core.groups.Tuple.tuple("provision-specific", "F",
                "Provision 1 in section F says 'regular': say who provides what, how often and for how long.", false),
            org.assertj.core.groups.Tuple.tuple("provision-quantified", "F",
                "Provision 1 in section F does not say how often or for how long or who provides it.", false),
            org.assertj.core.groups.Tuple.tuple("outcome-time-frame", "E",
                "Outcome 1 in section E has no time frame (for example 'by July 2027' or 'within 6 months').", false),
            org.assertj.core.groups.Tuple.tuple("draft-names-no-setting", "I",
                "A draft plan names no school or other institution: leave section I empty until the final plan.",
                true));
    assertThat(assessment.blocking()).extracting(Finding::rule)
        .containsExactly("need-has-provision", "draft-names-no-setting");
    // B 70, F 70, E 85, I 60, the other five checked sections 100: 785 / 9
    assertThat(assessment.sectionScores()).containsEntry("B", 70).containsEntry("F", 70).containsEntry("E", 85)
        .containsEntry("I", 60).containsEntry("A", 100);
    assertThat(assessment.score()).isEqualTo(87);
    assertThat(assessment.grade()).isEqualTo("B");
    assertThat(assessment.findings()).allSatisfy(f -> assertThat(f.source()).isNotBlank());
  }

  @Test
  void theOtherRulesEachFindTheirGap() {
    Map<String, String> plan = new HashMap<>(goodPlan());
    plan.put("A", "Robin enjoys trains.");
    plan.put("D", "Needs short breaks for the family.");
    plan.put("K", "- Advice from health, received 2026-02-01");
    Assessment year10 = quality.assess(plan, Stage.FINAL, 10, ADVICE);
    assertThat(year10.findings()).extracting(Finding::rule).containsExactly("childs-own-views",
        "social-care-needs-have-provision", "preparing-for-adulthood", "final-names-setting", "advice-listed");
    assertThat(year10.findings()).filteredOn(f -> f.rule().equals("advice-listed")).singleElement()
        .extracting(Finding::message).isEqualTo("Advice from educational psychology received 2026-02-09 is not listed "
            + "in section K (use 'Fill section K from the case').");
  }

  @Test
  void findingsNameSectionsAndRulesNeverTheChild() {
    Map<String, String> plan = new HashMap<>();
    for (String section : List.of("A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "K")) {
      plan.put(section, "- Robin Testchild: regular support as required for Robin, born 2015-03-09");
    }
    Assessment assessment = quality.assess(plan, Stage.DRAFT, 10, ADVICE);
    assertThat(assessment.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.message())
        .doesNotContain("Robin").doesNotContain("Testchild").doesNotContain("2015-03-09"));
  }

  @Test
  void aRuleWithAnUnknownCheckOrNoSourceStopsTheStart() {
    assertThatThrownBy(() -> PlanQuality.read(new ByteArrayInputStream(("{\"rules\": [{\"id\": \"x\", \"check\": "
        + "\"spelling\", \"source\": \"s\", \"message\": \"m\"}]}").getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("plan quality rule x: unknown check 'spelling'");
    assertThatThrownBy(() -> PlanQuality.read(new ByteArrayInputStream(("{\"rules\": [{\"id\": \"y\", \"check\": "
        + "\"childsOwnViews\", \"message\": \"m\"}]}").getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("plan quality rule y needs its source");
  }

  @Test
  void sectionKIsFilledFromTheCase() {
    assertThat(PlanQuality.kLine(ADVICE.get(1))).isEqualTo("- Advice from educational psychology, received 2026-02-09");
    Map<String, String> plan = new HashMap<>(goodPlan());
    plan.put("K", PlanQuality.kLine(ADVICE.get(0)) + "\n" + PlanQuality.kLine(ADVICE.get(1)));
    assertThat(quality.assess(plan, Stage.DRAFT, 5, ADVICE).findings()).isEmpty();
  }
}
