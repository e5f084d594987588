package org.ehcworkflow.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Input the project's API cannot read is refused with 400 naming what is wrong. A JSON body: a field it does not know
 * (a misspelt {@code councilRefrence} would otherwise be dropped, and the caller believe it recorded), a value of the
 * wrong kind, or text that is not JSON. A path or query value of the wrong kind ({@code /api/documents/abc/content}).
 * Spring's own answers named nothing. Only request bodies are read strictly; the application's other JSON (GOV.UK
 * Notify's answers, say) is read as before.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before an advice that answers the cause (a NumberFormatException) without a name
class UnreadableInputAnswers {

  /** Request bodies of the project's routes refuse fields they do not know. */
  static WebMvcConfigurer strictRequestBodies() {
    return new WebMvcConfigurer() {
      @Override
      public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.stream().filter(MappingJackson2HttpMessageConverter.class::isInstance)
            .map(MappingJackson2HttpMessageConverter.class::cast)
            .forEach(json -> json.setObjectMapper(json.getObjectMapper().copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)));
      }
    };
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        whatIsWrong(e.getCause())));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> wrongKind(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        e.getName() + " must be " + kind(e.getRequiredType()) + ", got '" + e.getValue() + "'"));
  }

  static String whatIsWrong(Throwable cause) {
    if (cause instanceof UnrecognizedPropertyException unknown) {
      String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
          .map(Object::toString).collect(Collectors.toCollection(TreeSet::new)).toString();
      return "field '" + field(unknown) + "' is not known here" + (known.isEmpty() ? "" : "; the fields are " + known);
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return "field '" + field(mismatch) + "' must be " + kind(mismatch.getTargetType());
    }
    if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
      return "the body is not valid JSON (line " + json.getLocation().getLineNr() + ", column "
          + json.getLocation().getColumnNr() + ")";
    }
    return "the request body is missing or is not JSON";
  }

  /** A value's kind in words, for a path, query or body value of another kind. */
  private static String kind(Class<?> type) {
    return type == null ? "another kind of value" : switch (type.getSimpleName()) {
      case "String" -> "text";
      case "long", "Long", "int", "Integer" -> "a whole number";
      case "LocalDate" -> "a date, YYYY-MM-DD";
      case "boolean", "Boolean" -> "true or false";
      default -> "a " + type.getSimpleName();
    };
  }

  /** The field's path in the body: {@code child.dateOfBirth}, {@code items[2]}. */
  private static String field(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference step : e.getPath()) {
      if (step.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        path.append('[').append(step.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }
}
