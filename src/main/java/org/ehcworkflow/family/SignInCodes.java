package org.ehcworkflow.family;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.ehcworkflow.process.DbTimes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.ehcworkflow.process.EngineClock;

/**
 * One-time sign-in codes: six random digits, kept only as a hash bound to their challenge, expiring after
 * {@code lifetime}, used once, dead after {@code maxAttempts} wrong tries; at most {@code perWindow} codes per case
 * in any {@code window}, so nobody can flood a family's inbox or guess through fresh codes.
 */
public class SignInCodes {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A code issued: the challenge that the session keeps, and the code that goes by email only. */
  public record Issued(String challenge, String code) {
  }

  /** The answer to a code: signed in (with the case), or why not. */
  public enum Outcome { SIGNED_IN, WRONG, EXPIRED, LOCKED, USED, UNKNOWN }

  public record Checked(Outcome outcome, String caseReference, int triesLeft) {
  }

  /** Too many codes asked for a case in the window. */
  public static class TooMany extends RuntimeException {
    TooMany() {
      super("too many sign-in codes asked for this case");
    }
  }

  private final JdbcTemplate jdbc;
  private final Duration lifetime;
  private final int maxAttempts;
  private final int perWindow;
  private final Duration window;

  public SignInCodes(JdbcTemplate jdbc, Duration lifetime, int maxAttempts, int perWindow, Duration window) {
    this.jdbc = jdbc;
    this.lifetime = lifetime;
    this.maxAttempts = maxAttempts;
    this.perWindow = perWindow;
    this.window = window;
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** @throws TooMany when the case had {@code perWindow} codes in the last {@code window} */
  @Transactional
  public Issued issue(String caseReference) {
    Instant now = EngineClock.instant();
    jdbc.update("delete from family_sign_in where expires_at < ?", Timestamp.from(now.minus(Duration.ofDays(1))));
    Integer recent = jdbc.queryForObject("select count(*) from family_sign_in where case_reference = ? "
        + "and created_at > ?", Integer.class, caseReference, Timestamp.from(now.minus(window)));
    if (recent != null && recent >= perWindow) {
      throw new TooMany();
    }
    byte[] random = new byte[24];
    RANDOM.nextBytes(random);
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    jdbc.update("insert into family_sign_in (challenge, case_reference, code_hash, created_at, expires_at, attempts) "
        + "values (?, ?, ?, ?, ?, 0)", challenge, caseReference, hash(challenge, code), Timestamp.from(now),
        Timestamp.from(now.plus(lifetime)));
    return new Issued(challenge, code);
  }

  /** Checks a code against its challenge; a wrong one counts as a try, a right one is used up. */
  @Transactional
  public Checked check(String challenge, String code) {
    List<Map<String, Object>> rows = challenge == null ? List.of() : jdbc.queryForList(
        "select id, case_reference, code_hash, expires_at, attempts, used_at from family_sign_in where challenge = ?",
        challenge);
    if (rows.isEmpty()) {
      return new Checked(Outcome.UNKNOWN, null, 0);
    }
    Map<String, Object> row = rows.get(0);
    long id = ((Number) row.get("id")).longValue();
    int attempts = ((Number) row.get("attempts")).intValue();
    if (row.get("used_at") != null) {
      return new Checked(Outcome.USED, null, 0);
    }
    if (attempts >= maxAttempts) {
      return new Checked(Outcome.LOCKED, null, 0);
    }
    // H2 answers a timestamp with time zone as OffsetDateTime, PostgreSQL as Timestamp: one reading for both.
    if (DbTimes.instant(row.get("expires_at")).isBefore(EngineClock.instant())) {
      return new Checked(Outcome.EXPIRED, null, 0);
    }
    String given = code == null ? "" : code.replaceAll("\\s", "");
    if (!MessageDigest.isEqual(hash(challenge, given).getBytes(StandardCharsets.US_ASCII),
        row.get("code_hash").toString().getBytes(StandardCharsets.US_ASCII))) {
      jdbc.update("update family_sign_in set attempts = attempts + 1 where id = ?", id);
      int left = maxAttempts - attempts - 1;
      return new Checked(left <= 0 ? Outcome.LOCKED : Outcome.WRONG, null, Math.max(left, 0));
    }
    if (jdbc.update("update family_sign_in set used_at = ? where id = ? and used_at is null",
        Timestamp.from(EngineClock.instant()), id) == 0) {
      return new Checked(Outcome.USED, null, 0);
    }
    return new Checked(Outcome.SIGNED_IN, row.get("case_reference").toString(), maxAttempts - attempts);
  }

  static String hash(String challenge, String code) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest((challenge + ":" + code).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
