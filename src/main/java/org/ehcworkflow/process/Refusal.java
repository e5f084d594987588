package org.ehcworkflow.process;

import java.util.List;
import java.util.Optional;

/**
 * A request the system refuses because of what the caller sent, never because something broke: invalid input, a
 * conflict with what is already recorded, or something that does not exist. Each message names the field at fault.
 * Thrown anywhere (a start listener, a task's complete listener, a controller), it rolls back the command, so nothing
 * is created or changed; the REST APIs answer it with its {@link Kind#status()} and the message
 * ({@link EngineRefusals} for the engine's REST API and Tasklist, {@code RefusalAnswers} for the project's API).
 */
public class Refusal extends RuntimeException {

  /** What kind of refusal, with the HTTP status every API answers it with. */
  public enum Kind {
    INVALID(400), NOT_FOUND(404), CONFLICT(409);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;
  private final List<String> problems;

  protected Refusal(Kind kind, List<String> problems) {
    super(String.join("; ", problems));
    this.kind = kind;
    this.problems = List.copyOf(problems);
  }

  /** @param message names the field at fault and says what is wrong with it */
  public static Refusal invalid(String message) {
    return new Refusal(Kind.INVALID, List.of(message));
  }

  /** @param message names the field and what it conflicts with (already open, already under way, ...) */
  public static Refusal conflict(String message) {
    return new Refusal(Kind.CONFLICT, List.of(message));
  }

  /** @param message names the field whose value points at nothing */
  public static Refusal notFound(String message) {
    return new Refusal(Kind.NOT_FOUND, List.of(message));
  }

  public Kind kind() {
    return kind;
  }

  /** Every problem found, each naming its field; the message joins them. */
  public List<String> problems() {
    return problems;
  }

  /** The refusal behind an exception, however deeply the engine wrapped it (task listeners, nested commands). */
  public static Optional<Refusal> in(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof Refusal refusal) {
        return Optional.of(refusal);
      }
    }
    return Optional.empty();
  }
}
