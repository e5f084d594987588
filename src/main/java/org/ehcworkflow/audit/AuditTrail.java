package org.ehcworkflow.audit;

import java.util.List;
import java.util.Map;

/**
 * The audit trail, a port: every view and change of a case by a person, appended in the caller's transaction and
 * read by managers and administrators. Security, data protection and the public pages write to it without knowing
 * each other.
 */
public interface AuditTrail {

  enum Action { VIEWED, CHANGED, REFUSED, TASK_COMPLETED, EXPORTED, ANONYMISED }

  /** Appends one event; {@code detail} is cut to 500 characters and must hold no personal data. */
  void record(String userId, Action action, String caseReference, String detail);

  /** The case's events, oldest first: {@code occurred_at}, {@code user_id}, {@code action}, {@code detail}. */
  List<Map<String, Object>> forCase(String caseReference);
}
