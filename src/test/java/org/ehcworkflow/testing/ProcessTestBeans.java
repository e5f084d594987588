package org.ehcworkflow.testing;

import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.partner.PartnerTeams;
import org.ehcworkflow.partner.SettingGroups;
import org.ehcworkflow.plan.FinalisationDecisions;

import java.time.LocalTime;
import java.time.MonthDay;
import java.time.Period;
import org.ehcworkflow.annualreview.AnnualReviews;
import org.ehcworkflow.annualreview.CeasePlanDelegate;
import org.ehcworkflow.annualreview.ConcludeTransferReviewDelegate;
import org.ehcworkflow.annualreview.EnterIssuedPlanDelegate;
import org.ehcworkflow.annualreview.RecordAmendedPlanDelegate;
import org.ehcworkflow.annualreview.ReviewDecisions;
import org.ehcworkflow.annualreview.StartNextReviewDelegate;
import org.ehcworkflow.annualreview.StartWaitingReviewCyclesDelegate;
import org.ehcworkflow.calendar.ReviewCycle;
import org.ehcworkflow.document.FileDocumentDelegate;
import org.ehcworkflow.phasetransfer.BringReviewForwardDelegate;
import org.ehcworkflow.phasetransfer.PhaseTransferStart;
import org.ehcworkflow.phasetransfer.PhaseTransfers;
import org.ehcworkflow.phasetransfer.StartTransferCohortDelegate;
import org.ehcworkflow.phasetransfer.TransferCohortSchedule;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.ehcworkflow.calendar.BankHolidays;
import org.ehcworkflow.calendar.DeadlineSchedule;
import org.ehcworkflow.calendar.Reminders;
import org.ehcworkflow.calendar.StatutoryCalendar;
import org.ehcworkflow.needsassessment.AdviceRequests;
import org.ehcworkflow.needsassessment.OpenCaseListener;
import org.ehcworkflow.needsassessment.TaskDecisions;
import org.ehcworkflow.steps.CloseCaseDelegate;
import org.ehcworkflow.steps.IssueDocumentDelegate;
import org.ehcworkflow.steps.RecordBreachDelegate;
import org.ehcworkflow.steps.SendNoticeDelegate;
import org.ehcworkflow.steps.StatutoryClocks;
import org.ehcworkflow.sen2.Sen2Mapping;
import org.ehcworkflow.sen2.Sen2TaskItems;
import org.springframework.core.io.ClassPathResource;

/**
 * The beans the models name, wired to in-memory ports, registered for one process test. The same delegate
 * classes run in the application with the JDBC adapters.
 */
public final class ProcessTestBeans {

  public final InMemoryCaseFile caseFile = new InMemoryCaseFile();
  public final RecordingNotifications notifications = new RecordingNotifications();
  public final InMemoryDocuments documents = new InMemoryDocuments();
  public final InMemoryPlanRegister register = new InMemoryPlanRegister();
  /** The council's records system: each idempotency key's filed copy. */
  public final Map<String, String> recordsSystem = new ConcurrentHashMap<>();
  public final InMemorySen2 sen2 = new InMemorySen2(caseReference -> caseFile.find(caseReference).isPresent()
      || register.find(caseReference).isPresent());
  public AnnualReviews reviews;
  public PhaseTransfers transfers;
  /** Settings in the partner directory of these tests, by code. */
  public final Set<String> settings = Set.of("100001", "100002");
  /**
   * The team each case names, by {@code case/TYPE}, as {@code PartnerTeams} keeps them; a case naming none is
   * served by the type's group (the authority has one team of each type here).
   */
  public final Map<String, String> teams = new ConcurrentHashMap<>();

  /** The shipped SEN2 mapping, as the application loads it by default. */
  public static final String SEN2_MAPPING = "sen2/sen2-mapping.properties";

