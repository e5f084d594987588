package org.ehcworkflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ehcworkflow.plan.Plan;
import org.ehcworkflow.plan.PlanEvent;
import org.ehcworkflow.plan.PlanRegister;
import org.ehcworkflow.plan.PlanStatus;
import org.ehcworkflow.process.EngineClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PlanRegister} does: the JDBC adapter and the process tests' fake run the same tests. */
abstract class PlanRegisterContract {

  private static final LocalDate ISSUED = LocalDate.of(2025, 3, 10);

  private PlanRegister register;
  private String reference;
  private String setting;

  protected abstract PlanRegister register();

  @BeforeEach
  void setUp() {
    register = register();
    String unique = UUID.randomUUID().toString().substring(0, 8);
    reference = "EHC-T-" + unique;
    setting = "S" + unique;
  }

  @Test
  void aPlanIsEnteredOnceWithItsFirstEvent() {
    Plan plan = plan(reference, setting, 11, ISSUED.plusYears(1));
    assertThat(register.find(reference)).isEmpty();
    assertThat(register.enter(plan, PlanEvent.Kind.ISSUED, "final plan issued", "carla")).isTrue();
    assertThat(register.enter(plan.withNextReviewDue(ISSUED), PlanEvent.Kind.ISSUED, "again", "carla"))
        .as("a second entry of the same case").isFalse();
    assertThat(register.find(reference)).contains(plan);
    List<PlanEvent> history = register.history(reference);
    assertThat(history).hasSize(1);
    assertThat(history.get(0).kind()).isEqualTo(PlanEvent.Kind.ISSUED);
    assertThat(history.get(0).date()).as("an issued plan's event is its issue day").isEqualTo(ISSUED);
    assertThat(history.get(0).details()).isEqualTo("final plan issued");
    assertThat(history.get(0).recordedBy()).isEqualTo("carla");
  }

  @Test
  void anOnboardedPlanIsDatedTheDayItWasEntered() {
    register.enter(plan(reference, setting, 11, ISSUED.plusYears(1)), PlanEvent.Kind.ONBOARDED, "import 7", "admin");
    assertThat(register.history(reference)).singleElement()
        .satisfies(event -> assertThat(event.date()).isEqualTo(EngineClock.today()));
  }

  @Test
  void aPlanEnteredInABatchWithoutAStartDayHasNoCycleWaiting() {
    String waiting = reference + "-w";
    Plan now = plan(reference, setting, 11, ISSUED.plusYears(1));
    java.util.List<LocalDate> startsOn = new java.util.ArrayList<>();
    startsOn.add(null);
    startsOn.add(ISSUED.plusMonths(8));
    assertThat(register.enterAll(List.of(now, plan(waiting, setting, 11, ISSUED.plusYears(1))), startsOn,
        PlanEvent.Kind.ONBOARDED, "import", "import")).containsExactly(true, true);
    assertThat(register.find(reference)).contains(now);
    assertThat(register.history(reference)).singleElement()
        .satisfies(event -> assertThat(event.kind()).isEqualTo(PlanEvent.Kind.ONBOARDED));
    assertThat(register.reviewCyclesDueToStart(ISSUED.plusYears(5), 100_000)).contains(waiting)
        .doesNotContain(reference);
    assertThat(register.takeWaitingReviewCycle(reference)).as("its cycle is the caller's to start").isFalse();
  }

  @Test
  void aReviewCycleWaitsInTheRegisterUntilItsDayAndIsTakenOnce() {
    String second = reference + "-2";
    String third = reference + "-3";
    LocalDate soon = ISSUED.plusMonths(8);
    LocalDate later = ISSUED.plusMonths(9);
    Plan first = plan(reference, setting, 11, ISSUED.plusYears(1));
    assertThat(register.enterAll(List.of(first, plan(second, setting, 11, ISSUED.plusYears(1))),
        List.of(soon, later), PlanEvent.Kind.ONBOARDED, "import 8", "import")).containsExactly(true, true);
    assertThat(register.enterAll(List.of(first.withNextReviewDue(ISSUED),
        plan(third, setting, 11, ISSUED.plusYears(1))), List.of(soon, soon), PlanEvent.Kind.ONBOARDED, "again",
        "import")).as("a case already there is left as it is").containsExactly(false, true);
    assertThat(register.find(reference)).contains(first);
    assertThat(register.history(reference)).singleElement().satisfies(event -> {
      assertThat(event.kind()).isEqualTo(PlanEvent.Kind.ONBOARDED);
      assertThat(event.date()).isEqualTo(EngineClock.today());
      assertThat(event.details()).isEqualTo("import 8");
    });

    assertThat(register.reviewCyclesDueToStart(soon.minusDays(1), 100_000)).doesNotContain(reference, second, third);
    assertThat(register.reviewCyclesDueToStart(soon, 100_000)).contains(reference, third).doesNotContain(second);
    assertThat(register.takeWaitingReviewCycle(reference)).isTrue();
    assertThat(register.takeWaitingReviewCycle(reference)).as("taken once, by one caller").isFalse();
    register.cease(third, soon, "moved out of the area", "carla");
    assertThat(register.reviewCyclesDueToStart(later, 100_000)).as("a ceased plan's cycle never starts")
        .contains(second).doesNotContain(reference, third);
    assertThat(register.takeWaitingReviewCycle("EHC-T-unknown")).isFalse();
  }

