package org.ehcworkflow.contract;

import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.casefile.JdbcCaseFile;
import org.ehcworkflow.integration.TestPostgres;
import org.ehcworkflow.testing.InMemoryCaseFile;
import org.junit.jupiter.api.Nested;

/** The case file's contract, held by the JDBC adapter on PostgreSQL and by the process tests' fake alike. */
class CaseFileContractTest {

  @Nested
  class OnPostgres extends CaseFileContract {
    private static final CaseFile ADAPTER = new JdbcCaseFile(TestPostgres.migratedDatabase());

    @Override
    protected CaseFile caseFile() {
      return ADAPTER;
    }
  }

  @Nested
  class InMemory extends CaseFileContract {
    private static final CaseFile FAKE = new InMemoryCaseFile();

    @Override
    protected CaseFile caseFile() {
      return FAKE;
    }
  }
}
