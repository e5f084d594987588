package org.ehcworkflow.steps;

import java.util.Set;
import org.ehcworkflow.process.ProcessVariable;

/**
 * The input parameters the shared steps read, declared once. They are BPMN input parameters, local to the
 * step, and read with {@link ProcessVariable#local}: a step never picks up a same-named variable of the case.
 */
public final class StepInputs {

  private StepInputs() {
  }

  public static final ProcessVariable<String> TEMPLATE =
      ProcessVariable.of("template", String.class, "notice template id, a file under notification-templates/");
  public static final ProcessVariable<String> RECIPIENTS =
      ProcessVariable.of("recipients", String.class, "comma-separated: family, partner:HEALTH, group:managers");
  public static final ProcessVariable<String> DEADLINE =
      ProcessVariable.of("deadline", String.class, "TimeLimit whose date the notice states (optional)");
  public static final ProcessVariable<String> STARTS_TIME_LIMITS =
      ProcessVariable.of("startsTimeLimits", String.class, "comma-separated TimeLimits the step starts (optional)");
  public static final ProcessVariable<String> INCLUDES =
      ProcessVariable.of("includes", String.class, "comma-separated process variables the notice states (optional)");
  public static final ProcessVariable<String> RESPOND_BY_LINK =
      ProcessVariable.of("respondByLink", String.class,
          "the notice carries a secure link to answer without an account; its value is what is asked (ADVICE)");
  public static final ProcessVariable<String> DOCUMENT_TYPE =
      ProcessVariable.of("documentType", String.class, "DocumentType the step issues");
  public static final ProcessVariable<String> TIME_LIMIT =
      ProcessVariable.of("timeLimit", String.class, "TimeLimit whose breach the step records");
  public static final ProcessVariable<String> SCOPE =
      ProcessVariable.of("scope", String.class, "what the breach is about within the case (the advice giver)");
  public static final ProcessVariable<String> OUTCOME =
      ProcessVariable.of("outcome", String.class, "CaseStatus the step closes the case with");

  /** Every name above. */
  public static final Set<String> NAMES = Set.of(TEMPLATE.name(), RECIPIENTS.name(),
      DEADLINE.name(), STARTS_TIME_LIMITS.name(), INCLUDES.name(), RESPOND_BY_LINK.name(), DOCUMENT_TYPE.name(),
      TIME_LIMIT.name(), SCOPE.name(), OUTCOME.name());
}
