package org.ehcworkflow.process;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reading what an officer submitted with a task, in {@code complete} listeners: each failure rejects the completion
 * with a message that names the field, and the task stays open with nothing changed.
 */
public final class TaskInputs {

  private TaskInputs() {
  }

  public static String requireOneOf(DelegateTask task, ProcessVariable<String> variable, String... allowed) {
    Object value = task.getVariable(variable.name());
    if (value == null || !Arrays.asList(allowed).contains(value.toString())) {
      throw InputRejected.because(variable.name() + " must be one of " + Arrays.toString(allowed)
          + (value == null ? "" : ", got '" + value + "'"));
    }
    return value.toString();
  }

  public static String requireText(DelegateTask task, ProcessVariable<String> variable, String why) {
    Object value = task.getVariable(variable.name());
    if (value == null || value.toString().isBlank()) {
      throw InputRejected.because(variable.name() + " is required: " + why);
    }
    return value.toString().trim();
  }

  public static boolean requireBoolean(DelegateTask task, ProcessVariable<Boolean> variable) {
    Object value = task.getVariable(variable.name());
    if (!(value instanceof Boolean answer)) {
      throw InputRejected.because(variable.name() + " is required, true or false"
          + (value == null ? "" : ", got '" + value + "'"));
    }
    return answer;
  }

  public static LocalDate date(DelegateTask task, ProcessVariable<String> variable, boolean required) {
    Object value = task.getVariable(variable.name());
    if (value == null || value.toString().isBlank()) {
      if (required) {
        throw InputRejected.because(variable.name() + " is required, as YYYY-MM-DD");
      }
      return null;
    }
    return rejectInvalid(() -> IsoDates.parse(variable.name(), value));
  }

  public static <E extends Enum<E>> E code(DelegateTask task, ProcessVariable<String> variable, Class<E> type) {
    return rejectInvalid(() -> Codes.parse(type, variable.name(), task.getVariable(variable.name())));
  }

  /** A parse failure becomes a rejection of the completed task, with the parser's message. */
  public static <T> T rejectInvalid(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw InputRejected.because(e.getMessage());
    }
  }

  /** Who completed the task: the authenticated user, else its assignee. */
  public static String currentUser(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }
}
