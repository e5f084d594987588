package org.ehcworkflow.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ehcworkflow.plan.Plan;
import org.ehcworkflow.plan.PlanEvent;
import org.ehcworkflow.plan.PlanRegister;
import org.ehcworkflow.plan.PlanStatus;
import org.ehcworkflow.process.EngineClock;

/** The plan register in memory, for process tests. */
public class InMemoryPlanRegister implements PlanRegister {

  public final Map<String, Plan> plans = new ConcurrentHashMap<>();
  public final Map<String, List<PlanEvent>> events = new ConcurrentHashMap<>();

  @Override
  public Optional<Plan> find(String caseReference) {
    return Optional.ofNullable(plans.get(caseReference));
  }

  @Override
  public boolean enter(Plan plan, PlanEvent.Kind event, String details, String recordedBy) {
    if (plans.putIfAbsent(plan.caseReference(), plan) != null) {
      return false;
    }
    event(plan.caseReference(), event, event == PlanEvent.Kind.ISSUED ? plan.issuedOn() : EngineClock.today(), details,
        recordedBy);
    return true;
  }

  /** Review cycles waiting in the register, by case, with the day each starts. */
  public final Map<String, LocalDate> cyclesWaiting = new ConcurrentHashMap<>();

  @Override
  public boolean[] enterAll(List<Plan> plans, List<LocalDate> cycleStartsOn, PlanEvent.Kind event, String details,
      String recordedBy) {
    boolean[] entered = new boolean[plans.size()];
    for (int i = 0; i < plans.size(); i++) {
      entered[i] = enter(plans.get(i), event, details, recordedBy);
      if (entered[i] && cycleStartsOn.get(i) != null) {
        cyclesWaiting.put(plans.get(i).caseReference(), cycleStartsOn.get(i));
      }
    }
    return entered;
  }

  @Override
  public List<String> reviewCyclesDueToStart(LocalDate by, int limit) {
    return cyclesWaiting.entrySet().stream()
        .filter(e -> !e.getValue().isAfter(by) && plans.get(e.getKey()).status() == PlanStatus.MAINTAINED)
        .sorted(Map.Entry.<String, LocalDate>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .limit(limit).map(Map.Entry::getKey).toList();
  }

  @Override
  public boolean takeWaitingReviewCycle(String caseReference) {
    return cyclesWaiting.remove(caseReference) != null;
  }

  @Override
  public void recordReview(String caseReference, LocalDate meetingDate, LocalDate nextDue, String details,
      String recordedBy) {
    Plan p = held(caseReference);
    plans.put(caseReference, new Plan(p.caseReference(), p.councilReference(), p.dateOfBirth(), p.receptionYear(),
        p.contactEmail(), p.settingCode(), p.settingName(), p.settingUpperAge(), p.issuedOn(), meetingDate, nextDue,
        p.status(), p.ceasedOn(), p.lastTransferOn(), p.source()));
    event(caseReference, PlanEvent.Kind.REVIEWED, meetingDate, details, recordedBy);
  }

  @Override
  public void recordAmendment(String caseReference, LocalDate issuedOn, NamedSetting s, String recordedBy) {
    Plan p = held(caseReference);
    if (s != null) {
      plans.put(caseReference, new Plan(p.caseReference(), p.councilReference(), p.dateOfBirth(), p.receptionYear(),
          p.contactEmail(), s.code(), s.name(), s.upperAge(), p.issuedOn(), p.lastReviewedOn(), p.nextReviewDue(),
          p.status(), p.ceasedOn(), p.lastTransferOn(), p.source()));
    }
    event(caseReference, PlanEvent.Kind.AMENDED, issuedOn,
        s == null ? "amended plan issued" : "amended plan issued, naming " + s.name(), recordedBy);
  }

  @Override
  public void recordTransferStarted(String caseReference, LocalDate transferDay, String details, String recordedBy) {
    Plan p = held(caseReference);
    plans.put(caseReference, new Plan(p.caseReference(), p.councilReference(), p.dateOfBirth(), p.receptionYear(),
        p.contactEmail(), p.settingCode(), p.settingName(), p.settingUpperAge(), p.issuedOn(), p.lastReviewedOn(),
        p.nextReviewDue(), p.status(), p.ceasedOn(), transferDay, p.source()));
    event(caseReference, PlanEvent.Kind.TRANSFER_STARTED, transferDay, details, recordedBy);
  }

  @Override
  public void cease(String caseReference, LocalDate on, String reason, String recordedBy) {
    Plan p = held(caseReference);
    plans.put(caseReference, new Plan(p.caseReference(), p.councilReference(), p.dateOfBirth(), p.receptionYear(),
        p.contactEmail(), p.settingCode(), p.settingName(), p.settingUpperAge(), p.issuedOn(), p.lastReviewedOn(),
        p.nextReviewDue(), PlanStatus.CEASED, on, p.lastTransferOn(), p.source()));
    event(caseReference, PlanEvent.Kind.CEASED, on, reason, recordedBy);
  }

  @Override
  public List<Plan> maintainedWithSettingAgeRange() {
    return plans.values().stream().filter(p -> p.status() == PlanStatus.MAINTAINED && p.settingUpperAge() != null)
        .sorted(java.util.Comparator.comparing(Plan::caseReference)).toList();
  }

  @Override
  public List<Plan> maintainedAtSetting(String settingCode) {
    return plans.values().stream().filter(p -> p.status() == PlanStatus.MAINTAINED
        && settingCode.equals(p.settingCode())).sorted(java.util.Comparator.comparing(Plan::nextReviewDue)
        .thenComparing(Plan::caseReference)).toList();
  }

  @Override
  public List<PlanEvent> history(String caseReference) {
    return events.getOrDefault(caseReference, List.of());
  }

  private Plan held(String caseReference) {
    Plan plan = plans.get(caseReference);
    if (plan == null) {
      throw new IllegalStateException("no plan in the register for case " + caseReference);
    }
    return plan;
  }

  private void event(String caseReference, PlanEvent.Kind kind, LocalDate date, String details, String by) {
    events.computeIfAbsent(caseReference, k -> new ArrayList<>()).add(new PlanEvent(kind, date, details, by,
        EngineClock.instant()));
  }
}
