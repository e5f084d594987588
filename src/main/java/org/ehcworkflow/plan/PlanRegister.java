package org.ehcworkflow.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The port through which processes, the import and the API keep the plan register. */
public interface PlanRegister {

  Optional<Plan> find(String caseReference);

  /** Enters a plan with its first history event; false (and nothing changed) when the case is already there. */
  boolean enter(Plan plan, PlanEvent.Kind event, String details, String recordedBy);

  /**
   * Enters plans in one batch, each with its first history event. A plan with a day to start its review cycle waits
   * in the register until that day ({@link #reviewCyclesDueToStart}); one without (null) has its cycle started now
   * by the caller. A plan already there is left as it is.
   *
   * @param cycleStartsOn for each plan, the day its review cycle starts, or null when the caller starts it now
   * @return for each plan, whether it was entered
   */
  boolean[] enterAll(List<Plan> plans, List<LocalDate> cycleStartsOn, PlanEvent.Kind event, String details,
      String recordedBy);

  /** Maintained plans whose review cycle waits in the register and is due to start by this day, soonest first. */
  List<String> reviewCyclesDueToStart(LocalDate by, int limit);

  /**
   * The plan's review cycle is starting: it no longer waits in the register.
   *
   * @return true when it was waiting (so this caller, and no other, starts it)
   */
  boolean takeWaitingReviewCycle(String caseReference);

  /** A review meeting was held: it becomes the last review, and the next review falls due on {@code nextDue}. */
  void recordReview(String caseReference, LocalDate meetingDate, LocalDate nextDue, String details, String recordedBy);

  /** A final amended plan was issued, naming the setting given (null keeps the current one). */
  void recordAmendment(String caseReference, LocalDate issuedOn, NamedSetting setting, String recordedBy);

  void recordTransferStarted(String caseReference, LocalDate transferDay, String details, String recordedBy);

  void cease(String caseReference, LocalDate on, String reason, String recordedBy);

  /** Maintained plans whose setting has a known age range: the candidates of a phase transfer cohort. */
  List<Plan> maintainedWithSettingAgeRange();

  /** The maintained plans that name this setting (by its code), soonest review first. */
  List<Plan> maintainedAtSetting(String settingCode);

  List<PlanEvent> history(String caseReference);

  /** The setting a plan names in section I, with its code in the partner directory and statutory upper age. */
  record NamedSetting(String code, String name, Integer upperAge) {
  }
}
