package org.ehcworkflow.notification;

import java.util.Map;
import java.util.Optional;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.NotificationList;

/**
 * GOV.UK Notify, through its official Java client. Each local template name maps to a Notify template id; the
 * notice's idempotency key is Notify's {@code reference}, so an interrupted delivery is looked up before it is
 * sent again.
 */
public class GovUkNotifyAdapter implements NoticeChannel {

  private final NotificationClient client;
  private final Map<String, String> templateIds;

  public GovUkNotifyAdapter(NotificationClient client, Map<String, String> templateIds) {
    this.client = client;
    this.templateIds = Map.copyOf(templateIds);
  }

  @Override
  public String name() {
    return "NOTIFY";
  }

  @Override
  public String deliver(Outgoing notice) throws DeliveryFailure {
    String templateId = templateIds.get(notice.template());
    if (templateId == null) {
      throw new DeliveryFailure("no GOV.UK Notify template id is configured for " + notice.template()
          + " (ehc.notifications.gov-uk-notify.template-ids)", true, null);
    }
    String reference = null;
    for (String address : notice.addresses()) {
      try {
        reference = client.sendEmail(templateId, address, notice.personalisation(), notice.idempotencyKey())
            .getNotificationId().toString();
      } catch (NotificationClientException e) {
        throw failure(e);
      }
    }
    return reference;
  }

  @Override
  public Optional<Boolean> alreadyDelivered(String idempotencyKey) throws DeliveryFailure {
    try {
      NotificationList found = client.getNotifications(null, "email", idempotencyKey, null);
      return Optional.of(!found.getNotifications().isEmpty());
    } catch (NotificationClientException e) {
      throw failure(e);
    }
  }

  /** Notify's 400 and 403 are about the request and do not get better by trying again; the rest may. */
  private static DeliveryFailure failure(NotificationClientException e) {
    int status = e.getHttpResult();
    boolean permanent = status == 400 || status == 403;
    return new DeliveryFailure("GOV.UK Notify answered " + status, permanent, e);
  }
}
