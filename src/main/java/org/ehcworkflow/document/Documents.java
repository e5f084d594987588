package org.ehcworkflow.document;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The port processes and the API use for a case's statutory documents. */
public interface Documents {

  /**
   * Produces the next version of a document of this type for the case and stores it. A plan document freezes the
   * plan's working copy as a new plan version and renders it.
   *
   * @param facts the non-personal facts the document states (dates, decisions, deadlines)
   * @param createdBy the user or step that asked for it
   */
  StoredDocument produce(String caseReference, DocumentType type, Map<String, String> facts, String createdBy);

  /** Keeps a PDF the authority received (advice sent by link) as the case's next document of that type. */
  StoredDocument keepReceived(String caseReference, DocumentType type, byte[] pdf, String receivedFrom);

  List<DocumentInfo> list(String caseReference);

  Optional<DocumentInfo> find(long id);

  Optional<byte[]> content(long id);

  /** Records that the council's records system holds the document under its own id. */
  void markFiled(long id, String externalId);

  /** A stored document: its id, version within the case and type, and SHA-256 checksum of its content. */
  record StoredDocument(long id, String caseReference, DocumentType type, int version, String checksum) {
  }

  /** A stored document's metadata: what it is, which plan version it renders, who made it, where it is filed. */
  record DocumentInfo(long id, String caseReference, DocumentType type, int version, Integer planVersion,
      String contentType, String checksum, Instant createdAt, String createdBy, String externalId, Instant filedAt) {
  }
}
