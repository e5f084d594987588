package org.ehcworkflow.process;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** Reading a date that a person or a caller submitted: an ISO {@code YYYY-MM-DD} string, or a Date read in London. */
public final class IsoDates {

  private IsoDates() {
  }

  /**
   * @param field the field's name, which the error message names
   * @throws IllegalArgumentException naming the field when the value is no real date
   */
  public static LocalDate parse(String field, Object value) {
    if (value instanceof Date instant) {
      return instant.toInstant().atZone(EngineClock.LONDON).toLocalDate();
    }
    try {
      return LocalDate.parse(value.toString().trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " must be a real date in the form YYYY-MM-DD, got '" + value + "'");
    }
  }
}
