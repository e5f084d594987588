package org.ehcworkflow.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ehcworkflow.calendar.TimeLimit;

/** The port through which processes and the API keep the case file. */
public interface CaseFile {

  /**
   * A new case reference, {@code EHC-<year>-<number>}, never given twice (across restarts and nodes); taken for good,
   * whatever becomes of the caller's transaction (see {@link CaseReferenceCounter}), so a year's numbers may have gaps.
   */
  String nextCaseReference(int year);

  boolean exists(String caseReference);

  void open(OpenedCase openedCase);

  /** Keeps the child's and family's details of the request; the only place they are held. */
  void recordRequestDetails(String caseReference, ChildDetails details);

  Optional<OpenedCase> find(String caseReference);

  /** The child's and family's details as received with the request, if the request brought any. */
  Optional<ChildDetails> requestDetails(String caseReference);

  /**
   * Records that a time limit passed with the step undone; once per limit, scope and deadline, so a later cycle's
   * breach of the same limit is a breach of its own.
   */
  void recordBreach(String caseReference, TimeLimit limit, String scope, LocalDate due);

  List<Breach> breaches(String caseReference);

  void recordException(String caseReference, TimeLimitException exception);

  List<TimeLimitException> exceptions(String caseReference);

  void close(String caseReference, CaseStatus status, LocalDate on, String reason);

  /** Keeps what was submitted at a step (codes, dates, free text), with the day and who recorded it. */
  void recordStep(StepRecord record);

  /** Everything recorded at the case's steps, oldest first. */
  List<StepRecord> steps(String caseReference);

  /**
   * Names the case's coordinator (the caseload): the officer the family sees and writes to, and whom the case's
   * own notices go to. Replaces the one named before.
   */
  void assignCoordinator(String caseReference, String userId, LocalDate on, String assignedBy);

  /** The case's named coordinator's user id, if one is named. */
  Optional<String> coordinator(String caseReference);

  /**
   * A case as opened.
   *
   * @param requesterType who asked (or who brought the child to the authority's attention)
   * @param councilReference the authority's own reference in its case management system, if any
   * @param currentSettingCode the child's current school or setting, by its code in the partner directory
   */
  record OpenedCase(String caseReference, String processInstanceId, String requesterType,
      LocalDate requestReceivedDate, String councilReference, String currentSettingCode, CaseStatus status) {
  }

  /** The child and the family's contact details, as received with the request (special category data). */
  record ChildDetails(String givenName, String familyName, LocalDate dateOfBirth, String contactEmail,
      String contactPhone, String summary) {
  }

  record Breach(TimeLimit timeLimit, String scope, LocalDate due) {
  }

  /**
   * An exception to a time limit.
   *
   * @param scope the advice giver whose 6 weeks it excuses (reg 8(2)), or null for the whole case (reg 10(4))
   */
  record TimeLimitException(ExceptionReason reason, String details, LocalDate startsOn, LocalDate endsOn,
      String recordedBy, String scope) {

    public TimeLimitException(ExceptionReason reason, String details, LocalDate startsOn, LocalDate endsOn,
        String recordedBy) {
      this(reason, details, startsOn, endsOn, recordedBy, null);
    }
  }

  /**
   * What a step's task brought in.
   *
   * @param step the task's activity id ({@code Task_RecordSettingResponse})
   * @param facts each submitted field by name, in the order given
   * @param freeText the fields that hold free text (cleared when the case is anonymised)
   */
  record StepRecord(String caseReference, String processInstanceId, String step, java.util.Map<String, String> facts,
      java.util.Set<String> freeText, LocalDate recordedOn, String recordedBy) {
  }
}
