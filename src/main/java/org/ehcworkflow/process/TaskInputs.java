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

  /** One of the variable's declared {@link ProcessVariable#codes()}. */
  public static String requireOneOf(DelegateTask task, ProcessVariable<String> variable) {
    return requireOneOf(task, variable, variable.codes().toArray(String[]::new));
  }

  /** A true or false answer if one was given (a checkbox left alone), never a text that only looks like one. */
  public static Boolean optionalBoolean(DelegateTask task, ProcessVariable<Boolean> variable) {
    Object value = task.getVariable(variable.name());
    if (value != null && !(value instanceof Boolean)) {
      throw InputRejected.because(variable.name() + " must be true or false, got '" + value + "'");
    }
    return (Boolean) value;
  }

  /** A date that has happened: today or before. */
  public static LocalDate pastDate(DelegateTask task, ProcessVariable<String> variable, boolean required) {
    LocalDate day = date(task, variable, required);
    if (day != null && day.isAfter(EngineClock.today())) {
      throw InputRejected.because(variable.name() + " " + day + " is in the future");
    }
    return day;
  }

  /** The text of a variable, or null. */
  public static String text(DelegateTask task, ProcessVariable<?> variable) {
    Object value = task.getVariable(variable.name());
    return value == null ? null : value.toString();
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
  /**
   * A transient variable naming who sent a task's input when nobody is signed in to the engine: {@link #FAMILY}
   * for the family's own pages, {@code link:...} for a partner's secure link. Never stored; a signed-in caller's identity always comes first.
   */
  public static final String SUBMITTED_BY = "submittedBy";
  public static final String FAMILY = "family";
  /** How a partner who answered through a secure link is named: {@code link:<of whom it was asked>}. */
  public static final String LINK_PREFIX = "link:";

  public static String currentUser(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null) {
      return authentication.getUserId();
    }
    Object submittedBy = task.getVariable(SUBMITTED_BY);
    if (FAMILY.equals(submittedBy) || submittedBy instanceof String by && by.startsWith(LINK_PREFIX)) {
      return (String) submittedBy;
    }
    return task.getAssignee();
  }
}
