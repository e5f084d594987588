package org.ehcworkflow.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ehcworkflow.document.DocumentType;
import org.ehcworkflow.document.Documents;
import org.ehcworkflow.document.JdbcDocuments;
import org.ehcworkflow.process.EngineClock;

/**
 * Documents in memory, for process tests: a letter is a small PDF naming its type and version (the JDBC adapter
 * renders the real one), a received PDF is kept as it came; both with their SHA-256, as the adapter keeps them.
 */
public class InMemoryDocuments implements Documents {

  public final List<StoredDocument> stored = new ArrayList<>();
  public final Map<Long, String> filed = new ConcurrentHashMap<>();
  private final Map<Long, Kept> kept = new ConcurrentHashMap<>();

  private record Kept(byte[] content, String createdBy, Instant createdAt, Instant filedAt) {
  }

  @Override
  public synchronized StoredDocument produce(String caseReference, DocumentType type, Map<String, String> facts,
      String createdBy) {
    int version = nextVersion(caseReference, type);
    byte[] pdf = ("%PDF-1.7\n% " + type.name() + " version " + version + " for " + caseReference + "\n%%EOF")
        .getBytes(StandardCharsets.US_ASCII);
    return keep(caseReference, type, version, pdf, createdBy);
  }

  @Override
  public synchronized StoredDocument keepReceived(String caseReference, DocumentType type, byte[] pdf,
      String receivedFrom) {
    return keep(caseReference, type, nextVersion(caseReference, type), pdf.clone(), receivedFrom);
  }

  @Override
  public synchronized List<DocumentInfo> list(String caseReference) {
    return stored.stream().filter(d -> d.caseReference().equals(caseReference)).map(this::info).toList();
  }

  @Override
  public synchronized Optional<DocumentInfo> find(long id) {
    return stored.stream().filter(d -> d.id() == id).findFirst().map(this::info);
  }

  @Override
  public Optional<byte[]> content(long id) {
    return Optional.ofNullable(kept.get(id)).map(k -> k.content().clone());
  }

  @Override
  public synchronized void markFiled(long id, String externalId) {
    Kept document = kept.get(id);
    if (document != null) {
      filed.put(id, externalId);
      kept.put(id, new Kept(document.content(), document.createdBy(), document.createdAt(), EngineClock.instant()));
    }
  }

  public synchronized List<DocumentType> typesFor(String caseReference) {
    return stored.stream().filter(d -> d.caseReference().equals(caseReference)).map(StoredDocument::type).toList();
  }

  private int nextVersion(String caseReference, DocumentType type) {
    return (int) stored.stream().filter(d -> d.caseReference().equals(caseReference) && d.type() == type).count() + 1;
  }

  private StoredDocument keep(String caseReference, DocumentType type, int version, byte[] pdf, String createdBy) {
    StoredDocument document = new StoredDocument(stored.size() + 1L, caseReference, type, version, JdbcDocuments.sha256(pdf));
    stored.add(document);
    kept.put(document.id(), new Kept(pdf, createdBy, EngineClock.instant(), null));
    return document;
  }

  private DocumentInfo info(StoredDocument d) {
    Kept document = kept.get(d.id());
    return new DocumentInfo(d.id(), d.caseReference(), d.type(), d.version(), null, "application/pdf", d.checksum(),
        document.createdAt(), document.createdBy(), filed.get(d.id()), document.filedAt());
  }
}
