package org.ehcworkflow.steps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.document.DocumentType;
import org.ehcworkflow.document.Documents;
import org.ehcworkflow.document.Documents.StoredDocument;
import org.ehcworkflow.notification.Notifications;
import org.ehcworkflow.notification.Recipient;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.ProcessVariable;

/**
 * Issues a statutory document to the family: starts the clocks its service begins (for an appealable decision,
 * the mediation and appeal windows), produces the document and notifies the family with its link. Inputs:
 * {@link StepInputs#DOCUMENT_TYPE}, optional {@link StepInputs#STARTS_TIME_LIMITS}. The notice template is named
 * after the document type, for example {@code decision-not-to-assess}.
 */
public class IssueDocumentDelegate implements JavaDelegate {

  /** The process that files a stored document with the council's records system. */
  public static final String FILING_PROCESS = "ehc-document-filing";

  /** The day the latest appealable decision was notified: day 0 of its mediation and appeal windows. */
  public static final ProcessVariable<String> DECISION_NOTIFIED_ON =
      ProcessVariable.of("decisionNotifiedOn", String.class, "the day the appealable decision was notified (ISO date)");

  private final Documents documents;
  private final Notifications notifications;
  private final StatutoryClocks clocks;
  private final boolean fileWithRecordsSystem;

  /** @param fileWithRecordsSystem whether each document is also filed with the council's records system */
  public IssueDocumentDelegate(Documents documents, Notifications notifications, StatutoryClocks clocks,
      boolean fileWithRecordsSystem) {
    this.documents = documents;
    this.notifications = notifications;
    this.clocks = clocks;
    this.fileWithRecordsSystem = fileWithRecordsSystem;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DocumentType type = DocumentType.valueOf(StepInputs.DOCUMENT_TYPE.local(execution));
    List<TimeLimit> started = new ArrayList<>(StatutoryClocks.parse(StepInputs.STARTS_TIME_LIMITS.local(execution)));
    if (type.appealable()) {
      started.add(TimeLimit.MEDIATION_CONTACT);
      started.add(TimeLimit.APPEAL);
    }
    clocks.start(execution, started);
    LocalDate today = EngineClock.today();
    if (type.appealable()) {
      DECISION_NOTIFIED_ON.set(execution, today.toString());
    }

    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("Date of this notice", today.toString());
    Object requestReceived = execution.getVariable("requestReceivedDate");
    if (requestReceived != null) {
      facts.put("Request received", requestReceived.toString());
    }
    for (TimeLimit limit : started) {
      facts.put(limit.title(), execution.getVariable(limit.dueVariable()) + " (" + limit.legalReference() + ")");
    }
    // The family's notice states every deadline the case has so far.
    Map<String, String> personalisation = StepNotices.personalisation(execution, null);
    for (TimeLimit limit : TimeLimit.values()) {
      Object due = execution.getVariable(limit.dueVariable());
      if (due != null) {
        personalisation.put(limit.dueVariable(), due.toString());
      }
    }
    StoredDocument document = documents.produce(execution.getProcessBusinessKey(), type, facts,
        "process:" + execution.getCurrentActivityId());

    if (fileWithRecordsSystem) {
      // Its own instance: an outage of the records system retries there and never holds up the case.
      execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(FILING_PROCESS,
          execution.getProcessBusinessKey(), Map.of("documentId", document.id()));
    }
    personalisation.put("documentId", Long.toString(document.id()));
    personalisation.put("documentTitle", type.title());
    StepNotices.send(notifications, execution, Recipient.family(execution.getProcessBusinessKey()), templateOf(type),
        personalisation);
  }

  static String templateOf(DocumentType type) {
    return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
