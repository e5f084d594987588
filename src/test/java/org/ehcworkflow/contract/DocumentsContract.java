package org.ehcworkflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.ehcworkflow.document.DocumentType;
import org.ehcworkflow.document.Documents;
import org.ehcworkflow.document.Documents.DocumentInfo;
import org.ehcworkflow.document.Documents.StoredDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Documents} does with a case's letters and received PDFs: the JDBC adapter and the process tests'
 * fake run the same tests. (Plan documents, which freeze the plan's working copy, are the adapter's alone.)
 */
abstract class DocumentsContract {

  private Documents documents;
  private String reference;

  protected abstract Documents documents();

  @BeforeEach
  void setUp() {
    documents = documents();
    reference = "EHC-T-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void eachTypeOfDocumentHasItsOwnVersionsWithinTheCase() {
    StoredDocument first = documents.produce(reference, DocumentType.DECISION_NOT_TO_ASSESS,
        Map.of("Request received", "2026-01-05"), "panel");
    StoredDocument second = documents.produce(reference, DocumentType.DECISION_NOT_TO_ASSESS, Map.of(), "panel");
    StoredDocument other = documents.produce(reference, DocumentType.DECISION_TO_ASSESS, Map.of(), "panel");
    StoredDocument elsewhere = documents.produce(reference + "x", DocumentType.DECISION_NOT_TO_ASSESS, Map.of(),
        "panel");
    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(other.version()).isEqualTo(1);
    assertThat(elsewhere.version()).isEqualTo(1);
    assertThat(documents.list(reference)).extracting(DocumentInfo::id)
        .containsExactly(first.id(), second.id(), other.id());
  }

  @Test
  void aProducedDocumentIsAPdfWhoseChecksumIsItsSha256() {
    StoredDocument stored = documents.produce(reference, DocumentType.DECISION_NOT_TO_ASSESS, Map.of(), "panel");
    byte[] content = documents.content(stored.id()).orElseThrow();
    assertThat(new String(content, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(stored.checksum()).isEqualTo(sha256(content));
    DocumentInfo info = documents.find(stored.id()).orElseThrow();
    assertThat(info.caseReference()).isEqualTo(reference);
    assertThat(info.type()).isEqualTo(DocumentType.DECISION_NOT_TO_ASSESS);
    assertThat(info.contentType()).isEqualTo("application/pdf");
    assertThat(info.checksum()).isEqualTo(stored.checksum());
    assertThat(info.createdBy()).isEqualTo("panel");
    assertThat(info.createdAt()).isNotNull();
    assertThat(info.planVersion()).as("a letter renders no plan version").isNull();
  }

  @Test
  void aReceivedPdfIsKeptByteForByte() {
    byte[] pdf = "%PDF-1.7\nadvice from the health trust\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    StoredDocument kept = documents.keepReceived(reference, DocumentType.ADVICE_RECEIVED, pdf, "link:HEALTH");
    StoredDocument again = documents.keepReceived(reference, DocumentType.ADVICE_RECEIVED, pdf, "link:HEALTH");
    assertThat(documents.content(kept.id())).hasValueSatisfying(content -> assertThat(content).isEqualTo(pdf));
    assertThat(kept.checksum()).isEqualTo(sha256(pdf));
    assertThat(again.version()).isEqualTo(2);
    assertThat(documents.find(kept.id()).orElseThrow().createdBy()).isEqualTo("link:HEALTH");
  }

  @Test
  void aFiledDocumentCarriesTheRecordsSystemsId() {
    StoredDocument stored = documents.produce(reference, DocumentType.DECISION_NOT_TO_ASSESS, Map.of(), "panel");
    assertThat(documents.find(stored.id()).orElseThrow().externalId()).isNull();
    documents.markFiled(stored.id(), "EDRM-42");
    DocumentInfo filed = documents.find(stored.id()).orElseThrow();
    assertThat(filed.externalId()).isEqualTo("EDRM-42");
    assertThat(filed.filedAt()).isNotNull();
  }

  @Test
  void anUnknownDocumentIsNotFound() {
    assertThat(documents.find(-1)).isEmpty();
    assertThat(documents.content(-1)).isEmpty();
    assertThat(documents.list(reference)).isEmpty();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
