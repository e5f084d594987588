package org.ehcworkflow.process;

import java.util.Map;
import java.util.function.Function;

/**
 * How the kernel's engine plugins take the place of a part of the engine: only where the part is still Camunda's own
 * class, so a council's own part, or one Camunda chose by a setting (its composite incident handlers), stays as it is.
 */
final class CamundasOwn {

  private CamundasOwn() {
  }

  /** Puts {@code replacement(current)} under {@code key} when the part there is exactly {@code camundas}. */
  static <K, V> void replace(Map<K, V> parts, K key, Class<?> camundas, Function<V, ? extends V> replacement) {
    V current = parts.get(key);
    if (current != null && current.getClass() == camundas) {
      parts.put(key, replacement.apply(current));
    }
  }
}
