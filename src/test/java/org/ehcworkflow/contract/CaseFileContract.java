package org.ehcworkflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.casefile.CaseFile.OpenedCase;
import org.ehcworkflow.casefile.CaseStatus;
import org.ehcworkflow.casefile.ExceptionReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CaseFile} does, whatever holds it: the JDBC adapter and the process tests' in-memory fake run
 * the same tests, so a process test proves what the application does.
 */
abstract class CaseFileContract {

  /** Years no other test counts case references in, so each test has a counter of its own. */
  private static final AtomicInteger YEARS = new AtomicInteger(3000 + (int) (System.nanoTime() % 1000) * 5);

  private CaseFile caseFile;
  private String reference;

  protected abstract CaseFile caseFile();

  @BeforeEach
  void setUp() {
    caseFile = caseFile();
    reference = "EHC-T-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void caseReferencesCountUpWithinEachYear() {
    int year = YEARS.addAndGet(2);
    assertThat(caseFile.nextCaseReference(year)).isEqualTo(String.format("EHC-%d-00001", year));
    assertThat(caseFile.nextCaseReference(year)).isEqualTo(String.format("EHC-%d-00002", year));
    assertThat(caseFile.nextCaseReference(year + 1)).as("a year of its own").isEqualTo(
        String.format("EHC-%d-00001", year + 1));
    assertThat(caseFile.nextCaseReference(year)).isEqualTo(String.format("EHC-%d-00003", year));
  }

  @Test
  void anOpenedCaseIsFoundAsOpened() {
    assertThat(caseFile.exists(reference)).isFalse();
    assertThat(caseFile.find(reference)).isEmpty();
    OpenedCase opened = open();
    assertThat(caseFile.exists(reference)).isTrue();
    assertThat(caseFile.find(reference)).contains(opened);
  }

  @Test
  void theRequestDetailsAreKeptAsReceived() {
    open();
    assertThat(caseFile.requestDetails(reference)).isEmpty();
    CaseFile.ChildDetails details = new CaseFile.ChildDetails("Sam", "Example", LocalDate.of(2018, 3, 4),
        "family@example.org", "01632 960000", "Speech and language");
    caseFile.recordRequestDetails(reference, details);
    assertThat(caseFile.requestDetails(reference)).contains(details);
  }

  @Test
  void aBreachIsRecordedOncePerLimitScopeAndDeadline() {
    open();
    LocalDate due = LocalDate.of(2026, 5, 1);
    caseFile.recordBreach(reference, TimeLimit.ADVICE, "HEALTH", due);
    caseFile.recordBreach(reference, TimeLimit.ADVICE, "HEALTH", due);
    caseFile.recordBreach(reference, TimeLimit.ADVICE, "SOCIAL_CARE", due);
    caseFile.recordBreach(reference, TimeLimit.ADVICE, "HEALTH", due.plusYears(1));
    assertThat(caseFile.breaches(reference)).containsExactly(
        new CaseFile.Breach(TimeLimit.ADVICE, "HEALTH", due),
        new CaseFile.Breach(TimeLimit.ADVICE, "SOCIAL_CARE", due),
        new CaseFile.Breach(TimeLimit.ADVICE, "HEALTH", due.plusYears(1)));
    assertThat(caseFile.breaches("EHC-T-none")).isEmpty();
  }

  @Test
  void exceptionsAreKeptInTheOrderRecorded() {
    open();
    CaseFile.TimeLimitException closure = new CaseFile.TimeLimitException(ExceptionReason.A_SCHOOL_CLOSURE,
        "summer holiday", LocalDate.of(2026, 7, 22), LocalDate.of(2026, 9, 2), "carla", "SCHOOL_OR_SETTING");
    CaseFile.TimeLimitException family = new CaseFile.TimeLimitException(
        ExceptionReason.C_EXCEPTIONAL_PERSONAL_CIRCUMSTANCES, "bereavement", LocalDate.of(2026, 8, 1), null, "carla",
        null);
    caseFile.recordException(reference, closure);
    caseFile.recordException(reference, family);
    assertThat(caseFile.exceptions(reference)).containsExactly(closure, family);
  }

  @Test
  void closingChangesTheStatusAndKeepsTheRest() {
    OpenedCase opened = open();
    caseFile.close(reference, CaseStatus.WITHDRAWN, LocalDate.of(2026, 6, 1), "family withdrew");
    assertThat(caseFile.find(reference)).contains(new OpenedCase(opened.caseReference(), opened.processInstanceId(),
        opened.requesterType(), opened.requestReceivedDate(), opened.councilReference(), opened.currentSettingCode(),
        CaseStatus.WITHDRAWN));
  }

  @Test
  void stepsAreKeptWithTheirFactsInOrder() {
    open();
    Map<String, String> decision = new LinkedHashMap<>();
    decision.put("decision", "ASSESS");
    decision.put("decisionReason", "needs not met from the school's resources");
    CaseFile.StepRecord first = new CaseFile.StepRecord(reference, "pi-1", "Task_DecideToAssess", decision,
        Set.of("decisionReason"), LocalDate.of(2026, 2, 1), "panel");
    CaseFile.StepRecord second = new CaseFile.StepRecord(reference, "pi-1", "Task_RequestAdvice",
        Map.of("adviceGiver", "HEALTH"), Set.of(), LocalDate.of(2026, 2, 2), "carla");
    caseFile.recordStep(first);
    caseFile.recordStep(second);
    List<CaseFile.StepRecord> steps = caseFile.steps(reference);
    assertThat(steps).hasSize(2);
    assertThat(steps.get(0).facts()).containsExactlyEntriesOf(decision);
    assertThat(steps.get(0).freeText()).containsExactly("decisionReason");
    assertThat(steps.get(0).recordedOn()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(steps.get(0).recordedBy()).isEqualTo("panel");
    assertThat(steps.get(1).step()).isEqualTo("Task_RequestAdvice");
    assertThat(steps.get(1).freeText()).isEmpty();
  }

  @Test
  void theCoordinatorNamedLastIsTheCoordinator() {
    open();
    assertThat(caseFile.coordinator(reference)).isEmpty();
    caseFile.assignCoordinator(reference, "carla", LocalDate.of(2026, 1, 5), "mo");
    caseFile.assignCoordinator(reference, "chris", LocalDate.of(2026, 3, 5), "mo");
    assertThat(caseFile.coordinator(reference)).contains("chris");
  }

  private OpenedCase open() {
    OpenedCase opened = new OpenedCase(reference, "pi-1", "PARENT", LocalDate.of(2026, 1, 5), "LA-77", "100001",
        CaseStatus.OPEN);
    caseFile.open(opened);
    return opened;
  }
}
