package org.ehcworkflow.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Stores each document version in {@code case_document} with its SHA-256 checksum. Content is plain text for
 * now: rendering to accessible PDF replaces {@link #render} without changing the port.
 */
public class JdbcDocuments implements Documents {

  static final String RIGHTS = """
      Your rights: if you disagree with this decision you may contact a mediation adviser within 2 months of the \
      date of this notice (SEND Regulations 2014 reg 33), and appeal to the First-tier Tribunal (Special Educational \
      Needs and Disability) within 2 months of this notice, or 1 month from a mediation certificate if that is later. \
      Free, impartial information, advice and support is available from your local SEND information, advice and \
      support service.""";

  private final JdbcTemplate jdbc;

  public JdbcDocuments(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public StoredDocument produce(String caseReference, DocumentType type, Map<String, String> facts, String createdBy) {
    byte[] content = render(caseReference, type, facts).getBytes(StandardCharsets.UTF_8);
    String checksum = sha256(content);
    Integer version = jdbc.queryForObject(
        "select coalesce(max(version), 0) + 1 from case_document where case_reference = ? and document_type = ?",
        Integer.class, caseReference, type.name());
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("""
          insert into case_document (case_reference, document_type, version, content_type, content, checksum,
            created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)
          """, new String[] {"id"});
      statement.setString(1, caseReference);
      statement.setString(2, type.name());
      statement.setInt(3, version);
      statement.setString(4, "text/plain; charset=UTF-8");
      statement.setBytes(5, content);
      statement.setString(6, checksum);
      statement.setTimestamp(7, Timestamp.from(Instant.now()));
      statement.setString(8, createdBy);
      return statement;
    }, key);
    return new StoredDocument(key.getKey().longValue(), caseReference, type, version, checksum);
  }

  static String render(String caseReference, DocumentType type, Map<String, String> facts) {
    StringBuilder text = new StringBuilder()
        .append(type.title()).append('\n')
        .append("Case reference: ").append(caseReference).append("\n\n");
    if (type == DocumentType.DRAFT_PLAN) {
      text.append("DRAFT - this plan names no school or other institution (Children and Families Act 2014 s38).\n\n");
    }
    new TreeMap<>(facts).forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
    if (type.appealable()) {
      text.append('\n').append(RIGHTS).append('\n');
    }
    return text.toString();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
