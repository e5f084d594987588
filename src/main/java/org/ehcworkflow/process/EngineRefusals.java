package org.ehcworkflow.process;

import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * The one translation of a {@link Refusal} for every caller of the engine: the engine REST API, Tasklist's and
 * Cockpit's own REST API, and the project's code. The engine wraps what a task listener throws in a
 * {@link ProcessEngineException}, which its REST API answers with 500; here the refusal is found again and thrown
 * as Camunda's {@link InvalidRequestException} with the refusal's status (400, 404, 409) and message, which both
 * REST APIs answer as it is. The command rolls back either way, so nothing changes.
 *
 * <p>Two interceptors: inside the command context a refusal becomes a {@link BadUserRequestException}, which the
 * engine logs at debug rather than as an error (a person's mistake pages no one); outside it, the status. A
 * refusal inside a job stays an error, since there no person is waiting for the answer.
 */
public class EngineRefusals extends AbstractProcessEnginePlugin {

  /** The engine's own codes for input a caller must correct. */
  private static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new ToCaller());
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new Quiet());
  }

  /** The refusal behind what the engine threw, or the engine's own refusal of input, if either. */
  static Optional<Refusal> refusalIn(Throwable thrown) {
    Optional<Refusal> refusal = Refusal.in(thrown);
    if (refusal.isPresent()) {
      return refusal;
    }
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProcessEngineException engine && t.getMessage() != null
          && t.getMessage().startsWith(JAVA_SERIALIZATION_PROHIBITED)) {
        return Optional.of(Refusal.invalid(engine.getMessage().substring(JAVA_SERIALIZATION_PROHIBITED.length()).trim()
            + ": send values as JSON, String, number, boolean or date variables"));
      }
    }
    return Optional.empty();
  }

  /** Outermost: the refusal as the status the caller gets. */
  static class ToCaller extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (InvalidRequestException alreadyTranslated) {
        throw alreadyTranslated;
      } catch (RuntimeException e) {
        Optional<Refusal> refusal = refusalIn(e);
        if (refusal.isEmpty()) {
          throw e;
        }
        throw new InvalidRequestException(Status.fromStatusCode(refusal.get().kind().status()), refusal.get(),
            refusal.get().getMessage());
      }
    }
  }

  /** Innermost: a refusal outside a job is logged by the engine at debug level, not as an error. */
  static class Quiet extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (BadUserRequestException e) {
        throw e;
      } catch (RuntimeException e) {
        Optional<Refusal> refusal = refusalIn(e);
        if (refusal.isEmpty() || Context.getJobExecutorContext() != null) {
          throw e;
        }
        throw new BadUserRequestException(refusal.get().getMessage(), refusal.get());
      }
    }
  }
}
