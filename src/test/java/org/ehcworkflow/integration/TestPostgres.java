package org.ehcworkflow.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
        server = EmbeddedPostgres.builder().start();
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
}
