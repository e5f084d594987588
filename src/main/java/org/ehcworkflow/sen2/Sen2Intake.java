package org.ehcworkflow.sen2;

import java.time.LocalDate;
import java.util.List;
import org.ehcworkflow.process.Refusal;

/**
 * The SEN2 items that arrive with a council's register (the onboarding CSV's optional columns): checked against the
 * code lists like those an officer records, and kept for a plan when it enters the register.
 */
public class Sen2Intake {

  /** The optional columns, after the register's own, in this order. */
  public static final List<String> COLUMNS = List.of("sex", "ethnicity", "upn", "uln", "upn_unknown",
      "need_primary", "need_secondary", "setting_type", "personal_budget");

  private final JdbcSen2 store;
  private final Sen2Mapping mapping;

  public Sen2Intake(JdbcSen2 store, Sen2Mapping mapping) {
    this.store = store;
    this.mapping = mapping;
  }

  /**
   * The items of one row, in {@link #COLUMNS} order, checked; null when the row gives none.
   *
   * @throws IllegalArgumentException naming the column and what is wrong with it
   */
  public Sen2Details read(List<String> values) {
    if (values.stream().allMatch(v -> v == null || v.isBlank())) {
      return null;
    }
    Sen2Details details = new Sen2Details(values.get(0), values.get(1), null, values.get(2), values.get(3),
        values.get(4), null, null, values.get(5), values.get(6), values.get(7), null, null, null, null,
        values.get(8), null, null);
    try {
      return details.checked(mapping);
    } catch (Refusal refused) {
      throw new IllegalArgumentException(refused.getMessage().replace("upnUnknown", "upn_unknown")
          .replace("needPrimary", "need_primary").replace("needSecondary", "need_secondary")
          .replace("settingType", "setting_type").replace("personalBudget", "personal_budget"));
    }
  }

  public void keep(String caseReference, Sen2Details details, LocalDate on) {
    store.save(caseReference, details, on, "import");
  }
}
