package org.ehcworkflow.process;

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
import org.ehcworkflow.notification.Notice;
import org.ehcworkflow.notification.Notifications;
import org.ehcworkflow.notification.Recipient;

/**
 * Issues a statutory document to the family: starts the clocks its service begins (for an appealable decision,
 * the mediation and appeal windows), produces the document and notifies the family with its link. Inputs:
 * {@code documentType}, optional {@code startsTimeLimits}. The notice template is named after the document
 * type, for example {@code decision-not-to-assess}.
 */
public class IssueDocumentDelegate implements JavaDelegate {

  private final Documents documents;
  private final Notifications notifications;
  private final StatutoryClocks clocks;

  public IssueDocumentDelegate(Documents documents, Notifications notifications, StatutoryClocks clocks) {
    this.documents = documents;
    this.notifications = notifications;
    this.clocks = clocks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DocumentType type = DocumentType.valueOf((String) execution.getVariable("documentType"));
    List<TimeLimit> started = new ArrayList<>(StatutoryClocks.parse(execution.getVariable("startsTimeLimits")));
    if (type.appealable()) {
      started.add(TimeLimit.MEDIATION_CONTACT);
      started.add(TimeLimit.APPEAL);
    }
    clocks.start(execution, started);
    execution.setVariable(NoticeVariables.NOTICE_DATE.name(), EngineClock.today().toString());

    String caseReference = execution.getProcessBusinessKey();
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("Date of this notice", EngineClock.today().toString());
    facts.put("Request received", String.valueOf(execution.getVariable("requestReceivedDate")));
    for (TimeLimit limit : started) {
      facts.put(limit.title(), execution.getVariable(limit.dueVariable()) + " (" + limit.legalReference() + ")");
    }
    StoredDocument document = documents.produce(caseReference, type, facts, "process:" + execution.getCurrentActivityId());
    NoticeVariables.LAST_DOCUMENT_ID.set(execution, document.id());

    Map<String, String> personalisation = new LinkedHashMap<>(SendNoticeDelegate.personalisation(execution, caseReference));
    personalisation.put("documentId", Long.toString(document.id()));
    personalisation.put("documentTitle", type.title());
    for (TimeLimit limit : started) {
      personalisation.put(limit.dueVariable(), String.valueOf(execution.getVariable(limit.dueVariable())));
    }
    Recipient family = Recipient.family(caseReference);
    notifications.send(new Notice(caseReference, family, templateOf(type), personalisation,
        NoticeKeys.of(execution, family)));
  }

  static String templateOf(DocumentType type) {
    return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
