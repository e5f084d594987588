package org.ehcworkflow.notification;

/**
 * The port every process uses to tell someone something. Implementations must be idempotent on
 * {@link Notice#idempotencyKey()}: the same notice sent twice is recorded once.
 */
public interface Notifications {

  /** Records the notice for delivery; returns false when a notice with the same key was already recorded. */
  boolean send(Notice notice);

  /**
   * Clears the wording of a notice already delivered (a one-time sign-in code once used): the record of it stays.
   * Nothing happens to a notice still waiting to go.
   */
  void forgetWording(String idempotencyKey);
}
