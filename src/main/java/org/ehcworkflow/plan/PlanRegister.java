package org.ehcworkflow.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The port through which processes, the import and the API keep the plan register. */
public interface PlanRegister {

  Optional<Plan> find(String caseReference);

  /** Enters a plan with its first history event; false (and nothing changed) when the case is already there. */
  boolean enter(Plan plan, PlanEvent.Kind event, String details, String recordedBy);

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
