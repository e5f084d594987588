package org.ehcworkflow.needsassessment;

import java.util.List;

/** A request that cannot open a case; each message names the field at fault. */
public class InvalidCaseRequest extends RuntimeException {

  private final List<String> problems;

  public InvalidCaseRequest(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
