package org.ehcworkflow.notification;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A way of delivering notices (SMTP email, GOV.UK Notify). Adapters are named for the system behind them. */
public interface NoticeChannel {

  /** The channel's name as stored on each notice: {@code EMAIL} or {@code NOTIFY}. */
  String name();

  /**
   * Delivers one notice to its addresses.
   *
   * @return the provider's reference for the delivery
   * @throws DeliveryFailure permanent (never retried) or not
   */
  String deliver(Outgoing notice) throws DeliveryFailure;

  /**
   * Whether the provider already accepted this notice, for one whose delivery was interrupted; empty when the
   * provider cannot tell (SMTP), in which case the notice is not sent again by itself.
   */
  Optional<Boolean> alreadyDelivered(String idempotencyKey) throws DeliveryFailure;

  /** A notice ready to go: rendered text for channels that send text, fields for those with their own templates. */
  record Outgoing(String idempotencyKey, List<String> addresses, String template, String subject, String body,
      Map<String, String> personalisation) {
  }

  /** A statutory document sent with the notice that issues it ({@code documentId} in its personalisation). */
  record Attachment(String filename, String contentType, byte[] content) {
  }

  /** Delivery did not happen. */
  class DeliveryFailure extends Exception {
    private final boolean permanent;

    public DeliveryFailure(String message, boolean permanent, Throwable cause) {
      super(message, cause);
      this.permanent = permanent;
    }

    public boolean permanent() {
      return permanent;
    }
  }
}
