package org.ehcworkflow.process;

import java.util.ArrayList;
import java.util.List;

/** How the kernel's engine plugins add to a list of the engine's configuration that others may also extend. */
final class EngineExtensions {

  private EngineExtensions() {
  }

  /** The plugin's own extension first, then those already configured (none when the list is not set). */
  static <T> List<T> first(T own, List<? extends T> configured) {
    List<T> all = new ArrayList<>();
    all.add(own);
    if (configured != null) {
      all.addAll(configured);
    }
    return all;
  }
}
