package org.ehcworkflow.process;

import java.util.regex.Pattern;

/**
 * The one rule for a case reference, wherever one enters: opening a case, onboarding a register, starting a phase
 * transfer. A reference that could be onboarded but never opened (or the reverse) cannot exist.
 */
public final class CaseReferences {

  private static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_-]{2,39}");

  /** What the rule says, for messages. */
  public static final String DESCRIPTION = "3 to 40 letters, digits, '-', '_' or '/', starting with a letter or digit";

  private CaseReferences() {
  }

  public static boolean valid(String reference) {
    return reference != null && RULE.matcher(reference).matches();
  }
}
