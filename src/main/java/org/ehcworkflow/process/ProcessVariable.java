package org.ehcworkflow.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable declared once with its name, type and meaning, read and written without casts at
 * each use.
 */
public record ProcessVariable<T>(String name, Class<T> type, String meaning) {

  public static <T> ProcessVariable<T> of(String name, Class<T> type, String meaning) {
    return new ProcessVariable<>(name, type, meaning);
  }

  public T get(VariableScope scope) {
    return cast(scope.getVariable(name));
  }

  /** The variable of this scope only, as for a step's input parameters. */
  public T local(VariableScope scope) {
    return cast(scope.getVariableLocal(name));
  }

  private T cast(Object value) {
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    throw new IllegalStateException("process variable " + name + " is a " + value.getClass().getSimpleName()
        + ", expected " + type.getSimpleName());
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

}