  public ProcessTestBeans register() {
    DeadlineSchedule schedule = new DeadlineSchedule(new StatutoryCalendar(BankHolidays.rulesOnly()), Period.ofDays(7));
    StatutoryClocks clocks = new StatutoryClocks(schedule);
    Mocks.register("reminder", new Reminders(Period.ofDays(7)));
    Mocks.register("openCase", new OpenCaseListener(caseFile, schedule, settings::contains));
    Mocks.register("sendNotice", new SendNoticeDelegate(notifications, clocks,
        (asked, execution, due) -> new SendNoticeDelegate.LinkIssuer.Link("https://ehc.test/respond/" + asked + "-"
            + execution.getId(), due.plusDays(14))));
    Mocks.register("issueDocument", new IssueDocumentDelegate(documents, notifications, clocks, false));
    Mocks.register("recordBreach", new RecordBreachDelegate(caseFile, notifications));
    Mocks.register("closeCase", new CloseCaseDelegate(caseFile));
    Mocks.register("fileDocument", new FileDocumentDelegate(documents,
        (key, document, content) -> recordsSystem.computeIfAbsent(key, k -> "RECORDS-" + (recordsSystem.size() + 1))));
    Mocks.register("decisions", new TaskDecisions(caseFile));
    Mocks.register("calledStepVariables", new org.ehcworkflow.process.CalledStepVariables());
    Mocks.register("finalisation", new FinalisationDecisions(caseFile, settings::contains,
        (caseReference, stage) -> java.util.List.of(), (caseReference, setting) -> { }));
    SettingGroups settingGroups = new SettingGroups(caseReference -> register.find(caseReference)
        .map(org.ehcworkflow.plan.Plan::settingCode).filter(code -> !code.isBlank())
        .or(() -> caseFile.find(caseReference).map(CaseFile.OpenedCase::currentSettingCode)
            .filter(code -> code != null && !code.isBlank())));
    Mocks.register("settingGroups", settingGroups);
    Mocks.register("adviceRequests", new AdviceRequests(settingGroups,
        (caseReference, type, typeGroup) -> java.util.Optional.ofNullable(teams.get(caseReference + "/" + type))
            .map(code -> java.util.List.of(PartnerTeams.groupOf(code))).orElse(java.util.List.of(typeGroup))));

    ReviewCycle cycle = new ReviewCycle(new StatutoryCalendar(BankHolidays.rulesOnly()), Period.ofMonths(6));
    reviews = new AnnualReviews(register, schedule, cycle, Period.ofWeeks(10), Period.ofWeeks(4));
    Mocks.register("reviewDecisions", new ReviewDecisions(register, schedule, reviews, caseFile));
    Mocks.register("enterIssuedPlan", new EnterIssuedPlanDelegate(caseFile, register, reviews));
    Mocks.register("recordAmendedPlan", new RecordAmendedPlanDelegate(register));
    Mocks.register("ceasePlan", new CeasePlanDelegate(register));
    Mocks.register("concludeTransferReview", new ConcludeTransferReviewDelegate());
    Mocks.register("startNextReview", new StartNextReviewDelegate(reviews));
    Mocks.register("startWaitingReviewCycles", new StartWaitingReviewCyclesDelegate(reviews, 1));
    transfers = new PhaseTransfers(register, cycle, schedule);
    Mocks.register("phaseTransferStart", new PhaseTransferStart(transfers));
    Mocks.register("bringReviewForward", new BringReviewForwardDelegate(reviews));
    Mocks.register("startTransferCohort", new StartTransferCohortDelegate(transfers));
    Mocks.register("disagreementSteps", new org.ehcworkflow.disagreement.DisagreementSteps(caseFile, schedule,
        new StatutoryCalendar(BankHolidays.rulesOnly()), register));
    Mocks.register("sen2Items", new Sen2TaskItems(sen2, Sen2Mapping.load(new ClassPathResource(SEN2_MAPPING))));
    Mocks.register("transferCohortSchedule", new TransferCohortSchedule(MonthDay.of(9, 1), LocalTime.of(6, 0)));
    return this;
  }
}
