package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.ehcworkflow.notification.AddressBook;
import org.ehcworkflow.notification.Recipient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A council with two health trusts: each case names the trust that serves it, and each trust sees only its own
 * children's advice requests, through the engine REST API, and gets only their notices; a case that names none
 * goes to the coordinators, not to every trust; naming the trust later moves the open task to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"ehc.demo.enabled=true",
    "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=500",
    "spring.mail.host=localhost", "spring.mail.port=3025", "ehc.notifications.dispatch.interval=PT1S"})
class PartnerTeamsOnPostgresIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired AddressBook addresses;

  @BeforeAll
  void twoHealthTrustsAndAPractitionerInEach() throws Exception {
    for (String[] trust : List.of(new String[] {"NHS-NORTH", "North Trust", "north@nhs.example.org", "healthnorth"},
        new String[] {"NHS-SOUTH", "South Trust", "south@nhs.example.org", "healthsouth"})) {
      HttpResponse<String> added = calls().post("demo", "/api/partners", "application/json", JSON.writeValueAsString(
          Map.of("partnerType", "HEALTH", "code", trust[0], "organisationName", trust[1], "email", trust[2])));
      assertThat(added.statusCode()).as(added.body()).isIn(200, 201);
      User user = identity.newUser(trust[3]);
      user.setPassword(trust[3]);
      user.setFirstName(trust[1]);
      user.setLastName("practitioner");
      identity.saveUser(user);
      identity.createMembership(trust[3], "health");
      String group = "team" + trust[0].replace("-", "");
      assertThat(identity.createGroupQuery().groupId(group).singleResult()).as("the trust's own group, made from the "
          + "directory").isNotNull();
      identity.createMembership(trust[3], group);
    }
  }

  @Test
  void eachTrustSeesAndIsToldOnlyOfTheChildrenItServes() throws Exception {
    open("TEAM-A");
    open("TEAM-B");
    open("TEAM-C");
    assertThat(nameTeam("coordinator", "TEAM-A", "HEALTH", "NHS-NORTH").statusCode()).isEqualTo(200);
    assertThat(calls().get("coordinator", "/api/cases/TEAM-A").body()).as("the case shows its trust")
        .contains("\"teams\":{\"HEALTH\":\"NHS-NORTH\"}");
    assess("TEAM-A");
    assess("TEAM-B");
    assess("TEAM-C");
    Task a = advice("TEAM-A");
    Task b = advice("TEAM-B");
    Task c = advice("TEAM-C");

    assertThat(groups(a)).containsExactly("teamNHSNORTH");
    assertThat(groups(b)).as("several trusts and none named: the coordinators, not every trust")
        .containsExactly("coordinators");
    assertThat(adviceRequestStatus("TEAM-B")).as("no trust is told of a child it may not serve").isEqualTo("FAILED");
    HttpResponse<String> moved = nameTeam("manager", "TEAM-B", "HEALTH", "NHS-SOUTH");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(moved.body()).contains("\"HEALTH\":\"NHS-SOUTH\"");
    assertThat(groups(b)).as("the open task moves to the trust named").containsExactly("teamNHSSOUTH");
    assertThat(adviceRequestStatus("TEAM-B")).as("the failed advice request goes again, to the trust named")
        .isEqualTo("SENT");
    assertThat(adviceRequestStatus("TEAM-A")).isEqualTo("SENT");
    assertThat(mailTo("north@nhs.example.org")).contains("TEAM-A").doesNotContain("TEAM-B").doesNotContain("TEAM-C");
    assertThat(mailTo("south@nhs.example.org")).contains("TEAM-B").doesNotContain("TEAM-A").doesNotContain("TEAM-C");

    assertThat(taskIds("healthnorth")).contains(a.getId()).doesNotContain(b.getId(), c.getId());
    assertThat(taskIds("healthsouth")).contains(b.getId()).doesNotContain(a.getId(), c.getId());
    assertThat(taskIds("health")).as("the type's group sees neither trust's children")
        .doesNotContain(a.getId(), b.getId(), c.getId());
    assertThat(calls().get("healthsouth", "/engine-rest/task/" + a.getId()).statusCode()).isIn(403, 404);
    assertThat(calls().get("healthnorth", "/api/cases/TEAM-B/documents").statusCode()).isEqualTo(403);

    assertThat(addresses.emailsOf(Recipient.Kind.PARTNER, "HEALTH", "TEAM-A")).containsExactly("north@nhs.example.org");
    assertThat(addresses.emailsOf(Recipient.Kind.PARTNER, "HEALTH", "TEAM-B")).containsExactly("south@nhs.example.org");
    assertThatThrownBy(() -> addresses.emailsOf(Recipient.Kind.PARTNER, "HEALTH", "TEAM-C"))
        .hasMessageContaining("several HEALTH teams and the case names none");
    assertThat(jdbc.queryForList("select detail from audit_event where case_reference = 'TEAM-B' and action = 'CHANGED'",
        String.class)).contains("HEALTH team named: NHS-SOUTH");
  }

  @Test
  void namingATeamRefusesWhatIsNotATeamAndChangesNothing() throws Exception {
    open("TEAM-D");
    assertThat(nameTeam("coordinator", "TEAM-D", "DENTIST", "NHS-NORTH").body()).contains("partnerType");
    assertThat(nameTeam("coordinator", "TEAM-D", "DENTIST", "NHS-NORTH").statusCode()).isEqualTo(400);
    HttpResponse<String> school = nameTeam("coordinator", "TEAM-D", "SCHOOL_OR_SETTING", "100001");
    assertThat(school.statusCode()).isEqualTo(400);
    assertThat(school.body()).contains("partnerType");
    HttpResponse<String> unknown = nameTeam("coordinator", "TEAM-D", "HEALTH", "NHS-EAST");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("code").contains("NHS-NORTH");
    assertThat(nameTeam("coordinator", "NO-SUCH-CASE", "HEALTH", "NHS-NORTH").statusCode()).isEqualTo(404);
    assertThat(nameTeam("healthnorth", "TEAM-D", "HEALTH", "NHS-NORTH").statusCode()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from case_partner_team where case_reference = 'TEAM-D'",
        Integer.class)).as("nothing recorded").isZero();
  }

  private void open(String caseReference) throws Exception {
    HttpResponse<String> opened = calls().post("coordinator", "/api/cases", "application/json",
        JSON.writeValueAsString(Map.of("requestReceivedDate", LocalDate.now(ZoneId.of("Europe/London")).minusDays(10)
            .toString(), "requesterType", "PARENT", "caseReference", caseReference, "child", Map.of("givenName",
            "Sam", "familyName", "Testchild", "dateOfBirth", "2016-05-01"))));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
  }

  private void assess(String caseReference) {
    Task decision = tasks.createTaskQuery().processInstanceBusinessKey(caseReference)
        .taskDefinitionKey("Task_DecideWhetherToAssess").singleResult();
    identity.setAuthentication("panel", List.of("sendPanel"));
    try {
      tasks.complete(decision.getId(), Map.of("assessDecision", "assess", "decisionReason", "needs", "askHealth", true));
    } finally {
      identity.clearAuthentication();
    }
  }

  private Task advice(String caseReference) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseReference)
          .taskDefinitionKey("Task_ProvideAdvice").singleResult();
      if (task != null) {
        return task;
      }
      assertThat(Instant.now()).as("the advice is asked for").isBefore(deadline);
      Thread.sleep(200);
    }
  }

  private String adviceRequestStatus(String caseReference) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      List<String> status = jdbc.queryForList("select status from notification_outbox where case_reference = ? "
          + "and template = 'advice-request' and recipient_id = 'HEALTH'", String.class, caseReference);
      if (!status.isEmpty() && !status.get(0).equals("PENDING") && !status.get(0).equals("SENDING")) {
        return status.get(0);
      }
      assertThat(Instant.now()).as("the advice request is tried").isBefore(deadline);
      Thread.sleep(200);
    }
  }

  /** Every email the SMTP server received for this address, subjects and bodies. */
  private String mailTo(String address) throws Exception {
    StringBuilder all = new StringBuilder();
    for (jakarta.mail.internet.MimeMessage message : smtp.getReceivedMessagesForDomain(address)) {
      all.append(message.getSubject()).append('\n').append(GreenMailUtil.getBody(message)).append('\n');
    }
    return all.toString();
  }

  private List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
        .map(l -> l.getGroupId()).toList();
  }

  private HttpResponse<String> nameTeam(String user, String caseReference, String type, String code) throws Exception {
    return calls().basic(user, "PUT", "/api/cases/" + caseReference + "/teams",
        JSON.writeValueAsString(Map.of("partnerType", type, "code", code)));
  }

  private List<String> taskIds(String user) throws Exception {
    HttpResponse<String> answer = calls().get(user, "/engine-rest/task?maxResults=500");
    assertThat(answer.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    JSON.readTree(answer.body()).forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  private HttpCalls calls() {
    return new HttpCalls(port);
  }
}
