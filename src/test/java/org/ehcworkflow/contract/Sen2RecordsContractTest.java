package org.ehcworkflow.contract;

import java.time.LocalDate;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.casefile.CaseStatus;
import org.ehcworkflow.casefile.JdbcCaseFile;
import org.ehcworkflow.integration.TestPostgres;
import org.ehcworkflow.sen2.JdbcSen2;
import org.ehcworkflow.sen2.Sen2Records;
import org.ehcworkflow.testing.InMemoryCaseFile;
import org.ehcworkflow.testing.InMemorySen2;
import org.junit.jupiter.api.Nested;
import org.springframework.jdbc.core.JdbcTemplate;

/** The SEN2 records' contract, held by the JDBC adapter on PostgreSQL and by the process tests' fake alike. */
class Sen2RecordsContractTest {

  private static void open(CaseFile caseFile, String caseReference) {
    caseFile.open(new CaseFile.OpenedCase(caseReference, "pi-1", "PARENT", LocalDate.of(2026, 1, 5), null, null,
        CaseStatus.OPEN));
  }

  @Nested
  class OnPostgres extends Sen2RecordsContract {
    private static final JdbcTemplate JDBC = TestPostgres.migratedDatabase();
    private static final Sen2Records ADAPTER = new JdbcSen2(JDBC);
    private static final CaseFile CASES = new JdbcCaseFile(JDBC,
        new org.ehcworkflow.casefile.CaseReferenceCounter(JDBC.getDataSource()));

    @Override
    protected Sen2Records sen2() {
      return ADAPTER;
    }

    @Override
    protected void openCase(String caseReference) {
      open(CASES, caseReference);
    }
  }

  @Nested
  class InMemory extends Sen2RecordsContract {
    private static final InMemoryCaseFile CASES = new InMemoryCaseFile();
    private static final Sen2Records FAKE = new InMemorySen2(caseReference -> CASES.find(caseReference).isPresent());

    @Override
    protected Sen2Records sen2() {
      return FAKE;
    }

    @Override
    protected void openCase(String caseReference) {
      open(CASES, caseReference);
    }
  }
}
