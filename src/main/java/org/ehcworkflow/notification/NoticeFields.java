package org.ehcworkflow.notification;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.ehcworkflow.calendar.TimeLimit;

/**
 * Every personalisation field a notice can carry. None of them holds a name or a date of birth: notices speak of
 * cases by reference, so no subject line or message names a child.
 */
public final class NoticeFields {

  private NoticeFields() {
  }

  /** Added by the dispatcher: the link to Tasklist for partners and officers. */
  public static final String TASKLIST_LINK = "tasklistLink";

  public static Set<String> known() {
    Set<String> fields = new HashSet<>(Set.of("caseReference", "deadline", "deadlineTitle", "legalReference",
        "scope", "documentId", "documentTitle", "taskName", "taskId", "meetingDate", "transferTitle", TASKLIST_LINK,
        "count", "summary", "cases", "cockpitLink", "responseLink", "responseLinkLastDay", "code", "codeMinutes", "settingName"));
    Arrays.stream(TimeLimit.values()).map(TimeLimit::dueVariable).forEach(fields::add);
    return fields;
  }
}
