package org.ehcworkflow.process;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableCollectionProvider;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user task being created has no variables in the database yet; this tells the engine so. Camunda knows it of a
 * new execution, but not of a new task: the first variable set on a task reads the task's variables from the database
 * (a query joining the variables and executions tables), for every task created. For a task in its {@code create}
 * event the answer is always none, so the query is skipped. Variables already read or set on the task are kept (the
 * engine's store takes a new source only while it has read nothing).
 *
 * <p>Camunda keeps the store in a protected field, read here once by name. Should a version of Camunda rename it, the
 * tasks are left to the engine as before, with a warning at start.
 */
public final class NewTaskVariables {

  private static final Logger LOG = LoggerFactory.getLogger(NewTaskVariables.class);
  private static final VarHandle STORE = store();

  private NewTaskVariables() {
  }

  /** In a task's {@code create} listener, before the first task variable is set: none is stored yet. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void noneStoredYet(DelegateTask task) {
    if (STORE != null && task instanceof TaskEntity entity
        && TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      ((VariableStore) STORE.get(entity)).setVariablesProvider(VariableCollectionProvider.emptyVariables());
    }
  }

  static boolean available() {
    return STORE != null;
  }

  private static VarHandle store() {
    try {
      return MethodHandles.privateLookupIn(TaskEntity.class, MethodHandles.lookup())
          .findVarHandle(TaskEntity.class, "variableStore", VariableStore.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("Camunda's task entity has no variable store field here ({}): each new task's variables are read "
          + "from the database as the engine does", e.toString());
      return null;
    }
  }
}
