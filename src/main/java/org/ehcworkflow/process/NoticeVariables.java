package org.ehcworkflow.process;

/** Variables the shared notice and document steps write. */
public final class NoticeVariables {

  private NoticeVariables() {
  }

  /** ISO date of the last document served to the family: the anchor of the clocks it started. */
  public static final ProcessVariable<String> NOTICE_DATE =
      ProcessVariable.of("noticeDate", String.class, "day the last notice or document was served (ISO date)");

  public static final ProcessVariable<Long> LAST_DOCUMENT_ID =
      ProcessVariable.of("lastDocumentId", Long.class, "id of the last document issued, in case_document");
}
