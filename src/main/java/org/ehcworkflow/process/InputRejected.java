package org.ehcworkflow.process;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * The one place where invalid input seen inside the engine (a start, a completed form) becomes an error the
 * caller can act on: the engine REST API answers it with 400 and the message, Tasklist shows the message,
 * and the command rolls back, so nothing is created or changed.
 */
public final class InputRejected {

  private InputRejected() {
  }

  public static RuntimeException because(String message) {
    return new InvalidRequestException(Status.BAD_REQUEST, message);
  }
}
