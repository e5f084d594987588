package org.ehcworkflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.casefile.CaseReferenceCounter;
import org.ehcworkflow.casefile.JdbcCaseFile;
import org.ehcworkflow.integration.TestPostgres;
import org.ehcworkflow.testing.InMemoryCaseFile;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The case file's contract, held by the JDBC adapter on PostgreSQL and by the process tests' fake alike. */
class CaseFileContractTest {

  @Nested
  class OnPostgres extends CaseFileContract {
    private static final JdbcTemplate DATABASE = TestPostgres.migratedDatabase();
    private static final DataSourceTransactionManager TRANSACTIONS =
        new DataSourceTransactionManager(DATABASE.getDataSource());
    private static final CaseFile ADAPTER = new JdbcCaseFile(DATABASE,
        new CaseReferenceCounter(DATABASE.getDataSource()));
    /** Years no contract test counts in: the contract's own start below 8,000. */
    private static final AtomicInteger YEARS = new AtomicInteger(9000);

    @Override
    protected CaseFile caseFile() {
      return ADAPTER;
    }

    @Test
    void aReferenceIsTakenWhileAnotherOpeningIsStillUnderWayAndAFailedOpeningsNumberIsNeverGivenAgain()
        throws Exception {
      int year = YEARS.incrementAndGet();
      ExecutorService other = Executors.newSingleThreadExecutor();
      try {
        List<String> taken = new ArrayList<>();
        TransactionTemplate opening = new TransactionTemplate(TRANSACTIONS);
        opening.executeWithoutResult(status -> {
          taken.add(ADAPTER.nextCaseReference(year));
          try {
            // Before the change this waited for the first opening's transaction: the counter's row stayed locked.
            taken.add(other.submit(() -> ADAPTER.nextCaseReference(year)).get(10, TimeUnit.SECONDS));
          } catch (Exception e) {
            throw new AssertionError("a second opening waited for the first one's transaction", e);
          }
          status.setRollbackOnly();
        });
        taken.add(ADAPTER.nextCaseReference(year));
        assertThat(taken).containsExactly(String.format("EHC-%d-00001", year), String.format("EHC-%d-00002", year),
            String.format("EHC-%d-00003", year));
      } finally {
        other.shutdownNow();
      }
    }

    @Test
    void anUpgradedDatabaseGoesOnFromTheLastNumberItsCounterTableGave() {
      int year = YEARS.incrementAndGet();
      DATABASE.update("insert into case_reference_counter (counter_year, last_value) values (?, 41)", year);

      assertThat(ADAPTER.nextCaseReference(year)).isEqualTo(String.format("EHC-%d-00042", year));
      assertThat(ADAPTER.nextCaseReference(year)).isEqualTo(String.format("EHC-%d-00043", year));
      assertThat(DATABASE.queryForObject("select last_value from case_reference_counter where counter_year = ?",
          Integer.class, year)).as("the old counter is only read").isEqualTo(41);
    }

    @Test
    void aSecondNodeStartingOnTheSameDatabaseTakesTheNextNumbersNeverTheSame() {
      int year = YEARS.incrementAndGet();
      CaseFile otherNode = new JdbcCaseFile(DATABASE, new CaseReferenceCounter(DATABASE.getDataSource()));

      assertThat(ADAPTER.nextCaseReference(year)).isEqualTo(String.format("EHC-%d-00001", year));
      assertThat(otherNode.nextCaseReference(year)).isEqualTo(String.format("EHC-%d-00002", year));
      assertThat(ADAPTER.nextCaseReference(year)).isEqualTo(String.format("EHC-%d-00003", year));
    }

    @Test
    void nodesStartingAYearTogetherCreateItsSequenceOnceAndShareIt() throws Exception {
      int nodes = 4;
      int each = 10;
      ExecutorService pool = Executors.newFixedThreadPool(nodes);
      try {
        // Five new years, each begun by four nodes at the same moment: each node has its own counter, so each
        // finds the year's sequence missing and tries to create it.
        for (int round = 0; round < 5; round++) {
          int year = YEARS.incrementAndGet();
          java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
          List<Callable<List<String>>> work = new ArrayList<>();
          for (int n = 0; n < nodes; n++) {
            CaseFile node = new JdbcCaseFile(DATABASE, new CaseReferenceCounter(DATABASE.getDataSource()));
            work.add(() -> {
              start.await();
              List<String> mine = new ArrayList<>();
              for (int i = 0; i < each; i++) {
                mine.add(node.nextCaseReference(year));
              }
              return mine;
            });
          }
          List<Future<List<String>>> results = new ArrayList<>();
          for (Callable<List<String>> node : work) {
            results.add(pool.submit(node));
          }
          start.countDown();
          Set<String> all = new HashSet<>();
          for (Future<List<String>> result : results) {
            all.addAll(result.get(30, TimeUnit.SECONDS));
          }
          assertThat(all).as("year %d", year).hasSize(nodes * each)
              .contains(String.format("EHC-%d-00001", year), String.format("EHC-%d-%05d", year, nodes * each));
        }
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    void openingsSideBySideEachGetANumberOfTheirOwnFromTheYearsFirst() throws Exception {
      int year = YEARS.incrementAndGet();
      int clients = 4;
      int each = 25;
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      try {
        List<Callable<List<String>>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
          work.add(() -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < each; i++) {
              mine.add(ADAPTER.nextCaseReference(year));
            }
            return mine;
          });
        }
        Set<String> all = new HashSet<>();
        for (Future<List<String>> result : pool.invokeAll(work)) {
          all.addAll(result.get());
        }
        assertThat(all).hasSize(clients * each).contains(String.format("EHC-%d-00001", year),
            String.format("EHC-%d-%05d", year, clients * each));
      } finally {
        pool.shutdownNow();
      }
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
