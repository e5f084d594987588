package org.ehcworkflow.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ehcworkflow.notification.Notice;
import org.ehcworkflow.notification.Notifications;

/** Keeps every notice by idempotency key, as the outbox does, for process tests. */
public class RecordingNotifications implements Notifications {

  private final Map<String, Notice> notices = new ConcurrentHashMap<>();

  @Override
  public boolean send(Notice notice) {
    return notices.putIfAbsent(notice.idempotencyKey(), notice) == null;
  }

  public List<Notice> withTemplate(String template) {
    return notices.values().stream().filter(n -> n.template().equals(template)).toList();
  }

  public List<Notice> all() {
    return List.copyOf(notices.values());
  }

  @Override
  public void forgetWording(String idempotencyKey) {
  }
}
