package org.ehcworkflow.process;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A {@code timestamp with time zone} as the JDBC drivers hand it back (a Timestamp on PostgreSQL, an offset on H2). */
public final class DbTimes {

  private DbTimes() {
  }

  /** The instant, or null for null. */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    return Instant.parse(value.toString());
  }
}
