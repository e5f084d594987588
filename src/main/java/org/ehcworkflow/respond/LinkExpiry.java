package org.ehcworkflow.respond;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * When a request's link stops working: at the end of its deadline plus a grace period ({@code ehc.respond.grace},
 * 14 days: late advice is still advice, and is recorded as late), in the authority's time zone.
 */
record LinkExpiry(Period grace) {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  LocalDate lastDay(LocalDate due) {
    return due.plus(grace);
  }

  Instant expiresAt(LocalDate due) {
    return lastDay(due).plusDays(1).atStartOfDay(LONDON).toInstant();
  }
}
