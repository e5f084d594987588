package org.ehcworkflow.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.ehcworkflow.process.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The project's API answers every {@link Refusal} with its status (400, 404, 409) as a problem whose detail names
 * the field at fault, and each problem listed; so does a refusal the engine raised while the API drove it (a start
 * listener refusing a case, say), which arrives as Camunda's {@link RestException} with the refusal's status. A
 * technical failure is not a refusal and stays a 500 with a log reference ({@link ServerErrorAnswers}).
 */
@RestControllerAdvice
class RefusalAnswers {

  @ExceptionHandler(Refusal.class)
  ResponseEntity<ProblemDetail> refused(Refusal refusal) {
    return answer(HttpStatus.valueOf(refusal.kind().status()), refusal);
  }

  @ExceptionHandler(RestException.class)
  ResponseEntity<ProblemDetail> refusedByTheEngine(RestException e) throws RestException {
    Refusal refusal = Refusal.in(e).orElse(null);
    if (refusal != null) {
      return answer(HttpStatus.valueOf(refusal.kind().status()), refusal);
    }
    if (e.getStatus() != null && e.getStatus().getStatusCode() >= 400 && e.getStatus().getStatusCode() < 500) {
      return ResponseEntity.status(e.getStatus().getStatusCode())
          .body(ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.getStatus().getStatusCode()), e.getMessage()));
    }
    throw e;
  }

  /**
   * The engine refused the caller a right the route needed: a 403 naming the right, not a 500. (A route that has
   * checked its caller does the engine's part with the application's rights: {@code process.CheckedCaller}.)
   */
  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> notAllowedByTheEngine(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage()));
  }

  /** A refusal from a listener the engine called through an expression arrives wrapped in the engine's exception. */
  @ExceptionHandler(org.camunda.bpm.engine.ProcessEngineException.class)
  ResponseEntity<ProblemDetail> refusedInsideTheEngine(org.camunda.bpm.engine.ProcessEngineException e) {
    Refusal refusal = Refusal.in(e).orElseThrow(() -> e);
    return answer(HttpStatus.valueOf(refusal.kind().status()), refusal);
  }

  private static ResponseEntity<ProblemDetail> answer(HttpStatus status, Refusal refusal) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
    problem.setTitle(switch (refusal.kind()) {
      case INVALID -> "Invalid request";
      case NOT_FOUND -> "Not found";
      case CONFLICT -> "Conflict";
    });
    problem.setProperty("problems", refusal.problems());
    return ResponseEntity.status(status).body(problem);
  }
}
