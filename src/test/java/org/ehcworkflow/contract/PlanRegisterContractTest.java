package org.ehcworkflow.contract;

import org.ehcworkflow.integration.TestPostgres;
import org.ehcworkflow.plan.JdbcPlanRegister;
import org.ehcworkflow.plan.PlanRegister;
import org.ehcworkflow.testing.InMemoryPlanRegister;
import org.junit.jupiter.api.Nested;

/** The plan register's contract, held by the JDBC adapter on PostgreSQL and by the process tests' fake alike. */
class PlanRegisterContractTest {

  @Nested
  class OnPostgres extends PlanRegisterContract {
    private static final PlanRegister ADAPTER = new JdbcPlanRegister(TestPostgres.migratedDatabase());

    @Override
    protected PlanRegister register() {
      return ADAPTER;
    }
  }

  @Nested
  class InMemory extends PlanRegisterContract {
    private static final PlanRegister FAKE = new InMemoryPlanRegister();

    @Override
    protected PlanRegister register() {
      return FAKE;
    }
  }
}
