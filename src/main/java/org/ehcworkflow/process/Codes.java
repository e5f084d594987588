package org.ehcworkflow.process;

import java.util.Arrays;

/** Reading a code that a person or a caller submitted, with an error that names the field and the codes allowed. */
public final class Codes {

  private Codes() {
  }

  /** @throws IllegalArgumentException naming the field, the value and the allowed codes */
  public static <E extends Enum<E>> E parse(Class<E> type, String field, Object value) {
    try {
      return Enum.valueOf(type, String.valueOf(value).trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " '" + value + "' is not one of "
          + Arrays.toString(type.getEnumConstants()));
    }
  }
}
