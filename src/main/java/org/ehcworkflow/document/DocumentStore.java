package org.ehcworkflow.document;

/**
 * The council's records system (EDRMS), where issued documents are filed for good. Filing is idempotent by key: a
 * retried filing of the same document never creates a second copy.
 */
public interface DocumentStore {

  /**
   * Files the document; the same idempotency key always names the same filed copy.
   *
   * @return the records system's id of the filed document
   * @throws StoreUnavailable when the records system is down or refuses for now (the filing step retries)
   */
  String file(String idempotencyKey, Documents.DocumentInfo document, byte[] content);

  /** The records system could not take the document now; the step retries and, in the end, becomes an incident. */
  class StoreUnavailable extends RuntimeException {
    public StoreUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
