package org.ehcworkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.ehcworkflow.casefile.CaseFile.ChildDetails;
import org.ehcworkflow.needsassessment.CaseOpening;
import org.ehcworkflow.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notices reach a real SMTP server (GreenMail) from the outbox on real PostgreSQL, once each, through outages,
 * permanent failures and an interrupted delivery. The dispatcher under test is the application's, with a clock the
 * test moves.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ehc.demo.enabled=false", "ehc.notifications.dispatch.enabled=false",
    "spring.mail.host=localhost", "spring.mail.port=3025",
    "ehc.notifications.group-mailboxes.managers=send-managers@council.test",
    "ehc.notifications.group-mailboxes.coordinators=ehc-team@council.test",
    "ehc.notifications.group-mailboxes.sendPanel=send-panel@council.test",
    "ehc.notifications.tasklist-link=https://ehc.council.test/camunda/app/tasklist/",
    "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=500"})
class NoticeDeliveryIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    org.ehcworkflow.integration.TestPostgres.register(registry);
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired Notifications notifications;
  @Autowired AddressBook addresses;
  @Autowired NoticeTemplates templates;
  @Autowired List<NoticeChannel> channels;
  @Autowired ObjectMapper json;
  @Autowired CaseOpening opening;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate rest;
  @Autowired org.ehcworkflow.document.Documents documents;
  @Autowired org.ehcworkflow.steps.FinalReminders finalReminders;

  MutableClock clock;
  NotificationDispatcher dispatcher;

  @BeforeEach
  void setUp() {
    jdbc.update("delete from notification_outbox");
    clock = new MutableClock(Instant.now());
    dispatcher = dispatcher(channels);
    user("manager", "managers");
    user("health", "health");
  }

  @Test
  void anAdviceRequestReachesThePartnerOnceWithItsDeadlineAndTheLink() throws Exception {
    jdbc.update("insert into partner (partner_type, organisation_name, email, active) values "
        + "('HEALTH', 'Designated clinical officer', 'dco@nhs.test', true)");
    String caseReference = opening.open(Map.of("requestReceivedDate", LocalDate.now().minusDays(3).toString()),
        null, null).getBusinessKey();
    Task decision = tasks.createTaskQuery().processInstanceBusinessKey(caseReference)
        .taskDefinitionKey("Task_DecideWhetherToAssess").singleResult();
    tasks.complete(decision.getId(), Map.of("assessDecision", "assess", "decisionReason", "x", "askHealth", true));
    awaitNotice(caseReference, "advice-request");

    dispatcher.dispatchDue();
    dispatcher.dispatchDue();

    List<MimeMessage> toHealth = received("dco@nhs.test", "Advice needed");
    assertThat(toHealth).hasSize(1);
    String adviceDue = LocalDate.now(java.time.ZoneId.of("Europe/London")).plusWeeks(6).toString();
    assertThat(toHealth.get(0).getSubject()).contains(caseReference).contains(adviceDue);
    assertThat(body(toHealth.get(0))).contains("https://ehc.council.test/camunda/app/tasklist/");
    assertThat(toHealth.get(0).getMessageID()).contains("@ehc-workflow.local>");
  }

  @Test
  void aNewTaskGivesItsGroupExactlyOneEmailWithTheDeadlineAndTheLink() throws Exception {
    String received = LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(3).toString();
    String caseReference = opening.open(Map.of("requestReceivedDate", received), null, null).getBusinessKey();
    Task decision = tasks.createTaskQuery().processInstanceBusinessKey(caseReference)
        .taskDefinitionKey("Task_DecideWhetherToAssess").singleResult();

    dispatcher.dispatchDue();
    dispatcher.dispatchDue();

    List<MimeMessage> toPanel = received("send-panel@council.test", caseReference);
    assertThat(toPanel).hasSize(1);
    String due = LocalDate.parse(received).plusWeeks(6).toString();
    assertThat(toPanel.get(0).getSubject())
        .isEqualTo("New task: Decide whether to carry out an EHC needs assessment, case " + caseReference + ", due " + due);
    assertThat(body(toPanel.get(0))).contains("https://ehc.council.test/camunda/app/tasklist/#/?task=" + decision.getId());
    assertThat(received("send-managers@council.test", caseReference)).as("managers hear of breaches, not each task")
        .isEmpty();
  }

  @Test
  void adviceAskedOfTheSchoolGoesToTheChildsSchoolAlone() throws Exception {
    String csv = """
        partner_type,code,organisation_name,email,phone,active
        SCHOOL_OR_SETTING,200001,"Ash Infant School, Northtown",senco@ash.test,,true
        SCHOOL_OR_SETTING,200002,Birch Junior School,senco@birch.test,,true
        SCHOOL_OR_SETTING,,No code school,nocode@school.test,,true
        HOSPITAL,,Somewhere,x@y.test,,true
        HEALTH,,Designated clinical officer,not-an-email,,true
        """;
    ResponseEntity<Map> report = rest.withBasicAuth("demo", "demo").exchange("/api/partners/import",
        org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(csv, csvHeaders()), Map.class);
    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(report.getBody()).containsEntry("added", 2).containsEntry("updated", 0);
    assertThat((List<Map<String, Object>>) report.getBody().get("invalid")).extracting(p -> p.get("line"))
        .containsExactly(4, 5, 6);
    assertThat(rest.withBasicAuth("demo", "demo").exchange("/api/partners/import",
        org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(csv, csvHeaders()), Map.class)
        .getBody()).as("importing the same file again adds nothing").containsEntry("added", 0).containsEntry("updated", 2);
    assertThat(rest.withBasicAuth("manager", "manager").exchange("/api/partners/import",
        org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(csv, csvHeaders()), String.class)
        .getStatusCode()).as("only administrators keep the directory").isEqualTo(HttpStatus.FORBIDDEN);

    String caseReference = opening.open(Map.of("requestReceivedDate", LocalDate.now().minusDays(3).toString(),
        "currentSettingCode", "200002"), null, null).getBusinessKey();
    Task decision = tasks.createTaskQuery().processInstanceBusinessKey(caseReference)
        .taskDefinitionKey("Task_DecideWhetherToAssess").singleResult();
    tasks.complete(decision.getId(), Map.of("assessDecision", "assess", "decisionReason", "x",
        "askSchoolOrSetting", true));
    awaitNotice(caseReference, "advice-request");
    dispatcher.dispatchDue();

    assertThat(received("senco@birch.test", "Advice needed")).hasSize(1);
    assertThat(received("senco@ash.test", caseReference)).isEmpty();
  }

  private static org.springframework.http.HttpHeaders csvHeaders() {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.parseMediaType("text/csv"));
    return headers;
  }

  @Test
  void aMailServerOutageIsRetriedWithBackoffAndDeliveredOnce() throws Exception {
    smtp.stop();
    record("EHC-T-1", Recipient.group("coordinators"));
    assertThat(dispatcher.dispatchDue().retrying()).isOne();
    assertThat(dispatcher.dispatchDue().retrying()).as("not before its wait is over").isZero();
    clock.advance(Duration.ofMinutes(1));
    assertThat(dispatcher.dispatchDue().retrying()).isOne();
    assertThat(jdbc.queryForObject("select attempts from notification_outbox", Integer.class)).isEqualTo(2);

    smtp.start();
    clock.advance(Duration.ofMinutes(2));
    assertThat(dispatcher.dispatchDue().sent()).isOne();
    dispatcher.dispatchDue();
    assertThat(received("ehc-team@council.test", "EHC-T-1")).hasSize(1);
  }

  @Test
  void aPermanentFailureIsShownToManagersWhoCanSendItAgain() throws Exception {
    record("EHC-T-2", Recipient.partner("SOCIAL_CARE"));
    assertThat(dispatcher.dispatchDue().failed()).isOne();

    ResponseEntity<List> failed = rest.withBasicAuth("manager", "manager").getForEntity("/api/notices", List.class);
    assertThat(failed.getBody()).singleElement().satisfies(n ->
        assertThat(((Map<?, ?>) n).get("lastError").toString()).contains("no active email for SOCIAL_CARE"));
    assertThat(rest.withBasicAuth("health", "health").getForEntity("/api/notices", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    jdbc.update("insert into partner (partner_type, organisation_name, email, active) values "
        + "('SOCIAL_CARE', 'Children''s services', 'cs@council.test', true)");
    long id = jdbc.queryForObject("select id from notification_outbox", Long.class);
    assertThat(rest.withBasicAuth("manager", "manager").postForEntity("/api/notices/" + id + "/retry", null, Void.class)
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(dispatcher.dispatchDue().sent()).isOne();
    assertThat(received("cs@council.test", "EHC-T-2")).hasSize(1);
    // Sent now: asking again is a conflict naming its state, and it is not sent twice.
    ResponseEntity<String> again = rest.withBasicAuth("manager", "manager")
        .postForEntity("/api/notices/" + id + "/retry", null, String.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody()).contains("id " + id + " is a notice SENT");
    assertThat(dispatcher.dispatchDue().sent()).isZero();
  }

  @Test
  void aDeliveryInterruptedAfterSendingIsNotSentAgain() throws Exception {
    record("EHC-T-3", Recipient.group("coordinators"));
    NotificationDispatcher crashing = dispatcher(channels.stream().map(CrashAfterSending::new)
        .map(NoticeChannel.class::cast).toList());
    try {
      crashing.dispatchDue();
    } catch (IllegalStateException simulatedCrash) {
      // the application stopped between sending and recording
    }
    assertThat(received("ehc-team@council.test", "EHC-T-3")).hasSize(1);
    assertThat(status()).containsExactly("SENDING");

    clock.advance(Duration.ofMinutes(10));
    dispatcher.dispatchDue();
    dispatcher.dispatchDue();

    assertThat(received("ehc-team@council.test", "EHC-T-3")).hasSize(1);
    assertThat(status()).containsExactly("UNCONFIRMED");
  }

  @Test
  void fiveHundredNoticesQueuedThroughAnHourLongOutageEachArriveOnce() throws Exception {
    smtp.stop();
    for (int i = 0; i < 500; i++) {
      record("EHC-O-" + i, Recipient.group("coordinators"));
    }
    NotificationDispatcher wholeBatch = dispatcher(channels, 1000);
    for (int minute = 0; minute < 60; minute += 5) {
      wholeBatch.dispatchDue();
      clock.advance(Duration.ofMinutes(5));
    }
    assertThat(status()).containsOnly("PENDING");

    smtp.start();
    for (int pass = 0; pass < 20 && status().contains("PENDING"); pass++) {
      clock.advance(Duration.ofMinutes(5));
      wholeBatch.dispatchDue();
    }

    assertThat(status()).hasSize(500).containsOnly("SENT");
    MimeMessage[] all = smtp.getReceivedMessages();
    assertThat(all).hasSize(500);
    Set<String> ids = Arrays.stream(all).map(m -> {
      try {
        return m.getMessageID();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).collect(Collectors.toSet());
    assertThat(ids).hasSize(500);
  }

  @Test
  void noChildsNameOrDateOfBirthIsInASubjectLineOrALogLine(CapturedOutput output) throws Exception {
    var instance = opening.open(Map.of("requestReceivedDate", LocalDate.now().minusDays(3).toString()), null,
        new ChildDetails("Zebedee", "Quixote", LocalDate.of(2019, 4, 1), "family@home.test", null, "summary"));
    Task decision = tasks.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey("Task_DecideWhetherToAssess").singleResult();
    tasks.complete(decision.getId(), Map.of("assessDecision", "doNotAssess", "decisionReason", "x"));
    awaitNotice(instance.getBusinessKey(), "decision-not-to-assess");
    dispatcher.dispatchDue();

    List<MimeMessage> toFamily = received("family@home.test", instance.getBusinessKey());
    assertThat(toFamily).hasSize(1);
    assertThat(body(toFamily.get(0))).contains("mediation adviser").contains("appeal");
    for (MimeMessage message : smtp.getReceivedMessages()) {
      assertThat(message.getSubject()).doesNotContain("Zebedee", "Quixote", "2019-04-01", "01/04/2019");
    }
    assertThat(output.getAll()).doesNotContain("Zebedee", "Quixote", "2019-04-01");
  }

  // --- helpers ---

  private NotificationDispatcher dispatcher(List<NoticeChannel> using) {
    return dispatcher(using, 100);
  }

  private NotificationDispatcher dispatcher(List<NoticeChannel> using, int batch) {
    return dispatcher(using, batch, NO_DIGEST);
  }

  private static final NotificationProperties.Digest NO_DIGEST = new NotificationProperties.Digest(false, 5,
      Duration.ofMinutes(1), Duration.ofMinutes(15), List.of(), 500);

  private NotificationDispatcher dispatcher(List<NoticeChannel> using, int batch,
      NotificationProperties.Digest digest) {
    return new NotificationDispatcher(jdbc, addresses, templates, using, json,
        new NotificationDispatcher.Settings(batch, 12, Duration.ofMinutes(1), Duration.ofMinutes(30),
            Duration.ofMinutes(5), "https://ehc.council.test/camunda/app/tasklist/", digest), clock);
  }

  @Test
  void noticesInBulkToOneMailboxGoAsOneDigestAndAFewGoOneByOne() throws Exception {
    NotificationDispatcher digesting = dispatcher(channels, 1000, new NotificationProperties.Digest(true, 5,
        Duration.ofMinutes(1), Duration.ofMinutes(15), List.of("deadline-breached", "deadline-reminder"), 3));
    for (int i = 0; i < 40; i++) {
      record("EHC-BULK-" + i, Recipient.group("coordinators"));
      record("EHC-BULK-" + i, Recipient.family("EHC-BULK-" + i));
    }
    digesting.dispatchDue();
    assertThat(received("ehc-team@council.test", "")).as("held while they still arrive").isEmpty();
    clock.advance(Duration.ofMinutes(2));
    digesting.dispatchDue();
    digesting.dispatchDue();
    List<MimeMessage> digests = received("ehc-team@council.test", "40 notices");
    assertThat(digests).hasSize(1);
    assertThat(received("ehc-team@council.test", "")).as("no notice of its own to the mailbox").hasSize(1);
    String text = body(digests.get(0));
    assertThat(text).contains("40 due soon: Decision whether to assess").contains("EHC-BULK-0: due soon")
        .contains("EHC-BULK-2").contains("and 37 more").contains("https://ehc.council.test/camunda/app/cockpit/");
    assertThat(jdbc.queryForObject("select count(*) from notification_outbox where status = 'DIGESTED' "
        + "and recipient_id = 'coordinators'", Integer.class)).isEqualTo(40);
    assertThat(jdbc.queryForObject("select count(*) from notification_outbox where recipient_kind = 'FAMILY' "
        + "and status <> 'DIGESTED'", Integer.class)).as("families keep their own notices").isEqualTo(40);

    for (int i = 0; i < 3; i++) {
      record("EHC-FEW-" + i, Recipient.group("sendPanel"));
    }
    clock.advance(Duration.ofMinutes(2));
    digesting.dispatchDue();
    assertThat(received("send-panel@council.test", "Reminder")).as("below the threshold: one by one").hasSize(3);
  }

  @Test
  void aNoticeThatIssuesADocumentCarriesItAsAPdfAttachment() throws Exception {
    String caseReference = "ATTACH-1";
    jdbc.update("insert into ehc_case (case_reference, requester_type, request_received_date, status, created_at, "
        + "updated_at) values (?, 'PARENT', ?, 'OPEN', now(), now())", caseReference, java.sql.Date.valueOf("2026-01-05"));
    jdbc.update("insert into case_request (case_reference, contact_email) values (?, 'parent@family.test')",
        caseReference);
    var stored = documents.produce(caseReference, org.ehcworkflow.document.DocumentType.DECISION_TO_ASSESS,
        Map.of("Request received", "2026-01-05"), "test");
    notifications.send(new Notice(caseReference, Recipient.family(caseReference), "decision-to-assess", Map.of(
        "caseReference", caseReference, "decisionToIssueDue", "2026-04-27", "finalPlanDue", "2026-05-25",
        "documentTitle", "Decision to carry out an EHC needs assessment", "documentId", Long.toString(stored.id())),
        caseReference + "/family"));
    dispatcher.dispatchDue();

    MimeMessage message = received("parent@family.test", "needs assessment").get(0);
    var multipart = (jakarta.mail.internet.MimeMultipart) message.getContent();
    String attachmentName = null;
    byte[] attachment = null;
    for (int i = 0; i < multipart.getCount(); i++) {
      var part = multipart.getBodyPart(i);
      if (part.getFileName() != null) {
        attachmentName = part.getFileName();
        attachment = part.getInputStream().readAllBytes();
      }
    }
    assertThat(attachmentName).isEqualTo("ATTACH-1-decision-to-assess-v1.pdf");
    assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(attachment))).isEqualTo(stored.checksum());
  }

  @Test
  void twoDaysBeforeADeadlineWhoeverHoldsTheStepIsRemindedOnce() throws Exception {
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
    // Received 40 days ago: the 6-week decision is due in 2 days, and the panel holds the task.
    String caseReference = opening.open(Map.of("requestReceivedDate", today.minusDays(40).toString(),
        "requesterType", "PARENT"), null, null).getBusinessKey();

    assertThat(finalReminders.sendDue(today)).isPositive();
    assertThat(finalReminders.sendDue(today)).as("once").isZero();
    dispatcher.dispatchDue();

    assertThat(jdbc.queryForList("select recipient_kind || ':' || recipient_id from notification_outbox "
        + "where case_reference = ? and idempotency_key like 'ledger/%'", String.class, caseReference))
        .as("the panel holds the decision task").containsExactly("GROUP:sendPanel");
    assertThat(received("send-panel@council.test", "Reminder")).anySatisfy(m -> assertThat(m.getSubject())
        .contains(caseReference).contains(today.plusDays(2).toString()));
  }

  @Test
  void noticesArrivingWhileAPassRunsWaitForTheNextChecksNotOneByOne() throws Exception {
    // The pass's delivery query runs a moment after its digest check; in a storm a transaction of timers commits
    // dozens of notices in between. Here they arrive exactly then, to a mailbox the check saw empty.
    java.util.concurrent.atomic.AtomicBoolean storm = new java.util.concurrent.atomic.AtomicBoolean(true);
    JdbcTemplate arrivingMidPass = new JdbcTemplate(jdbc.getDataSource()) {
      @Override
      public void query(String sql, org.springframework.jdbc.core.RowCallbackHandler handler, Object... args) {
        if (sql.contains("where status = 'PENDING' and (next_attempt_at") && storm.getAndSet(false)) {
          for (int i = 0; i < 30; i++) {
            record("EHC-MIDPASS-" + i, Recipient.group("coordinators"));
          }
        }
        super.query(sql, handler, args);
      }
    };
    NotificationDispatcher digesting = new NotificationDispatcher(arrivingMidPass, addresses, templates, channels,
        json, new NotificationDispatcher.Settings(1000, 12, Duration.ofMinutes(1), Duration.ofMinutes(30),
            Duration.ofMinutes(5), "https://ehc.council.test/camunda/app/tasklist/",
            new NotificationProperties.Digest(true, 5, Duration.ofMinutes(1), Duration.ofMinutes(15),
                List.of("deadline-breached", "deadline-reminder"), 100)), clock);

    digesting.dispatchDue();
    assertThat(storm).as("the notices arrived between the check and the delivery").isFalse();
    assertThat(received("ehc-team@council.test", "")).as("none went on its own").isEmpty();
    digesting.dispatchDue();
    assertThat(received("ehc-team@council.test", "")).as("held while they are new").isEmpty();
    clock.advance(Duration.ofMinutes(2));
    digesting.dispatchDue();
    digesting.dispatchDue();
    assertThat(received("ehc-team@council.test", "")).as("one digest, nothing else").hasSize(1);
    assertThat(received("ehc-team@council.test", "30 notices")).hasSize(1);
  }

  private void record(String caseReference, Recipient recipient) {
    notifications.send(new Notice(caseReference, recipient, "deadline-reminder", Map.of("caseReference", caseReference,
        "deadline", "2026-02-16", "deadlineTitle", "Decision whether to assess", "legalReference", "reg 5(1)"),
        caseReference + "/" + recipient.id()));
  }

  private List<String> status() {
    return jdbc.queryForList("select status from notification_outbox order by id", String.class);
  }

  private List<MimeMessage> received(String to, String subjectPart) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      boolean addressed = Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
      if (addressed && message.getSubject().contains(subjectPart)) {
        found.add(message);
      }
    }
    return found;
  }

  /** The text of a message, whether plain or with a document attached. */
  private static String body(MimeMessage message) throws Exception {
    return text(message.getContent());
  }

  private static String text(Object content) throws Exception {
    if (content instanceof jakarta.mail.Multipart multipart) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        var part = multipart.getBodyPart(i);
        if (part.getFileName() == null) {
          text.append(text(part.getContent()));
        }
      }
      return text.toString();
    }
    return content.toString();
  }

  private void awaitNotice(String caseReference, String template) throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      Integer count = jdbc.queryForObject(
          "select count(*) from notification_outbox where case_reference = ? and template = ?", Integer.class,
          caseReference, template);
      if (count != null && count > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the process did not record a " + template + " notice for " + caseReference);
  }

  private void user(String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(id);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  /** Delivers, then stops as the application would if it died before recording the delivery. */
  private record CrashAfterSending(NoticeChannel channel) implements NoticeChannel {
    @Override
    public String name() {
      return channel.name();
    }

    @Override
    public String deliver(Outgoing notice) throws DeliveryFailure {
      channel.deliver(notice);
      throw new IllegalStateException("simulated crash after sending");
    }

    @Override
    public Optional<Boolean> alreadyDelivered(String idempotencyKey) throws DeliveryFailure {
      return channel.alreadyDelivered(idempotencyKey);
    }
  }
}
