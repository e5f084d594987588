package org.ehcworkflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.junit.jupiter.api.Test;

/**
 * A new row's id is checked as the engine checks it, with the engine's own refusal ({@code *} is reserved), but
 * the row is written out as text only for that refusal; the engine's own entity manager, run for comparison, writes it out for every row.
 */
class IdCheckWithoutTextTest {

  /** A row that counts how often it is written out as text. */
  static class Counted extends PropertyEntity {
    final AtomicInteger asText = new AtomicInteger();

    Counted(String id) {
      super(id, "value");
    }

    @Override
    public String toString() {
      asText.incrementAndGet();
      return "Counted[" + getName() + "]";
    }
  }

  @Test
  void aValidIdIsInsertedWithoutTheRowAsTextAndAnInvalidOneIsRefusedAsByTheEngine() {
    ProcessEngine engine = engine(true);
    try {
      assertThat(insert(engine, "ehc.example").asText).hasValue(0);

      assertThatThrownBy(() -> insert(engine, "*")).isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("Entity Counted[*] has an invalid id").hasMessageContaining("is a reserved identifier");
    } finally {
      engine.close();
    }
  }

  @Test
  void theEnginesOwnManagerWritesEveryRowOutAsText() {
    ProcessEngine engine = engine(false);
    try {
      assertThat(insert(engine, "ehc.example").asText).hasValue(1);
    } finally {
      engine.close();
    }
  }

  @Test
  void aCouncilsOwnEntityManagerStays() {
    SessionFactory councils = new DbEntityManagerFactory(null) {
    };
    assertThat(InMemoryEngines.partOf(List.of(new IdCheckWithoutText()),
        configuration -> configuration.setCustomSessionFactories(List.of(councils)),
        configuration -> configuration.getSessionFactories().get(DbEntityManager.class))).isSameAs(councils);
    assertThat(InMemoryEngines.partOf(List.of(new IdCheckWithoutText()), configuration -> { },
        configuration -> configuration.getSessionFactories().get(DbEntityManager.class)))
        .isInstanceOf(IdCheckWithoutText.Factory.class);
  }

  /** Inserts the row in a command that is then rolled back, before anything is flushed. */
  private static Counted insert(ProcessEngine engine, String id) {
    Counted row = new Counted(id);
    try {
      InMemoryEngines.configurationOf(engine).getCommandExecutorTxRequired()
          .execute(command -> {
            command.getDbEntityManager().insert(row);
            throw new RolledBack();
          });
    } catch (RolledBack expected) {
      return row;
    }
    throw new AssertionError("not reached");
  }

  static class RolledBack extends RuntimeException {
  }

  private static ProcessEngine engine(boolean plugin) {
    return InMemoryEngines.withPlugins(plugin ? List.of(new IdCheckWithoutText()) : List.of());
  }
}
