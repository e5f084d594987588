/**
 * Notices to partners, families and managers. Processes call the {@link org.ehcworkflow.notification.Notifications}
 * port; the outbox adapter records each notice durably, in the step's own transaction, for dispatch.
 */
package org.ehcworkflow.notification;
