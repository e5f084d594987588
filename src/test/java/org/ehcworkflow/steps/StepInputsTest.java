package org.ehcworkflow.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.ehcworkflow.process.ProcessVariable;
import org.junit.jupiter.api.Test;

/** The names kept out of history ({@code LeanHistory}) are exactly the inputs the steps declare. */
class StepInputsTest {

  @Test
  void namesAreEveryDeclaredInput() {
    assertThat(StepInputs.NAMES).containsExactlyInAnyOrderElementsOf(Arrays.stream(StepInputs.class.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class)
        .map(StepInputsTest::name).toList());
  }

  private static String name(Field field) {
    try {
      return ((ProcessVariable<?>) field.get(null)).name();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
