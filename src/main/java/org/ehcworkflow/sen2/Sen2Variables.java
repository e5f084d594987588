package org.ehcworkflow.sen2;

import java.util.List;
import org.ehcworkflow.process.ProcessVariable;

/**
 * The SEN2 items an officer records in Tasklist: in the case file (the child) and when finalising a plan (the
 * setting and the personal budget). Each is optional; what is given replaces what was recorded, and the variables are
 * removed once kept, so the items live in one place ({@code sen2_person}). The choices are the shipped mapping's code
 * lists ({@code sen2/sen2-mapping.properties}, tested to match): a council that changes a code list changes the forms'
 * choices with it.
 */
public final class Sen2Variables {

  private Sen2Variables() {
  }

  public static final ProcessVariable<String> SEX =
      ProcessVariable.oneOf("sen2Sex", "the child's sex as SEN2 codes it", "M", "F", "U");
  public static final ProcessVariable<String> ETHNICITY = ProcessVariable.oneOf("sen2Ethnicity",
      "the child's ethnicity, a DfE main code", "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS",
      "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");
  public static final ProcessVariable<String> UPN =
      ProcessVariable.of("sen2Upn", String.class, "the unique pupil number, as on the school census");
  public static final ProcessVariable<String> ULN =
      ProcessVariable.of("sen2Uln", String.class, "the unique learner number (10 digits), for post-16 learners");
  public static final ProcessVariable<String> UPN_UNKNOWN = ProcessVariable.oneOf("sen2UpnUnknown",
      "why neither UPN nor ULN is known", "UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7", "UN8", "UN9", "UN10");
  public static final ProcessVariable<String> NEED_PRIMARY = ProcessVariable.oneOf("sen2NeedPrimary",
      "the primary type of need (rank 1)", "SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD",
      "ASD", "OTH");
  public static final ProcessVariable<String> NEED_SECONDARY = new ProcessVariable<>("sen2NeedSecondary",
      String.class, "the secondary type of need (rank 2)", NEED_PRIMARY.codes());
  public static final ProcessVariable<String> SETTING_TYPE = ProcessVariable.oneOf("sen2SettingType",
      "the type of the setting the plan names", "MSTRM", "MSRP", "MSSU", "SPEC", "INDSP", "AP", "FE", "SPI", "HOSP",
      "EHE", "OTH");
  public static final ProcessVariable<String> PERSONAL_BUDGET = ProcessVariable.oneOf("sen2PersonalBudget",
      "the personal budget arrangements: none, organised arrangements, direct payments or both", "NONE", "OA", "DP",
      "BOTH");

  /** Every item, with the mapping's code list its choices come from (null for free text). */
  static final List<Item> ITEMS = List.of(new Item(SEX, "sex"), new Item(ETHNICITY, "ethnicity"),
      new Item(UPN, null), new Item(ULN, null), new Item(UPN_UNKNOWN, "upnUnknown"),
      new Item(NEED_PRIMARY, "senType"), new Item(NEED_SECONDARY, "senType"), new Item(SETTING_TYPE, "settingType"),
      new Item(PERSONAL_BUDGET, "personalBudget"));

  record Item(ProcessVariable<String> variable, String codeList) {
  }
}
