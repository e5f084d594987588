package org.ehcworkflow.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.ehcworkflow.document.DocumentType;
import org.ehcworkflow.document.Documents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Filing documents with a council's records system, against WireMock standing in for its HTTP API: filed once,
 * retried after a 503 with the same idempotency key, an incident in Cockpit when the retries run out, and never
 * uploaded twice. The job executor is off: each attempt is one job execution, as the executor would make it.
 */
@SpringBootTest(properties = {"ehc.demo.enabled=false", "camunda.bpm.job-execution.enabled=false",
    "ehc.documents.service.username=ehc", "ehc.documents.service.password=secret"})
class DocumentFilingIT {

  static final WireMockServer RECORDS = new WireMockServer(wireMockConfig().dynamicPort());

  static {
    RECORDS.start();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
    registry.add("ehc.documents.service.base-url", () -> RECORDS.baseUrl() + "/edrms");
  }

  @AfterAll
  static void stop() {
    RECORDS.stop();
  }

  @Autowired Documents documents;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @BeforeEach
  void reset() {
    RECORDS.resetAll();
  }

  @Test
  void aDocumentIsFiledOnceWithItsChecksumAndCredentials() {
    RECORDS.stubFor(post(urlPathEqualTo("/edrms/documents")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"id\": \"EDRMS-1\"}")));
    Documents.StoredDocument stored = issue("FILE-OK");
    String instance = startFiling(stored);

    management.executeJob(filingJob(instance).getId());

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    assertThat(documents.find(stored.id()).orElseThrow().externalId()).isEqualTo("EDRMS-1");
    LoggedRequest request = RECORDS.findAll(postRequestedFor(urlPathEqualTo("/edrms/documents"))).get(0);
    assertThat(request.getHeader("X-Checksum-SHA256")).isEqualTo(stored.checksum());
    assertThat(request.getHeader("X-Case-Reference")).isEqualTo("FILE-OK");
    assertThat(request.getHeader("Authorization")).startsWith("Basic ");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/pdf");
    assertThat(new String(request.getBody(), 0, 5)).isEqualTo("%PDF-");

    // Filing the same document again sends nothing: it is already filed.
    String again = startFiling(stored);
    management.executeJob(filingJob(again).getId());
    RECORDS.verify(1, postRequestedFor(urlPathEqualTo("/edrms/documents")));
  }

  @Test
  void aFilingRefusedWith503IsRetriedWithTheSameIdempotencyKey() {
    RECORDS.stubFor(post(urlPathEqualTo("/edrms/documents")).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("back"));
    RECORDS.stubFor(post(urlPathEqualTo("/edrms/documents")).inScenario("outage").whenScenarioStateIs("back")
        .willReturn(aResponse().withStatus(201).withBody("{\"id\": \"EDRMS-2\"}")));
    Documents.StoredDocument stored = issue("FILE-RETRY");
    String instance = startFiling(stored);

    Job job = filingJob(instance);
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("503");
    Job retried = filingJob(instance);
    assertThat(retried.getRetries()).as("R6/PT10M: five more tries").isEqualTo(5);
    assertThat(retried.getExceptionMessage()).contains("503");
    management.executeJob(retried.getId());

    assertThat(documents.find(stored.id()).orElseThrow().externalId()).isEqualTo("EDRMS-2");
    List<LoggedRequest> requests = RECORDS.findAll(postRequestedFor(urlPathEqualTo("/edrms/documents")));
    assertThat(requests).hasSize(2);
    assertThat(requests).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(
        requests.get(0).getHeader("Idempotency-Key"));
    assertThat(requests.get(0).getHeader("Idempotency-Key")).startsWith("FILE-RETRY/DECISION_TO_ASSESS/v1/");
  }

  @Test
  void whenTheRetriesRunOutTheFilingIsAnIncidentToRetryAndNothingIsLost() {
    RECORDS.stubFor(post(urlPathEqualTo("/edrms/documents")).willReturn(aResponse().withStatus(503)));
    Documents.StoredDocument stored = issue("FILE-DOWN");
    String instance = startFiling(stored);

    for (int attempt = 0; attempt < 6; attempt++) {
      Job job = filingJob(instance);
      assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
    }
    assertThat(filingJob(instance).getRetries()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).singleResult().getIncidentMessage())
        .contains("503");
    assertThat(documents.find(stored.id()).orElseThrow().externalId()).as("not filed, still stored").isNull();

    // The records system is back; a manager retries the incident from Cockpit (here: the same API call).
    RECORDS.resetAll();
    RECORDS.stubFor(post(urlPathEqualTo("/edrms/documents")).withHeader("Idempotency-Key", matching("FILE-DOWN/.*"))
        .willReturn(aResponse().withStatus(200).withBody("{\"id\": \"EDRMS-3\"}")));
    management.setJobRetries(filingJob(instance).getId(), 1);
    management.executeJob(filingJob(instance).getId());
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    assertThat(documents.find(stored.id()).orElseThrow().externalId()).isEqualTo("EDRMS-3");
    RECORDS.verify(1, postRequestedFor(urlPathEqualTo("/edrms/documents"))
        .withHeader("X-Document-Type", equalTo("DECISION_TO_ASSESS")));
  }

  private Documents.StoredDocument issue(String caseReference) {
    return documents.produce(caseReference, DocumentType.DECISION_TO_ASSESS, Map.of("Request received", "2026-01-05"),
        "test");
  }

  private String startFiling(Documents.StoredDocument stored) {
    return runtime.startProcessInstanceByKey("ehc-document-filing", stored.caseReference(),
        Map.of("documentId", stored.id())).getId();
  }

  private Job filingJob(String instance) {
    return management.createJobQuery().processInstanceId(instance).singleResult();
  }
}
