package org.ehcworkflow.testing;

import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.ehcworkflow.document.DocumentType;
import org.ehcworkflow.document.Documents;

/** Documents in memory, for process tests. */
public class InMemoryDocuments implements Documents {

  public final List<StoredDocument> stored = new ArrayList<>();

  @Override
  public synchronized StoredDocument produce(String caseReference, DocumentType type, Map<String, String> facts,
      String createdBy) {
    int version = (int) stored.stream().filter(d -> d.caseReference().equals(caseReference) && d.type() == type)
        .count() + 1;
    StoredDocument document = new StoredDocument(stored.size() + 1L, caseReference, type, version, "test");
    stored.add(document);
    return document;
  }

  @Override
  public synchronized StoredDocument keepReceived(String caseReference, DocumentType type, byte[] pdf,
      String receivedFrom) {
    return produce(caseReference, type, Map.of(), receivedFrom);
  }

  @Override
  public List<DocumentInfo> list(String caseReference) {
    return stored.stream().filter(d -> d.caseReference().equals(caseReference)).map(InMemoryDocuments::info).toList();
  }

  @Override
  public Optional<DocumentInfo> find(long id) {
    return stored.stream().filter(d -> d.id() == id).findFirst().map(InMemoryDocuments::info);
  }

  @Override
  public Optional<byte[]> content(long id) {
    return find(id).map(d -> new byte[0]);
  }

  @Override
  public void markFiled(long id, String externalId) {
    filed.put(id, externalId);
  }

  public final Map<Long, String> filed = new java.util.concurrent.ConcurrentHashMap<>();

  private static DocumentInfo info(StoredDocument d) {
    return new DocumentInfo(d.id(), d.caseReference(), d.type(), d.version(), null, "application/pdf", d.checksum(),
        Instant.EPOCH, "test", null, null);
  }

  public List<DocumentType> typesFor(String caseReference) {
    return stored.stream().filter(d -> d.caseReference().equals(caseReference)).map(StoredDocument::type).toList();
  }
}
