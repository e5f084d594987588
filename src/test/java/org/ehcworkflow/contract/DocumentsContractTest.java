package org.ehcworkflow.contract;

import org.ehcworkflow.document.Documents;
import org.ehcworkflow.document.JdbcDocuments;
import org.ehcworkflow.document.JdbcPlanContent;
import org.ehcworkflow.document.PdfRenderer;
import org.ehcworkflow.integration.TestPostgres;
import org.ehcworkflow.testing.InMemoryDocuments;
import org.junit.jupiter.api.Nested;
import org.springframework.jdbc.core.JdbcTemplate;

/** The documents' contract, held by the JDBC adapter on PostgreSQL and by the process tests' fake alike. */
class DocumentsContractTest {

  @Nested
  class OnPostgres extends DocumentsContract {
    private static final JdbcTemplate JDBC = TestPostgres.migratedDatabase();
    private static final Documents ADAPTER = new JdbcDocuments(JDBC, new JdbcPlanContent(JDBC), new PdfRenderer(),
        frozen -> { });

    @Override
    protected Documents documents() {
      return ADAPTER;
    }
  }

  @Nested
  class InMemory extends DocumentsContract {
    private static final Documents FAKE = new InMemoryDocuments();

    @Override
    protected Documents documents() {
      return FAKE;
    }
  }
}
