package org.ehcworkflow.respond;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ehcworkflow.process.EngineClock;

/**
 * The secure links partners answer through: each bound to one request (a case, its process instance, what is asked
 * and of whom), unguessable (256 random bits), kept only as its SHA-256 so the table never holds a working link,
 * expiring on its last day and usable until the answer is sent.
 */
public class ResponseLinks {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** A link as stored. */
  public record Link(long id, String asked, String caseReference, String processInstanceId, String scope,
      Instant expiresAt, Instant usedAt) {
  }

  private final JdbcTemplate jdbc;

  public ResponseLinks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** @return the token to put in the link; only its hash is kept */
  public String issue(String asked, String caseReference, String processInstanceId, String scope, Instant expiresAt) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    jdbc.update("""
        insert into response_link (token_hash, asked, case_reference, process_instance_id, scope, expires_at,
          created_at) values (?, ?, ?, ?, ?, ?, ?)""", hash(token), asked, caseReference, processInstanceId, scope,
        Timestamp.from(expiresAt), Timestamp.from(EngineClock.instant()));
    return token;
  }

  /** The link a token opens, if the token is one that was issued (a tampered one never is). */
  public Optional<Link> find(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    return jdbc.query("""
        select id, asked, case_reference, process_instance_id, scope, expires_at, used_at from response_link
        where token_hash = ?""", (rs, i) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()), hash(token)).stream().findFirst();
  }

  /** How many links for this kind of request and scope were issued since then (to limit how often one is sent). */
  public int issuedSince(String asked, String scope, Instant since) {
    Integer count = jdbc.queryForObject("select count(*) from response_link where asked = ? and scope = ? "
        + "and created_at > ?", Integer.class, asked, scope, Timestamp.from(since));
    return count == null ? 0 : count;
  }

  /** Marks the link used; false if it was used already (a second submission in a race). */
  public boolean use(long id) {
    return jdbc.update("update response_link set used_at = ? where id = ? and used_at is null",
        Timestamp.from(EngineClock.instant()), id) == 1;
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
