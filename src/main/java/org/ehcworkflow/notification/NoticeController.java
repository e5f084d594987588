package org.ehcworkflow.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.ehcworkflow.process.Refusal;
import org.ehcworkflow.security.Allowed;
import org.ehcworkflow.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where failed notices appear: managers list the notices that did not arrive, with the reason, and send one
 * again once the reason is mended (an address added to the partner directory, the mail server back).
 */
@RestController
@RequestMapping("/api/notices")
@Tag(name = "Notices", description = "Notices that did not arrive, for managers")
class NoticeController {

  private final OutboxEntries outbox;
  private final NotificationDispatcher dispatcher;

  NoticeController(OutboxEntries outbox, NotificationDispatcher dispatcher) {
    this.outbox = outbox;
    this.dispatcher = dispatcher;
  }

  @Operation(summary = "Notices in a state, FAILED by default",
      description = "FAILED: a permanent error or the retry budget spent. UNCONFIRMED: delivery was interrupted "
          + "and the channel cannot say whether it arrived. PENDING: waiting for delivery or a retry.")
  @Allowed(Roles.MANAGERS)
  @GetMapping
  List<OutboxEntries.NoticeView> list(@RequestParam(defaultValue = "FAILED") String status) {
    String state = status.trim().toUpperCase(Locale.ROOT);
    if (!OutboxEntries.STATES.contains(state)) {
      throw Refusal.invalid("status '" + status + "' is not one of " + OutboxEntries.STATES);
    }
    return outbox.inState(state);
  }

  @Operation(summary = "Send a FAILED or UNCONFIRMED notice again",
      description = "404 for an unknown id; 409 for a notice in another state (PENDING, or already SENT).")
  @Allowed(Roles.MANAGERS)
  @PostMapping("/{id}/retry")
  ResponseEntity<Void> retry(@PathVariable long id) {
    if (dispatcher.retry(id)) {
      return ResponseEntity.accepted().build();
    }
    String status = outbox.statusOf(id)
        .orElseThrow(() -> Refusal.notFound("id " + id + " is not a notice"));
    throw Refusal.conflict("id " + id + " is a notice " + status + ": only a FAILED or UNCONFIRMED one is sent again");
  }
}
