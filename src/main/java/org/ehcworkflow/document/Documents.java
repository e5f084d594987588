package org.ehcworkflow.document;

import java.util.Map;

/** The port processes use to produce a statutory document for a case. */
public interface Documents {

  /**
   * Produces the next version of a document of this type for the case and stores it.
   *
   * @param facts the non-personal facts the document states (dates, decisions, deadlines)
   * @param createdBy the user or step that asked for it
   */
  StoredDocument produce(String caseReference, DocumentType type, Map<String, String> facts, String createdBy);

  /** A stored document: its id, version within the case and type, and SHA-256 checksum of its content. */
  record StoredDocument(long id, String caseReference, DocumentType type, int version, String checksum) {
  }
}
