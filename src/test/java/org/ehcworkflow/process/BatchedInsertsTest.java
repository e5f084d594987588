package org.ehcworkflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

class BatchedInsertsTest {

  @Test
  void thePostgresUrlTheApplicationConnectsWithSendsBatchesOfInsertsAsOne() {
    DataSourceProperties database = new DataSourceProperties();
    database.setUrl("jdbc:postgresql://db.council.example/ehc");
    new BatchedInserts().postProcessAfterInitialization(database, "spring.datasource-properties");
    assertThat(database.getUrl()).isEqualTo("jdbc:postgresql://db.council.example/ehc?reWriteBatchedInserts=true");
    assertThat(BatchedInserts.withBatchedInserts("jdbc:postgresql://db/ehc?sslmode=require"))
        .isEqualTo("jdbc:postgresql://db/ehc?sslmode=require&reWriteBatchedInserts=true");
  }

  @Test
  void anotherDatabaseAndACouncilsOwnChoiceAreLeftAlone() {
    assertThat(BatchedInserts.withBatchedInserts("jdbc:h2:file:./data/ehc-workflow"))
        .isEqualTo("jdbc:h2:file:./data/ehc-workflow");
    assertThat(BatchedInserts.withBatchedInserts("jdbc:postgresql://db/ehc?reWriteBatchedInserts=false"))
        .isEqualTo("jdbc:postgresql://db/ehc?reWriteBatchedInserts=false");
    assertThat(BatchedInserts.withBatchedInserts(null)).isNull();
  }
}
