package org.ehcworkflow.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  public List<DocumentType> typesFor(String caseReference) {
    return stored.stream().filter(d -> d.caseReference().equals(caseReference)).map(StoredDocument::type).toList();
  }
}
