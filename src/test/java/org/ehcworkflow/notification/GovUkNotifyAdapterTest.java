package org.ehcworkflow.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcworkflow.notification.NoticeChannel.DeliveryFailure;
import org.ehcworkflow.notification.NoticeChannel.Outgoing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.gov.service.notify.NotificationClient;

/** The Notify adapter through the official client against WireMock standing in for the Notify API (real HTTP). */
class GovUkNotifyAdapterTest {

  @RegisterExtension
  static WireMockExtension notify = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a";

  GovUkNotifyAdapter adapter;
  Outgoing notice = new Outgoing("proc-1/act-2/partner:HEALTH", List.of("dco@nhs.test"), "advice-request",
      "unused", "unused", Map.of("caseReference", "EHC-2026-00001", "deadline", "2026-02-16"));

  @BeforeEach
  void setUp() {
    String apiKey = "test_key-" + UUID.randomUUID() + "-" + UUID.randomUUID();
    adapter = new GovUkNotifyAdapter(new NotificationClient(apiKey, notify.baseUrl()),
        Map.of("advice-request", TEMPLATE_ID, "final-plan", TEMPLATE_ID),
        id -> id == 7L ? java.util.Optional.of(new NoticeChannel.Attachment("EHC-2026-00001-final-plan-v1.pdf",
            "application/pdf", "%PDF-1.7 the plan".getBytes())) : java.util.Optional.empty());
  }

  @Test
  void aNoticeGoesToNotifyWithItsTemplateFieldsAndTheIdempotencyKeyAsReference() throws Exception {
    String id = UUID.randomUUID().toString();
    notify.stubFor(post("/v2/notifications/email").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(sent(id))));

    assertThat(adapter.deliver(notice)).isEqualTo(id);

    notify.verify(1, postRequestedFor(urlPathEqualTo("/v2/notifications/email"))
        .withRequestBody(matchingJsonPath("$.template_id", equalTo(TEMPLATE_ID)))
        .withRequestBody(matchingJsonPath("$.email_address", equalTo("dco@nhs.test")))
        .withRequestBody(matchingJsonPath("$.reference", equalTo("proc-1/act-2/partner:HEALTH")))
        .withRequestBody(matchingJsonPath("$.personalisation.deadline", equalTo("2026-02-16")))
        .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+")));
  }

  @Test
  void aNoticeThatIssuesADocumentSendsItAsNotifysFileDownload() throws Exception {
    notify.stubFor(post("/v2/notifications/email").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(sent(UUID.randomUUID().toString()))));
    Outgoing finalPlan = new Outgoing("proc-1/act-9/family:EHC-2026-00001", List.of("parent@family.test"),
        "final-plan", "unused", "unused", Map.of("caseReference", "EHC-2026-00001", "documentId", "7"));

    adapter.deliver(finalPlan);

    notify.verify(1, postRequestedFor(urlPathEqualTo("/v2/notifications/email"))
        .withRequestBody(matchingJsonPath("$.personalisation.link_to_file.file",
            equalTo(java.util.Base64.getEncoder().encodeToString("%PDF-1.7 the plan".getBytes()))))
        .withRequestBody(matchingJsonPath("$.personalisation.link_to_file.filename",
            equalTo("EHC-2026-00001-final-plan-v1.pdf")))
        .withRequestBody(matchingJsonPath("$.personalisation.link_to_file.confirm_email_before_download",
            equalTo("true"))));
  }

  @Test
  void aServerErrorCanBeRetriedButABadRequestCannot() {
    notify.stubFor(post("/v2/notifications/email").willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/json").withBody("{\"errors\":[{\"error\":\"Exception\"}]}")));
    assertThatThrownBy(() -> adapter.deliver(notice)).isInstanceOfSatisfying(DeliveryFailure.class,
        e -> assertThat(e.permanent()).isFalse());

    notify.stubFor(post("/v2/notifications/email").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("{\"errors\":[{\"error\":\"BadRequestError\"}]}")));
    assertThatThrownBy(() -> adapter.deliver(notice)).isInstanceOfSatisfying(DeliveryFailure.class,
        e -> assertThat(e.permanent()).isTrue());
  }

  @Test
  void anInterruptedDeliveryIsLookedUpByReferenceBeforeItIsSentAgain() throws Exception {
    notify.stubFor(get(urlPathEqualTo("/v2/notifications"))
        .withQueryParam("reference", equalTo("proc-1/act-2/partner:HEALTH"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"notifications\":[" + listed() + "],\"links\":{\"current\":\"https://example.test/v2/notifications\"}}")));
    notify.stubFor(get(urlPathEqualTo("/v2/notifications"))
        .withQueryParam("reference", equalTo("never-sent"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"notifications\":[],\"links\":{\"current\":\"https://example.test/v2/notifications\"}}")));

    assertThat(adapter.alreadyDelivered("proc-1/act-2/partner:HEALTH")).contains(true);
    assertThat(adapter.alreadyDelivered("never-sent")).contains(false);
  }

  @Test
  void aTemplateWithoutANotifyIdIsAPermanentFailure() {
    Outgoing unknown = new Outgoing("k", List.of("a@b.test"), "draft-plan", "s", "b", Map.of());
    assertThatThrownBy(() -> adapter.deliver(unknown)).isInstanceOfSatisfying(DeliveryFailure.class,
        e -> assertThat(e.permanent()).isTrue());
  }

  private static String sent(String id) {
    return """
        {"id":"%s","reference":"proc-1/act-2/partner:HEALTH",
         "content":{"body":"b","subject":"s","from_email":"ehc@notify.test"},
         "template":{"id":"%s","version":1,"uri":"https://example.test/t"},
         "uri":"https://example.test/n"}""".formatted(id, TEMPLATE_ID);
  }

  private static String listed() {
    return """
        {"id":"%s","reference":"proc-1/act-2/partner:HEALTH","email_address":"dco@nhs.test","type":"email",
         "status":"delivered","template":{"id":"%s","version":1,"uri":"https://example.test/t"},
         "body":"b","subject":"s","created_at":"2026-01-05T10:00:00.000000Z"}""".formatted(UUID.randomUUID(), TEMPLATE_ID);
  }
}
