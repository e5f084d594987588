package org.ehcworkflow.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ehcworkflow.notification.Recipient;

/**
 * Idempotency keys for notices: one per step execution and recipient. A retried job re-runs in a new
 * transaction after the failed one rolled back, so a key is never recorded twice for one real step.
 */
final class NoticeKeys {

  private NoticeKeys() {
  }

  static String of(DelegateExecution execution, Recipient recipient) {
    return execution.getProcessInstanceId() + "/" + execution.getActivityInstanceId() + "/"
        + recipient.kind().name().toLowerCase() + ":" + recipient.id();
  }
}
