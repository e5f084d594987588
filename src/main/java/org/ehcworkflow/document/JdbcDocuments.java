package org.ehcworkflow.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ehcworkflow.process.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Stores each document version in {@code case_document} as accessible PDF with its SHA-256 checksum. A plan
 * document freezes the plan's sections as a new plan version first; a notice of proposed amendments shows what
 * changes against the last final or amended plan.
 */
public class JdbcDocuments implements Documents {

  static final String CONTENT_TYPE = "application/pdf";
  private static final String COLUMNS = "id, case_reference, document_type, version, plan_version, content_type, "
      + "checksum, created_at, created_by, external_id, filed_at";

  private final JdbcTemplate jdbc;
  private final PlanContent plans;
  private final PdfRenderer renderer;
  private final java.util.function.Consumer<PlanVersionFrozen> frozen;

  public JdbcDocuments(JdbcTemplate jdbc, PlanContent plans, PdfRenderer renderer,
      java.util.function.Consumer<PlanVersionFrozen> frozen) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.renderer = renderer;
    this.frozen = frozen;
  }

  @Override
  public StoredDocument produce(String caseReference, DocumentType type, Map<String, String> facts, String createdBy) {
    int version = nextVersion(caseReference, type);
    Integer planVersion = null;
    Map<PlanSection, String> sections = Map.of();
    List<SectionChange> changes = List.of();
    if (type.isPlan()) {
      if (type == DocumentType.PROPOSED_AMENDMENTS) {
        Map<PlanSection, String> issued = plans.latest(caseReference, List.of("FINAL_PLAN", "AMENDED_PLAN"))
            .flatMap(v -> plans.version(caseReference, v.version())).orElse(Map.of());
        changes = SectionChange.between(issued, plans.workingCopy(caseReference));
      }
      planVersion = plans.freeze(caseReference, type.name(), createdBy);
      sections = plans.version(caseReference, planVersion).orElse(Map.of());
      frozen.accept(new PlanVersionFrozen(caseReference, planVersion, type.name(), createdBy));
    }
    byte[] content = renderer.render(new PdfRenderer.Content(caseReference, type, version, planVersion,
        EngineClock.today().toString(), facts, sections, changes));
    String checksum = sha256(content);
    long id = insert(caseReference, type, version, content, checksum, createdBy, planVersion);
    return new StoredDocument(id, caseReference, type, version, checksum);
  }

  @Override
  public StoredDocument keepReceived(String caseReference, DocumentType type, byte[] pdf, String receivedFrom) {
    int version = nextVersion(caseReference, type);
    String checksum = sha256(pdf);
    return new StoredDocument(insert(caseReference, type, version, pdf, checksum, receivedFrom, null), caseReference,
        type, version, checksum);
  }

  private int nextVersion(String caseReference, DocumentType type) {
    Integer next = jdbc.queryForObject(
        "select coalesce(max(version), 0) + 1 from case_document where case_reference = ? and document_type = ?",
        Integer.class, caseReference, type.name());
    return next == null ? 1 : next;
  }

  private long insert(String caseReference, DocumentType type, int version, byte[] content, String checksum,
      String createdBy, Integer planVersion) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("""
          insert into case_document (case_reference, document_type, version, content_type, content, checksum,
            created_at, created_by, plan_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, new String[] {"id"});
      statement.setString(1, caseReference);
      statement.setString(2, type.name());
      statement.setInt(3, version);
      statement.setString(4, CONTENT_TYPE);
      statement.setBytes(5, content);
      statement.setString(6, checksum);
      statement.setTimestamp(7, Timestamp.from(EngineClock.instant()));
      statement.setString(8, createdBy);
      statement.setObject(9, planVersion);
      return statement;
    }, key);
    return key.getKey().longValue();
  }


  @Override
  public List<DocumentInfo> list(String caseReference) {
    return jdbc.query("select " + COLUMNS + " from case_document where case_reference = ? order by id",
        JdbcDocuments::info, caseReference);
  }

  @Override
  public Optional<DocumentInfo> find(long id) {
    return jdbc.query("select " + COLUMNS + " from case_document where id = ?", JdbcDocuments::info, id).stream()
        .findFirst();
  }

  @Override
  public Optional<byte[]> content(long id) {
    return jdbc.query("select content from case_document where id = ?", (rs, i) -> rs.getBytes(1), id).stream()
        .findFirst();
  }

  @Override
  public void markFiled(long id, String externalId) {
    jdbc.update("update case_document set external_id = ?, filed_at = ? where id = ?", externalId,
        Timestamp.from(EngineClock.instant()), id);
  }

  private static DocumentInfo info(ResultSet rs, int row) throws SQLException {
    Timestamp filed = rs.getTimestamp("filed_at");
    int planVersion = rs.getInt("plan_version");
    Integer plan = rs.wasNull() ? null : planVersion;
    return new DocumentInfo(rs.getLong("id"), rs.getString("case_reference"),
        DocumentType.valueOf(rs.getString("document_type")), rs.getInt("version"), plan,
        rs.getString("content_type"), rs.getString("checksum"), rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"), rs.getString("external_id"), filed == null ? null : filed.toInstant());
  }

  /** The SHA-256 checksum every stored document carries, as lower-case hex. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
