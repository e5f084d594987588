package org.ehcworkflow.benchmark;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where PostgreSQL's time goes in a benchmark, asked for with {@code -Dbenchmark.statements=true}: the server then
 * loads {@code pg_stat_statements} (see {@code TestPostgres}), {@link #reset} starts a count and {@link #print}
 * prints the statements that took the most time, with calls and milliseconds per unit of work (a job, a case).
 */
final class Statements {

  static final boolean ASKED = Boolean.getBoolean("benchmark.statements");

  private static final String THIS_DATABASE =
      "dbid = (select oid from pg_database where datname = current_database())";

  private Statements() {
  }

  static void reset(JdbcTemplate jdbc) {
    if (ASKED) {
      jdbc.execute("create extension if not exists pg_stat_statements");
      jdbc.queryForList("select pg_stat_statements_reset()");
    }
  }

  static void print(JdbcTemplate jdbc, long units, String unit) {
    if (!ASKED) {
      return;
    }
    Map<String, Object> all = jdbc.queryForMap("select sum(total_exec_time) as time, sum(total_plan_time) as plan, "
        + "sum(calls) as calls from pg_stat_statements where " + THIS_DATABASE);
    System.out.printf("benchmark:   PostgreSQL: %.2f ms executing, %.2f ms planning and %.1f statements per %s%n",
        ((Number) all.get("time")).doubleValue() / units, ((Number) all.get("plan")).doubleValue() / units,
        ((Number) all.get("calls")).doubleValue() / units, unit);
    List<Map<String, Object>> top = jdbc.queryForList("select calls, total_exec_time, "
        + "left(regexp_replace(query, '\\s+', ' ', 'g'), 150) as query from pg_stat_statements where "
        + THIS_DATABASE + " order by total_exec_time desc limit " + Integer.getInteger("benchmark.statements-top", 15));
    top.forEach(r -> System.out.printf("benchmark:   %6.2f calls %6.3f ms per %s: %s%n",
        ((Number) r.get("calls")).doubleValue() / units, ((Number) r.get("total_exec_time")).doubleValue() / units,
        unit, r.get("query")));
  }
}
