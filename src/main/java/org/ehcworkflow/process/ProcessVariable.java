package org.ehcworkflow.process;

import java.util.Objects;
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
    Object value = scope.getVariable(name);
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    throw new IllegalStateException("process variable " + name + " is a " + value.getClass().getSimpleName()
        + ", expected " + type.getSimpleName());
  }

  public T require(VariableScope scope) {
    return Objects.requireNonNull(get(scope), () -> "process variable " + name + " is missing");
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }
}
