package org.ehcworkflow.needsassessment;

import java.util.List;
import org.ehcworkflow.process.Refusal;

/** A request that cannot open a case; each problem names the field at fault. */
public class InvalidCaseRequest extends Refusal {

  public InvalidCaseRequest(List<String> problems) {
    super(Kind.INVALID, problems);
  }
}
