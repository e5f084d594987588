/**
 * The audit trail: a port ({@link org.ehcworkflow.audit.AuditTrail}) that every capability writes to and none owns,
 * with its JDBC adapter.
 */
package org.ehcworkflow.audit;
