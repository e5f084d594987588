package org.ehcworkflow.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Engine work that a route of the project's API does for a caller it has already checked (their role, the case,
 * the input), with the application's rights rather than the caller's. A coordinator may withdraw a case through the
 * API, which checks the reason and that an assessment is open, but holds no right to change a case's instances
 * through the engine's own REST API, which would check nothing. The engine skips its authorization check for this
 * work alone; the caller stays signed in, so whatever the engine records of it (its operation log) names them.
 */
public class CheckedCaller {

  private final ProcessEngineConfigurationImpl engine;

  CheckedCaller(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /** Runs the work in one engine command (one transaction), without the engine's authorization check. */
  public <T> T run(Supplier<T> work) {
    return engine.getCommandExecutorTxRequired().execute(command -> {
      // Inside a command that had already turned the check off, it stays off afterwards.
      boolean checked = command.isAuthorizationCheckEnabled();
      command.disableAuthorizationCheck();
      try {
        return work.get();
      } finally {
        if (checked) {
          command.enableAuthorizationCheck();
        }
      }
    });
  }
}
