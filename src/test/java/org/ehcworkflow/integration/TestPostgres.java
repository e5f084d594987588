package org.ehcworkflow.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.concurrent.atomic.AtomicInteger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server (binaries from Maven) for the JVM, and a database of its own for each Spring test
 * context, so contexts that Spring keeps alive side by side never share tables or job executors.
 */
public final class TestPostgres {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {
  }

  /**
   * A server that stops after Spring has closed the test contexts at the JVM's exit. The library's own shutdown hook
   * runs beside Spring's, so the server could stop first; each context's engine then waited for a connection
   * (Hikari's 30 s) while closing, and Surefire killed the JVM after 30 s on every run.
   */
  public static EmbeddedPostgres startedServer() throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
    if (Boolean.getBoolean("benchmark.statements")) {
      // A benchmark asked where PostgreSQL's time goes: every statement's calls and time, read after the run.
      builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
      builder.setServerConfig("pg_stat_statements.track_planning", "on");
    }
    // PostgreSQL's own settings for a benchmark, -Dbenchmark.postgres=name=value,... The benchmark profile makes
    // the server durable by default (the library starts it without fsync and with synchronous_commit off, which
    // suits tests but not figures meant for a council's server).
    for (String setting : System.getProperty("benchmark.postgres", "").split(",")) {
      if (!setting.isBlank()) {
        String[] nameValue = setting.split("=", 2);
        if (nameValue.length != 2) {
          throw new IllegalArgumentException("benchmark.postgres: '" + setting + "' is not name=value");
        }
        builder.setServerConfig(nameValue[0].trim(), nameValue[1].trim());
      }
    }
    EmbeddedPostgres started = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterSpring(started), "test-postgres-closer"));
    return started;
  }

  private static void stopAfterSpring(EmbeddedPostgres started) {
    long giveUp = System.nanoTime() + 20_000_000_000L;
    try {
      // Shutdown hooks start one after another; give Spring's a moment to be running, then wait for it to end.
      Thread.sleep(500);
      while (System.nanoTime() < giveUp && Thread.getAllStackTraces().keySet().stream()
          .anyMatch(t -> t.isAlive() && t.getName().equals("SpringApplicationShutdownHook"))) {
        Thread.sleep(100);
      }
      started.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }

  public static synchronized void register(DynamicPropertyRegistry registry) {
    String url = newDatabase();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  /**
   * A database of its own with the project's migrations applied as the application applies them (Flyway, its own
   * history table), for testing an adapter without a Spring context.
   */
  public static synchronized JdbcTemplate migratedDatabase() {
    DriverManagerDataSource source = new DriverManagerDataSource(newDatabase(), "postgres", "");
    Flyway.configure().dataSource(source).locations("classpath:db/migration").table("ehc_schema_history").load()
        .migrate();
    return new JdbcTemplate(source);
  }

  private static String newDatabase() {
    String database = "ehc_test_" + DATABASES.incrementAndGet();
    try {
      if (server == null) {
        server = startedServer();
      }
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("create database " + database);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    } catch (SQLException e) {
      throw new IllegalStateException("test database " + database + " could not be created", e);
    }
    return server.getJdbcUrl("postgres", database);
  }

  /** When the table was last analysed by a command such as {@code ANALYZE} (autovacuum's runs are counted apart). */
  public static Timestamp lastAnalyzed(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("select last_analyze from pg_stat_user_tables where relname = ?",
        Timestamp.class, table);
  }
}
