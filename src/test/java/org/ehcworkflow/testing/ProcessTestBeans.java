package org.ehcworkflow.testing;

import java.time.Period;
import java.util.Set;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.ehcworkflow.calendar.BankHolidays;
import org.ehcworkflow.calendar.DeadlineSchedule;
import org.ehcworkflow.calendar.StatutoryCalendar;
import org.ehcworkflow.needsassessment.AdviceRequests;
import org.ehcworkflow.needsassessment.OpenCaseListener;
import org.ehcworkflow.needsassessment.TaskDecisions;
import org.ehcworkflow.process.CloseCaseDelegate;
import org.ehcworkflow.process.IssueDocumentDelegate;
import org.ehcworkflow.process.RecordBreachDelegate;
import org.ehcworkflow.process.SendNoticeDelegate;
import org.ehcworkflow.process.StatutoryClocks;

/**
 * The beans the models name, wired to in-memory ports, registered for one process test. The same delegate
 * classes run in the application with the JDBC adapters.
 */
public final class ProcessTestBeans {

  public final InMemoryCaseFile caseFile = new InMemoryCaseFile();
  public final RecordingNotifications notifications = new RecordingNotifications();
  public final InMemoryDocuments documents = new InMemoryDocuments();
  /** Settings in the partner directory of these tests, by code. */
  public final Set<String> settings = Set.of("100001", "100002");

  public ProcessTestBeans register() {
    DeadlineSchedule schedule = new DeadlineSchedule(new StatutoryCalendar(BankHolidays.rulesOnly()), Period.ofDays(7));
    StatutoryClocks clocks = new StatutoryClocks(schedule);
    Mocks.register("openCase", new OpenCaseListener(caseFile, schedule, settings::contains));
    Mocks.register("sendNotice", new SendNoticeDelegate(notifications, clocks));
    Mocks.register("issueDocument", new IssueDocumentDelegate(documents, notifications, clocks));
    Mocks.register("recordBreach", new RecordBreachDelegate(caseFile, notifications));
    Mocks.register("closeCase", new CloseCaseDelegate(caseFile));
    Mocks.register("decisions", new TaskDecisions(caseFile, settings::contains));
    Mocks.register("adviceRequests", new AdviceRequests());
    return this;
  }
}
