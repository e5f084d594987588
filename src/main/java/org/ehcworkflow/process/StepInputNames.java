package org.ehcworkflow.process;

import java.util.Set;

/**
 * The names of the input parameters that configure a shared step (a notice's template, a breach's time limit): the
 * steps declare them, {@link LeanHistory} keeps their values out of history.
 */
public record StepInputNames(Set<String> names) {

  public StepInputNames {
    names = Set.copyOf(names);
  }
}
