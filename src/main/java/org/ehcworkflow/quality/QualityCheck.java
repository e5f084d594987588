package org.ehcworkflow.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ehcworkflow.document.PlanContent;
import org.ehcworkflow.document.PlanSection;
import org.ehcworkflow.quality.PlanQuality.AdviceReceived;
import org.ehcworkflow.quality.PlanQuality.Assessment;
import org.ehcworkflow.quality.PlanQuality.Stage;

/**
 * A case's plan checked against the rules: its working copy (or an issued version), the child's year group and the
 * advice the case received, looked up through their ports.
 */
public class QualityCheck {

  private final PlanQuality rules;
  private final PlanContent plans;
  private final Function<String, Integer> yearGroup;
  private final Function<String, List<AdviceReceived>> advice;

  /**
   * @param yearGroup the child's year group today, or null when unknown
   * @param advice the advice the case received, from its step record
   */
  public QualityCheck(PlanQuality rules, PlanContent plans, Function<String, Integer> yearGroup,
      Function<String, List<AdviceReceived>> advice) {
    this.rules = rules;
    this.plans = plans;
    this.yearGroup = yearGroup;
    this.advice = advice;
  }

  /** The working copy, as it would be served or issued. */
  public Assessment workingCopy(String caseReference, Stage stage) {
    return assess(caseReference, plans.workingCopy(caseReference), stage);
  }

  public Assessment assess(String caseReference, Map<PlanSection, String> sections, Stage stage) {
    Map<String, String> byCode = new LinkedHashMap<>();
    sections.forEach((section, text) -> byCode.put(section.name(), text));
    return rules.assess(byCode, stage, yearGroup.apply(caseReference), advice.apply(caseReference));
  }

  public List<AdviceReceived> adviceReceived(String caseReference) {
    return advice.apply(caseReference);
  }

  /** The stage a plan document is: a draft or proposed amendments, or a final or amended plan. */
  public static Stage stageOf(String documentKind) {
    return documentKind.equals("DRAFT_PLAN") || documentKind.equals("PROPOSED_AMENDMENTS") ? Stage.DRAFT
        : Stage.FINAL;
  }
}
