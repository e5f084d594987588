package org.ehcworkflow.process;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable declared once with its name, type and meaning, read and written without casts at
 * each use. A variable a person chooses from a list declares its {@link #codes()}: the forms offer exactly
 * those (tested) and {@link TaskInputs#requireOneOf} accepts exactly those.
 */
public record ProcessVariable<T>(String name, Class<T> type, String meaning, List<String> codes) {

  public static <T> ProcessVariable<T> of(String name, Class<T> type, String meaning) {
    return new ProcessVariable<>(name, type, meaning, List.of());
  }

  /** A text variable whose value is one of the codes. */
  public static ProcessVariable<String> oneOf(String name, String meaning, String... codes) {
    return new ProcessVariable<>(name, String.class, meaning, List.of(codes));
  }

  /** A text variable whose value is the name of one of the enum's constants. */
  public static ProcessVariable<String> oneOf(String name, String meaning, Class<? extends Enum<?>> codes) {
    return new ProcessVariable<>(name, String.class, meaning,
        Arrays.stream(codes.getEnumConstants()).map(Enum::name).toList());
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
