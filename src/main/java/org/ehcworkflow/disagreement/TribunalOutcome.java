package org.ehcworkflow.disagreement;

import java.util.Arrays;
import java.util.List;
import org.ehcworkflow.calendar.TimeLimit;

/**
 * What the First-tier Tribunal (SEND) decided on an appeal, with the code the forms and the API use, and for an
 * order the time limits of reg 44(2) that count from its day, the plan's own (final or amended) last.
 */
public enum TribunalOutcome {
  DISMISSED("dismissed", "appeal dismissed: the decision stands"),
  WITHDRAWN("withdrawn", "appeal withdrawn by the family"),
  ORDER_TO_ASSESS("orderToAssess", "order to carry out an EHC needs assessment (reg 44(2)(b))",
      TimeLimit.ORDER_TO_ASSESS_NOTICE, TimeLimit.ORDER_TO_ASSESS_NOT_ISSUE, TimeLimit.ORDER_TO_ASSESS_FINAL),
  ORDER_TO_MAKE_PLAN("orderToMakePlan", "order to make and maintain an EHC plan (reg 44(2)(c))",
      TimeLimit.ORDER_TO_MAKE_PLAN_DRAFT, TimeLimit.ORDER_TO_MAKE_PLAN_FINAL),
  ORDER_TO_AMEND("orderToAmend", "order to amend the plan (reg 44(2)(e))", TimeLimit.ORDER_TO_AMEND),
  // Reg 44(2)(f): an order that only names the school or college is met in 2 weeks, not the 5 of an amendment.
  ORDER_TO_NAME_SCHOOL("orderToNameSchool",
      "order only to name a school or college, or its type, in section I (reg 44(2)(f))",
      TimeLimit.ORDER_TO_NAME_SCHOOL);

  private final String code;
  private final String meaning;
  private final List<TimeLimit> timeLimits;

  TribunalOutcome(String code, String meaning, TimeLimit... timeLimits) {
    this.code = code;
    this.meaning = meaning;
    this.timeLimits = List.of(timeLimits);
  }

  public String code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /** Whether the authority must now comply with an order (reg 44), in {@code ehc-tribunal-order}. */
  public boolean isOrder() {
    return !timeLimits.isEmpty();
  }

  /** The order's time limits under reg 44(2); none for a decision that orders nothing. */
  public List<TimeLimit> timeLimits() {
    return timeLimits;
  }

  /** The limit the order's final or amended plan runs under. */
  public TimeLimit finalLimit() {
    return timeLimits.get(timeLimits.size() - 1);
  }

  /** @throws IllegalArgumentException naming the field, the value and the codes allowed */
  public static TribunalOutcome ofCode(String field, String code) {
    return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(field + " must be one of "
            + Arrays.toString(codes()) + (code == null ? "" : ", got '" + code + "'")));
  }

  static String[] codes() {
    return Arrays.stream(values()).map(TribunalOutcome::code).toArray(String[]::new);
  }

  static String[] orderCodes() {
    return Arrays.stream(values()).filter(TribunalOutcome::isOrder).map(TribunalOutcome::code).toArray(String[]::new);
  }
}
