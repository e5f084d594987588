package org.ehcworkflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.ehcworkflow.csv.RowProblem;
import org.junit.jupiter.api.Test;

/** What the register import refuses before anything reaches the database. */
class RegisterCsvImportTest {

  private final RegisterCsvImport csvImport = new RegisterCsvImport(null, null, null, null);

  @Test
  void aFieldLongerThanTheRegisterKeepsIsRefusedNamingTheFieldAndTheOtherRowsStay() {
    LocalDate today = LocalDate.now();
    String rest = ",%s,,,Setting,11,%s,,".formatted(today.minusYears(8), today.minusYears(2));
    String csv = String.join(",", RegisterCsvImport.HEADER) + "\n"
        + "LONG-1," + "x".repeat(101) + rest + "\n"
        + "LONG-2," + rest + "\n"
        + "LONG-3,,%s,,%s,Setting,11,%s,,\n".formatted(today.minusYears(8), "9".repeat(41), today.minusYears(2))
        + "LONG-4,,%s,,,%s,11,%s,,\n".formatted(today.minusYears(8), "S".repeat(201), today.minusYears(2))
        + "LONG-5,,%s,,,Setting,11,%s,,%s@example.org\n".formatted(today.minusYears(8), today.minusYears(2),
            "a".repeat(310));

    RegisterCsvImport.Parsed parsed = csvImport.read(csv);

    assertThat(parsed.valid()).as(parsed.invalid().toString()).extracting(row -> row.plan().caseReference())
        .containsExactly("LONG-2");
    assertThat(parsed.invalid()).extracting(RowProblem::line).containsExactly(2, 4, 5, 6);
    assertThat(parsed.invalid()).extracting(RowProblem::reason).satisfiesExactly(
        reason -> assertThat(reason).contains("council_reference is longer than 100"),
        reason -> assertThat(reason).contains("setting_code is longer than 40"),
        reason -> assertThat(reason).contains("setting_name is longer than 200"),
        reason -> assertThat(reason).contains("contact_email is longer than 320"));
  }
}
