package org.ehcworkflow.sen2;

import java.util.Locale;
import java.util.regex.Pattern;
import org.ehcworkflow.process.Refusal;

/**
 * The SEN2 items an officer records about a child and their plan, because no statutory step records them. Every code
 * is checked against the mapping's code lists; a UPN or ULN against its format; a missing UPN needs its reason.
 *
 * @param requestSource this system's requester type, when the case's own is not the one to report
 * @param personalBudget NONE, OA (organised arrangements), DP (direct payments) or BOTH
 */
public record Sen2Details(String sex, String ethnicity, String postcode, String upn, String uln, String upnUnknown,
    String requestSource, Boolean youthCustody, String needPrimary, String needSecondary, String settingType,
    Boolean senUnit, Boolean resourcedProvision, Boolean residential, Boolean workBasedLearning,
    String personalBudget, String transferredInLa, String ceaseReason) {

  private static final Pattern UPN = Pattern.compile("[A-Z]\\d{11}[0-9A-Z]");
  private static final Pattern ULN = Pattern.compile("\\d{10}");
  private static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}");
  private static final Pattern LA = Pattern.compile("\\d{3}");

  public static final Sen2Details NONE = new Sen2Details(null, null, null, null, null, null, null, null, null, null,
      null, null, null, null, null, null, null, null);

  /**
   * These details with each item the changes give replacing this one's. A UPN given clears the reason it was unknown,
   * and a reason given clears the UPN.
   */
  public Sen2Details updatedWith(Sen2Details changes) {
    String newUpn = or(changes.upn, changes.upnUnknown != null ? null : upn);
    String newUnknown = or(changes.upnUnknown, changes.upn != null ? null : upnUnknown);
    return new Sen2Details(or(changes.sex, sex), or(changes.ethnicity, ethnicity), or(changes.postcode, postcode),
        newUpn, or(changes.uln, uln), newUnknown, or(changes.requestSource, requestSource),
        or(changes.youthCustody, youthCustody), or(changes.needPrimary, needPrimary),
        or(changes.needSecondary, needSecondary), or(changes.settingType, settingType), or(changes.senUnit, senUnit),
        or(changes.resourcedProvision, resourcedProvision), or(changes.residential, residential),
        or(changes.workBasedLearning, workBasedLearning), or(changes.personalBudget, personalBudget),
        or(changes.transferredInLa, transferredInLa), or(changes.ceaseReason, ceaseReason));
  }

  private static <T> T or(T given, T kept) {
    return given != null ? given : kept;
  }

  /** The same details with codes in upper case and blanks as nulls; refused, naming the field, if any is invalid. */
  public Sen2Details checked(Sen2Mapping mapping) {
    Sen2Details d = new Sen2Details(upper(sex), upper(ethnicity), upper(postcode), upper(upn), blank(uln),
        upper(upnUnknown), upper(requestSource), youthCustody, upper(needPrimary), upper(needSecondary),
        upper(settingType), senUnit, resourcedProvision, residential, workBasedLearning, upper(personalBudget),
        blank(transferredInLa), blank(ceaseReason));
    oneOf(mapping, "sex", "sex", d.sex);
    oneOf(mapping, "ethnicity", "ethnicity", d.ethnicity);
    oneOf(mapping, "upnUnknown", "upnUnknown", d.upnUnknown);
    oneOf(mapping, "needPrimary", "senType", d.needPrimary);
    oneOf(mapping, "needSecondary", "senType", d.needSecondary);
    oneOf(mapping, "settingType", "settingType", d.settingType);
    oneOf(mapping, "personalBudget", "personalBudget", d.personalBudget);
    oneOf(mapping, "ceaseReason", "ceaseReason", d.ceaseReason);
    matches("upn", d.upn, UPN, "a letter, 11 digits and a check character, as on the school census");
    matches("uln", d.uln, ULN, "10 digits");
    matches("postcode", d.postcode, POSTCODE, "a UK postcode such as AB1 2CD");
    matches("transferredInLa", d.transferredInLa, LA, "the 3-digit number of the authority it came from");
    if (d.upn != null && d.upnUnknown != null) {
      throw Refusal.invalid("upnUnknown must be empty when upn is given");
    }
    if (d.needSecondary != null && d.needSecondary.equals(d.needPrimary)) {
      throw Refusal.invalid("needSecondary must differ from needPrimary");
    }
    if (d.needSecondary != null && d.needPrimary == null) {
      throw Refusal.invalid("needPrimary is required with needSecondary: the primary need is ranked 1");
    }
    if (d.requestSource != null) {
      try {
        mapping.code("requestSource", d.requestSource);
      } catch (IllegalStateException e) {
        throw Refusal.invalid("requestSource '" + d.requestSource + "' is not a requester type the mapping codes");
      }
    }
    return d;
  }

  private static void oneOf(Sen2Mapping mapping, String field, String list, String value) {
    if (value != null && !mapping.codes(list).contains(value)) {
      throw Refusal.invalid(field + " '" + value + "' is not one of " + mapping.codes(list));
    }
  }

  private static void matches(String field, String value, Pattern pattern, String what) {
    if (value != null && !pattern.matcher(value).matches()) {
      throw Refusal.invalid(field + " '" + value + "' is not " + what);
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String upper(String value) {
    String trimmed = blank(value);
    return trimmed == null ? null : trimmed.toUpperCase(Locale.ROOT);
  }
}
