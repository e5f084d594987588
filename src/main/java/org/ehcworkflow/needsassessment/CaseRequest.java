package org.ehcworkflow.needsassessment;

import java.time.LocalDate;

/**
 * A validated request to open a case.
 *
 * @param caseReference the reference the caller chose, or null for a new one
 * @param currentSettingCode the child's school or setting by its partner directory code, or null
 */
public record CaseRequest(String caseReference, LocalDate requestReceivedDate, RequesterType requesterType,
    String councilReference, String currentSettingCode) {
}
