package org.ehcworkflow.notification;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.NotificationList;

/**
 * GOV.UK Notify, through its official Java client. Each local template name maps to a Notify template id; the
 * notice's idempotency key is Notify's {@code reference}, so an interrupted delivery is looked up before it is
 * sent again. A notice that issues a statutory document carries it as Notify's file download ({@code link_to_file}
 * in the template), behind a check of the family's email address, kept for 52 weeks.
 */
public class GovUkNotifyAdapter implements NoticeChannel {

  /** The Notify template field that carries a document: the family downloads it after confirming their email. */
  static final String DOCUMENT_FIELD = "link_to_file";

  private final NotificationClient client;
  private final Map<String, String> templateIds;
  private final Function<Long, Optional<Attachment>> documents;

  /** @param documents a stored document by id, sent with the notice that names it ({@code documentId}) */
  public GovUkNotifyAdapter(NotificationClient client, Map<String, String> templateIds,
      Function<Long, Optional<Attachment>> documents) {
    this.client = client;
    this.templateIds = Map.copyOf(templateIds);
    this.documents = documents;
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
    Map<String, Object> personalisation = new HashMap<>(notice.personalisation());
    Optional<Attachment> document = Optional.ofNullable(notice.personalisation().get("documentId"))
        .flatMap(id -> documents.apply(Long.valueOf(id)));
    if (document.isPresent()) {
      try {
        personalisation.put(DOCUMENT_FIELD, NotificationClient.prepareUpload(document.get().content(),
            document.get().filename(), true, "52 weeks"));
      } catch (NotificationClientException e) {
        throw new DeliveryFailure("the document could not be prepared for GOV.UK Notify", true, e);
      }
    }
    String reference = null;
    for (String address : notice.addresses()) {
      try {
        reference = client.sendEmail(templateId, address, personalisation, notice.idempotencyKey())
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
