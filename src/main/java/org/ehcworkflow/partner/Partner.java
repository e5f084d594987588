package org.ehcworkflow.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.ehcworkflow.process.Codes;

/**
 * One entry of the directory.
 *
 * @param code the setting's code (DfE URN) for schools and settings; for teams, optional
 * @param ukprn the setting's UK Provider Reference Number (8 digits), which SEN2 reports beside the URN; optional,
 *     and only for schools and settings
 */
public record Partner(Long id, PartnerType type, String code, String ukprn, String organisationName, String email,
    String phone, boolean active) {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,40}");
  private static final Pattern UKPRN = Pattern.compile("1\\d{7}");

  /** Reads and checks a submitted entry; every problem is named. */
  public static Partner of(Long id, String type, String code, String ukprn, String organisationName, String email,
      String phone, Boolean active) {
    List<String> problems = new ArrayList<>();
    PartnerType partnerType = null;
    try {
      partnerType = Codes.parse(PartnerType.class, "partnerType", type);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    String cleanCode = blankToNull(code);
    if (partnerType != null && partnerType.perSetting() && cleanCode == null) {
      problems.add("code is required for " + partnerType + " (the setting's unique reference number)");
    }
    if (cleanCode != null && !CODE.matcher(cleanCode).matches()) {
      problems.add("code '" + cleanCode + "' must be 1 to 40 letters, digits or '-'");
    }
    String cleanUkprn = blankToNull(ukprn);
    if (cleanUkprn != null && !UKPRN.matcher(cleanUkprn).matches()) {
      problems.add("ukprn '" + cleanUkprn + "' must be 8 digits starting with 1 (the UK Provider Reference Number)");
    }
    if (cleanUkprn != null && partnerType != null && !partnerType.perSetting()) {
      problems.add("ukprn is only for a school or setting, not for " + partnerType);
    }
    if (blankToNull(organisationName) == null) {
      problems.add("organisationName is required");
    }
    String cleanEmail = blankToNull(email);
    if (cleanEmail == null || !EMAIL.matcher(cleanEmail).matches()) {
      problems.add("email '" + (email == null ? "" : email) + "' is not an email address");
    }
    if (!problems.isEmpty()) {
      throw new InvalidPartner(problems);
    }
    return new Partner(id, partnerType, cleanCode, cleanUkprn, organisationName.trim(), cleanEmail,
        blankToNull(phone), active == null || active);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** An entry that cannot go into the directory. */
  public static class InvalidPartner extends RuntimeException {
    private final List<String> problems;

    InvalidPartner(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
