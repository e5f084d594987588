package org.ehcworkflow.needsassessment;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Expressions for the advice multi-instance ({@code ${adviceRequests.of(execution)}} and
 * {@code ${adviceRequests.group(adviceGiver)}}): the list lives in one string variable, so it needs no
 * serialised Java object in the engine's tables.
 */
public class AdviceRequests {

  public List<String> of(VariableScope scope) {
    String givers = NeedsAssessmentVariables.ADVICE_GIVERS.get(scope);
    if (givers == null || givers.isBlank()) {
      return List.of();
    }
    return Arrays.stream(givers.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public String group(String adviceGiver) {
    return AdviceGiver.valueOf(adviceGiver).group();
  }
}
