/**
 * Data protection for children's records: every completed task written to the audit trail ({@code audit}), the
 * subject access export, and anonymisation of records past their retention period.
 */
package org.ehcworkflow.dataprotection;
