package org.ehcworkflow.benchmark;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether the benchmark's PostgreSQL flushes each commit to disk before it returns, as a council's server does. The
 * benchmark profile makes it so ({@code benchmark.postgres} in the POM); the embedded server's library starts it
 * without, which suits tests. Every benchmark prints it beside its figures.
 */
final class Durability {

  private Durability() {
  }

  static String of(JdbcTemplate jdbc) {
    return "PostgreSQL fsync " + jdbc.queryForObject("show fsync", String.class) + ", synchronous_commit "
        + jdbc.queryForObject("show synchronous_commit", String.class);
  }
}
