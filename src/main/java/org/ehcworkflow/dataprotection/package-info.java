/**
 * Data protection for children's records: the audit trail of who viewed or changed a case, the subject access
 * export, and anonymisation of records past their retention period.
 */
package org.ehcworkflow.dataprotection;