  @Test
  void aReviewMovesTheNextReviewOn() {
    register.enter(plan(reference, setting, 11, ISSUED.plusYears(1)), PlanEvent.Kind.ISSUED, "issued", "carla");
    LocalDate meeting = ISSUED.plusMonths(11);
    register.recordReview(reference, meeting, meeting.plusYears(1), "plan kept", "carla");
    Plan reviewed = register.find(reference).orElseThrow();
    assertThat(reviewed.lastReviewedOn()).isEqualTo(meeting);
    assertThat(reviewed.nextReviewDue()).isEqualTo(meeting.plusYears(1));
    assertThat(register.history(reference)).extracting(PlanEvent::kind, PlanEvent::date)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(PlanEvent.Kind.ISSUED, ISSUED),
            org.assertj.core.groups.Tuple.tuple(PlanEvent.Kind.REVIEWED, meeting));
  }

  @Test
  void anAmendmentNamesTheNewSettingOrKeepsTheCurrentOne() {
    register.enter(plan(reference, setting, 11, ISSUED.plusYears(1)), PlanEvent.Kind.ISSUED, "issued", "carla");
    LocalDate amended = ISSUED.plusMonths(6);
    register.recordAmendment(reference, amended, null, "carla");
    assertThat(register.find(reference).orElseThrow().settingCode()).isEqualTo(setting);
    register.recordAmendment(reference, amended.plusMonths(1),
        new PlanRegister.NamedSetting(setting + "X", "Hill Academy", 16), "carla");
    Plan plan = register.find(reference).orElseThrow();
    assertThat(plan.settingCode()).isEqualTo(setting + "X");
    assertThat(plan.settingName()).isEqualTo("Hill Academy");
    assertThat(plan.settingUpperAge()).isEqualTo(16);
    assertThat(register.history(reference)).extracting(PlanEvent::details)
        .containsExactly("issued", "amended plan issued", "amended plan issued, naming Hill Academy");
  }

  @Test
  void aTransferStartedIsKeptSoACohortRunNeverStartsItTwice() {
    register.enter(plan(reference, setting, 11, ISSUED.plusYears(1)), PlanEvent.Kind.ISSUED, "issued", "carla");
    LocalDate transferDay = LocalDate.of(2027, 2, 15);
    register.recordTransferStarted(reference, transferDay, "to secondary", "system");
    assertThat(register.find(reference).orElseThrow().lastTransferOn()).isEqualTo(transferDay);
    assertThat(register.history(reference).get(1).kind()).isEqualTo(PlanEvent.Kind.TRANSFER_STARTED);
  }

  @Test
  void aCeasedPlanLeavesTheMaintainedLists() {
    String second = reference + "b";
    register.enter(plan(reference, setting, 11, ISSUED.plusYears(1)), PlanEvent.Kind.ISSUED, "issued", "carla");
    register.enter(plan(second, setting, 11, ISSUED.plusMonths(6)), PlanEvent.Kind.ISSUED, "issued", "carla");
    assertThat(register.maintainedAtSetting(setting)).extracting(Plan::caseReference)
        .as("soonest review first").containsExactly(second, reference);
    register.cease(second, ISSUED.plusMonths(7), "moved away", "carla");
    Plan ceased = register.find(second).orElseThrow();
    assertThat(ceased.status()).isEqualTo(PlanStatus.CEASED);
    assertThat(ceased.ceasedOn()).isEqualTo(ISSUED.plusMonths(7));
    assertThat(register.maintainedAtSetting(setting)).extracting(Plan::caseReference).containsExactly(reference);
    assertThat(register.maintainedWithSettingAgeRange()).extracting(Plan::caseReference)
        .contains(reference).doesNotContain(second);
  }

  @Test
  void aPlanWithoutAKnownAgeRangeIsNoTransferCandidate() {
    register.enter(plan(reference, setting, null, ISSUED.plusYears(1)), PlanEvent.Kind.ISSUED, "issued", "carla");
    assertThat(register.maintainedWithSettingAgeRange()).extracting(Plan::caseReference).doesNotContain(reference);
    assertThat(register.maintainedAtSetting(setting)).extracting(Plan::caseReference).containsExactly(reference);
  }

  @Test
  void changingAPlanTheRegisterDoesNotHoldIsRefused() {
    assertThatThrownBy(() -> register.recordReview(reference, ISSUED, ISSUED.plusYears(1), "x", "carla"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(reference);
    assertThatThrownBy(() -> register.cease(reference, ISSUED, "x", "carla"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(register.history(reference)).isEmpty();
  }

  private static Plan plan(String reference, String setting, Integer upperAge, LocalDate nextDue) {
    return new Plan(reference, "LA-1", LocalDate.of(2016, 5, 1), 2020, "family@example.org", setting,
        "Meadow Primary", upperAge, ISSUED, null, nextDue, PlanStatus.MAINTAINED, null, null, Plan.Source.ASSESSMENT);
  }
}
