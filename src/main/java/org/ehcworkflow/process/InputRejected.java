package org.ehcworkflow.process;

/**
 * Invalid input seen inside the engine (a start, a completed form): a {@link Refusal} of kind
 * {@link Refusal.Kind#INVALID}, which the engine REST API answers with 400 and the message, Tasklist shows, and
 * which rolls the command back, so nothing is created or changed.
 */
public final class InputRejected {

  private InputRejected() {
  }

  /** @param message names the field at fault */
  public static Refusal because(String message) {
    return Refusal.invalid(message);
  }
}
