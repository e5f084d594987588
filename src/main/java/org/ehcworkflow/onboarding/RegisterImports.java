package org.ehcworkflow.onboarding;

import org.ehcworkflow.process.DbTimes;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ehcworkflow.csv.RowProblem;
import org.ehcworkflow.onboarding.RegisterCsvImport.Parsed;
import org.ehcworkflow.onboarding.RegisterCsvImport.Row;
import org.ehcworkflow.process.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Register imports as background jobs: a file is accepted at once (its header checked), then loaded in chunks of
 * lines, each chunk committed with its progress (rows done, imported, unchanged, invalid with line and reason,
 * overdue), so an import cut by a restart resumes from the last committed line. A job is held by one node at a time
 * through a lease that each chunk renews; a job whose lease ran out (its node stopped) is taken up again by the next
 * {@link #resumeStale()}. Plans are entered as by {@link RegisterCsvImport}: a case reference already in the register
 * is left unchanged, so a second import of the same file changes nothing.
 */
public class RegisterImports {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterImports.class);

  /** Progress as an administrator sees it. */
  public record Progress(long id, String status, int totalRows, int rowsDone, int imported, int unchanged,
      int overdue, List<RowProblem> invalid, Instant createdAt, Instant startedAt, Instant finishedAt, String error) {

    public boolean finished() {
      return "DONE".equals(status) || "FAILED".equals(status);
    }
  }

  private final JdbcTemplate jdbc;
  private final RegisterCsvImport csvImport;
  private final TransactionTemplate transactions;
  private final Executor executor;
  private final int chunkLines;
  private final Duration lease;
  private final AtomicBoolean stopping = new AtomicBoolean();

  public RegisterImports(JdbcTemplate jdbc, RegisterCsvImport csvImport, TransactionTemplate transactions,
      Executor executor, int chunkLines, Duration lease) {
    this.jdbc = jdbc;
    this.csvImport = csvImport;
    this.transactions = transactions;
    this.executor = executor;
    this.chunkLines = chunkLines;
    this.lease = lease;
  }

  /**
   * Accepts a file and starts loading it in the background.
   *
   * @return the import's id
   * @throws IllegalArgumentException when the file does not start with the header
   */
  public long submit(String csv, String by) {
    long id = accept(csv, by);
    executor.execute(() -> run(id));
    return id;
  }

  /** Records the file as a queued import, without starting it. */
  long accept(String csv, String by) {
    Parsed parsed = csvImport.read(csv);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("""
          insert into register_import (status, created_by, created_at, total_rows, last_line, lines_done, rows_done,
            imported, unchanged, overdue, invalid, content) values ('QUEUED', ?, ?, ?, ?, 1, 0, 0, 0, 0, 0, ?)
          """, new String[] {"id"});
      insert.setString(1, by);
      insert.setTimestamp(2, Timestamp.from(EngineClock.instant()));
      insert.setInt(3, parsed.rows());
      insert.setInt(4, parsed.lastLine());
      insert.setBytes(5, csv.getBytes(StandardCharsets.UTF_8));
      return insert;
    }, key);
    long id = key.getKey().longValue();
    LOG.info("Register import {} accepted: {} rows", id, parsed.rows());
    return id;
  }

  /** Loads an import from where it stopped, if no other node holds it; returns when it is done or stopping. */
  public void run(long id) {
    if (!claim(id)) {
      return;
    }
    try {
      byte[] content = jdbc.queryForObject("select content from register_import where id = ?", byte[].class, id);
      Parsed parsed = csvImport.read(new String(content, StandardCharsets.UTF_8));
      int linesDone = jdbc.queryForObject("select lines_done from register_import where id = ?", Integer.class, id);
      while (linesDone < parsed.lastLine()) {
        if (stopping.get()) {
          LOG.info("Register import {} paused at line {}: it resumes at the next start", id, linesDone);
          return;
        }
        int from = linesDone;
        int to = Math.min(parsed.lastLine(), linesDone + chunkLines);
        chunk(id, parsed, from, to);
        linesDone = to;
      }
      jdbc.update("update register_import set status = 'DONE', finished_at = ?, content = null, lease_until = null "
          + "where id = ?", Timestamp.from(EngineClock.instant()), id);
      Progress done = progress(id).orElseThrow();
      LOG.info("Register import {} done: {} imported, {} unchanged, {} overdue, {} invalid", id, done.imported(),
          done.unchanged(), done.overdue(), done.invalid().size());
      csvImport.loaded(done.imported());
    } catch (RuntimeException e) {
      LOG.error("Register import {} failed; its committed chunks stay imported", id, e);
      jdbc.update("update register_import set status = 'FAILED', finished_at = ?, content = null, lease_until = null, "
          + "error = ? where id = ?", Timestamp.from(EngineClock.instant()),
          "the import stopped with " + e.getClass().getSimpleName() + "; see the log", id);
    }
  }

  /** Lines after {@code from} up to {@code to}: entered with their progress in one transaction. */
  private void chunk(long id, Parsed parsed, int from, int to) {
    List<Row> rows = parsed.valid().stream().filter(r -> r.line() > from && r.line() <= to).toList();
    List<RowProblem> problems = new ArrayList<>(parsed.invalid().stream()
        .filter(p -> p.line() > from && p.line() <= to).toList());
    LocalDate today = EngineClock.today();
    try {
      transactions.executeWithoutResult(status -> record(id, csvImport.enter(rows, today), rows.size(), problems,
          to));
    } catch (RuntimeException chunkFailed) {
      // One row the database refused must not hold back the others: row by row, each committed with its progress
      // and the invalid lines before it.
      for (Row row : rows) {
        int line = row.line();
        List<RowProblem> before = problems.stream().filter(p -> p.line() <= line).toList();
        problems.removeAll(before);
        try {
          transactions.executeWithoutResult(status -> record(id, csvImport.enter(List.of(row), today), 1, before,
              line));
        } catch (RuntimeException e) {
          LOG.warn("Register import {}: line {} not entered: {}", id, line, e.getClass().getSimpleName());
          List<RowProblem> refused = new ArrayList<>(before);
          refused.add(new RowProblem(line, "could not be entered: " + e.getClass().getSimpleName()));
          transactions.executeWithoutResult(status -> record(id, new int[3], 0, refused, line));
        }
      }
      transactions.executeWithoutResult(status -> record(id, new int[3], 0, problems, to));
    }
  }

  private void record(long id, int[] counts, int rows, List<RowProblem> problems, int linesDone) {
    for (RowProblem problem : problems) {
      jdbc.update("insert into register_import_problem (import_id, line, reason) values (?, ?, ?)", id,
          problem.line(), problem.reason());
    }
    jdbc.update("""
        update register_import set lines_done = ?, rows_done = rows_done + ?, imported = imported + ?,
          unchanged = unchanged + ?, overdue = overdue + ?, invalid = invalid + ?, lease_until = ? where id = ?
        """, linesDone, rows + problems.size(), counts[0], counts[1], counts[2], problems.size(),
        Timestamp.from(EngineClock.instant().plus(lease)), id);
  }

  private boolean claim(long id) {
    Timestamp now = Timestamp.from(EngineClock.instant());
    return jdbc.update("""
        update register_import set status = 'RUNNING', started_at = coalesce(started_at, ?), lease_until = ?
        where id = ? and status in ('QUEUED', 'RUNNING') and (lease_until is null or lease_until < ?)
        """, now, Timestamp.from(EngineClock.instant().plus(lease)), id, now) == 1;
  }

  /** Imports that no node holds (queued, or cut by a restart): each is taken up again. */
  public void resumeStale() {
    List<Long> stale = jdbc.queryForList("""
        select id from register_import where status in ('QUEUED', 'RUNNING')
          and (lease_until is null or lease_until < ?) order by id""", Long.class, Timestamp.from(EngineClock.instant()));
    stale.forEach(id -> executor.execute(() -> run(id)));
  }

  public Optional<Progress> progress(long id) {
    List<Map<String, Object>> found = jdbc.queryForList("""
        select status, total_rows, rows_done, imported, unchanged, overdue, created_at, started_at, finished_at, error
        from register_import where id = ?""", id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = found.get(0);
    List<RowProblem> invalid = jdbc.query("select line, reason from register_import_problem where import_id = ? "
        + "order by line", (rs, i) -> new RowProblem(rs.getInt(1), rs.getString(2)), id);
    return Optional.of(new Progress(id, (String) row.get("status"), number(row, "total_rows"),
        number(row, "rows_done"), number(row, "imported"), number(row, "unchanged"), number(row, "overdue"), invalid,
        DbTimes.instant(row.get("created_at")), DbTimes.instant(row.get("started_at")),
        DbTimes.instant(row.get("finished_at")), (String) row.get("error")));
  }

  /** On shutdown: the running chunk finishes and commits, the rest waits for the next start. */
  public void stop() {
    stopping.set(true);
  }

  /** Undoes {@link #stop()}: imports go on in this process (a restart does the same in a new one). */
  public void resume() {
    stopping.set(false);
  }

  private static int number(Map<String, Object> row, String column) {
    return ((Number) row.get(column)).intValue();
  }

}
