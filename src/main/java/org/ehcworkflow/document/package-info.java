/**
 * Statutory documents of a case (decision notices, draft and final plans). Processes call the
 * {@link org.ehcworkflow.document.Documents} port; the database adapter stores each version with its checksum.
 */
package org.ehcworkflow.document;
