package org.ehcworkflow.disagreement;

import java.util.Arrays;

/** What the First-tier Tribunal (SEND) decided on an appeal, with the code the forms and the API use. */
public enum TribunalOutcome {
  DISMISSED("dismissed", "appeal dismissed: the decision stands"),
  WITHDRAWN("withdrawn", "appeal withdrawn by the family"),
  ORDER_TO_ASSESS("orderToAssess", "order to carry out an EHC needs assessment (reg 44(2)(b))"),
  ORDER_TO_MAKE_PLAN("orderToMakePlan", "order to make and maintain an EHC plan (reg 44(2)(c))"),
  ORDER_TO_AMEND("orderToAmend", "order to amend the plan (reg 44(2)(e))"),
  ORDER_TO_NAME_SCHOOL("orderToNameSchool",
      "order only to name a school or college, or its type, in section I (reg 44(2)(f))");

  private final String code;
  private final String meaning;

  TribunalOutcome(String code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public String code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /** Whether the authority must now comply with an order (reg 44), in {@code ehc-tribunal-order}. */
  public boolean isOrder() {
    return this != DISMISSED && this != WITHDRAWN;
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
