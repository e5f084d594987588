package org.ehcworkflow.document;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcworkflow.process.ProcessVariable;

/**
 * Files one stored document with the council's records system ({@code ehc-document-filing}). A document already
 * filed is left alone; a failure propagates, so the job retries and in the end raises a Cockpit incident.
 */
public class FileDocumentDelegate implements JavaDelegate {

  public static final ProcessVariable<Number> DOCUMENT_ID =
      ProcessVariable.of("documentId", Number.class, "the stored document to file (case_document.id)");
  public static final ProcessVariable<String> EXTERNAL_ID =
      ProcessVariable.of("externalId", String.class, "the records system's id of the filed copy");

  private final Documents documents;
  private final DocumentStore store;

  public FileDocumentDelegate(Documents documents, DocumentStore store) {
    this.documents = documents;
    this.store = store;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = DOCUMENT_ID.get(execution).longValue();
    Documents.DocumentInfo document = documents.find(id)
        .orElseThrow(() -> new IllegalStateException("document " + id + " is not stored"));
    if (document.externalId() != null) {
      EXTERNAL_ID.set(execution, document.externalId());
      return;
    }
    byte[] content = documents.content(id).orElseThrow();
    String externalId = store.file(idempotencyKey(document), document, content);
    documents.markFiled(id, externalId);
    EXTERNAL_ID.set(execution, externalId);
  }

  /** Stable for a document across retries and restarts: its case, type, version and checksum. */
  static String idempotencyKey(Documents.DocumentInfo document) {
    return document.caseReference() + "/" + document.type().name() + "/v" + document.version() + "/"
        + document.checksum().substring(0, 16);
  }
}
