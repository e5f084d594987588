package org.ehcworkflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcworkflow.sen2.Sen2Details;
import org.ehcworkflow.sen2.Sen2Records;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Sen2Records} does: the JDBC adapter and the process tests' fake run the same tests. */
abstract class Sen2RecordsContract {

  private static final Sen2Details DETAILS = new Sen2Details("F", "WBRI", "AB1 2CD", "A12345678901B", null, null,
      "PARENT", false, "SLCN", null, "MSTR", false, false, false, false, null, null, null);

  private Sen2Records sen2;
  private String reference;

  protected abstract Sen2Records sen2();

  /** Makes the reference a case the records know. */
  protected abstract void openCase(String caseReference);

  @BeforeEach
  void setUp() {
    sen2 = sen2();
    reference = "EHC-T-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void detailsAreKeptOnlyForAKnownCase() {
    assertThat(sen2.known(reference)).isFalse();
    openCase(reference);
    assertThat(sen2.known(reference)).isTrue();
    assertThat(sen2.details(reference)).isEmpty();
  }

  @Test
  void savingReportsWhetherAnythingChanged() {
    openCase(reference);
    LocalDate on = LocalDate.of(2026, 11, 2);
    assertThat(sen2.save(reference, DETAILS, on, "carla")).isTrue();
    assertThat(sen2.details(reference)).contains(DETAILS);
    assertThat(sen2.save(reference, DETAILS, on.plusDays(1), "carla")).as("the same details again").isFalse();
    Sen2Details changed = new Sen2Details("F", "WBRI", "AB1 2CD", "A12345678901B", null, null, "PARENT", false,
        "ASD", "SLCN", "MSTR", false, false, false, false, null, null, null);
    assertThat(sen2.save(reference, changed, on.plusDays(2), "chris")).isTrue();
    assertThat(sen2.details(reference)).contains(changed);
  }
}
