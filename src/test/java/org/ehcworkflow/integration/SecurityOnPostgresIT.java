package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.engine.ProcessEngine;
import org.ehcworkflow.security.ProductionSafetyCheck;
import org.ehcworkflow.security.Roles;
import org.ehcworkflow.testing.TestOidcProvider;
import org.ehcworkflow.dataprotection.Anonymiser;
import org.ehcworkflow.document.DocumentType;
import org.ehcworkflow.document.Documents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may see what, on real PostgreSQL: per-role access through the engine REST API and the project's API, refusals
 * for anonymous callers and wrong passwords, bearer tokens from an OpenID Connect provider (WireMock serving its
 * discovery document and keys generated here), the audit trail, the subject access export, anonymisation past
 * retention, no personal data in logs, and the production profile refusing default passwords.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ehc.demo.enabled=true", "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500", "ehc.security.oidc.audience=ehc-workflow",
        "ehc.security.oidc.group-mapping.EHC-Coordinators=coordinators",
        "ehc.security.oidc.group-mapping.EHC-Health=health",
        "ehc.security.roles.dataProtection.name=Data protection officer",
        "ehc.security.roles.dataProtection.grants[0]=APPLICATION:cockpit:ACCESS",
        "ehc.security.roles.dataProtection.grants[1]=PROCESS_DEFINITION:*:READ,READ_HISTORY"})
class SecurityOnPostgresIT {

  static final TestOidcProvider PROVIDER = new TestOidcProvider();

  static String issuer() {
    return PROVIDER.issuer();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
    registry.add("ehc.security.oidc.issuer-uri", SecurityOnPostgresIT::issuer);
  }

  @AfterAll
  static void stop() {
    PROVIDER.stop();
  }

  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired Documents documents;
  @Autowired Anonymiser anonymiser;
  @Autowired ProcessEngine engine;
  @Autowired org.springframework.context.ApplicationContext context;

  String healthTask;
  String socialCareTask;

  @BeforeEach
  void aCaseWithAdviceAskedOfHealthAndSocialCare() {
    if (tasks.createTaskQuery().processInstanceBusinessKey("SEC-1").count() > 0) {
      healthTask = adviceTask("HEALTH");
      socialCareTask = adviceTask("SOCIAL_CARE");
      return;
    }
    String received = LocalDate.now(ZoneId.of("Europe/London")).minusDays(10).toString();
    assertThat(rest.withBasicAuth("coordinator", "coordinator").postForEntity("/api/cases", Map.of(
        "requestReceivedDate", received, "requesterType", "PARENT", "caseReference", "SEC-1",
        "child", Map.of("givenName", "Robin", "familyName", "Testchild", "dateOfBirth", "2017-03-09",
            "contactEmail", "robin.family@family.test")), Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Task decision = tasks.createTaskQuery().processInstanceBusinessKey("SEC-1")
        .taskDefinitionKey("Task_DecideWhetherToAssess").singleResult();
    identity.setAuthentication("panel", List.of("sendPanel"));
    try {
      tasks.complete(decision.getId(), Map.of("assessDecision", "assess", "decisionReason", "needs",
          "askHealth", true, "askSocialCare", true));
    } finally {
      identity.clearAuthentication();
    }
    healthTask = awaitAdviceTask("HEALTH");
    socialCareTask = awaitAdviceTask("SOCIAL_CARE");
  }

  @Test
  void eachRoleSeesOnlyWhatIsMeantForItThroughBothApis() {
    assertThat(ids(rest.withBasicAuth("health", "health")
        .getForEntity("/engine-rest/task?processInstanceBusinessKey=SEC-1", List.class).getBody()))
        .containsExactly(healthTask);
    assertThat(status("health", "/engine-rest/task/" + socialCareTask)).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(status("health", "/engine-rest/task/" + socialCareTask + "/variables"))
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(status("health", "/api/cases/SEC-1/documents")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("health", "/api/cases/SEC-1")).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(ids(rest.withBasicAuth("coordinator", "coordinator")
        .getForEntity("/engine-rest/task?processInstanceBusinessKey=SEC-1", List.class).getBody()))
        .contains(healthTask, socialCareTask);
    assertThat(status("coordinator", "/engine-rest/task/" + socialCareTask)).isEqualTo(HttpStatus.OK);
    assertThat(status("coordinator", "/api/cases/SEC-1/documents")).isEqualTo(HttpStatus.OK);
    assertThat(status("coordinator", "/api/cases/SEC-1")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void thePanelsAndPartnersTaskListsReadTheirPerTaskGrantsBySubqueryAndShowNoMoreThanBefore(CapturedOutput output) {
    var authorizationService = engine.getAuthorizationService();
    for (String group : Roles.PER_TASK_GROUPS) {
      assertThat(authorizationService.createAuthorizationQuery().groupIdIn(group)
          .authorizationType(Authorization.AUTH_TYPE_REVOKE).list()).as(group).singleElement().satisfies(marker -> {
            assertThat(marker.getResourceType()).isEqualTo(Resources.TASK.resourceType());
            assertThat(marker.getResourceId()).isEqualTo("ehc-subquery-checks");
            assertThat(tasks.createTaskQuery().taskId(marker.getResourceId()).count()).as("no such task").isZero();
          });
    }
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn(Roles.COORDINATORS, Roles.MANAGERS,
        Roles.SEND_PANEL).authorizationType(Authorization.AUTH_TYPE_REVOKE).count())
        .as("process-wide groups and the panel (rights on its own definition) keep the join").isZero();

    String taskSql = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
    LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    logging.setLogLevel(taskSql, LogLevel.DEBUG);
    List<String> healthSees;
    List<String> coordinatorSees;
    int before = output.getAll().length();
    try {
      healthSees = as("health", Roles.HEALTH, () -> tasks.createTaskQuery().processInstanceBusinessKey("SEC-1")
          .list().stream().map(Task::getId).toList());
      String healthSql = output.getAll().substring(before);
      before = output.getAll().length();
      coordinatorSees = as("coordinator", Roles.COORDINATORS, () -> tasks.createTaskQuery()
          .processInstanceBusinessKey("SEC-1").list().stream().map(Task::getId).toList());
      String coordinatorSql = output.getAll().substring(before);
      assertThat(healthSql).as("health's grants looked up by subquery").contains("selectTaskByQueryCriteria")
          .doesNotContain("AUTH ON");
      assertThat(coordinatorSql).as("coordinators keep the join").contains("AUTH ON");
    } finally {
      logging.setLogLevel(taskSql, null);
    }
    assertThat(healthSees).containsExactly(healthTask);
    assertThat(coordinatorSees).contains(healthTask, socialCareTask);
    assertThat(as("panel", Roles.SEND_PANEL, () -> tasks.createTaskQuery().processInstanceBusinessKey("SEC-1").count()))
        .as("the panel's decision is done; no advice task is the panel's").isZero();
  }

  @Test
  void eachRoleOpensTasklistOnTheFilterThatFitsItsRightsAndItListsExactlyWhatTheRoleMaySee() {
    Map<String, String> filterIds = new java.util.HashMap<>();
    engine.getFilterService().createFilterQuery().list().forEach(f -> filterIds.put(f.getName(), f.getId()));
    String byDeadline = filterIds.get("Tasks by statutory deadline");
    String myTeam = filterIds.get("My team's tasks by statutory deadline");
    String assignedToMe = filterIds.get("Assigned to me");
    for (String user : List.of("coordinator", "manager")) {
      assertThat(filterNames(user)).as(user).containsExactlyInAnyOrder("Tasks by statutory deadline", "Assigned to me");
    }
    for (String user : List.of("health", "socialcare", "psychologist", "senco")) {
      assertThat(filterNames(user)).as(user)
          .containsExactlyInAnyOrder("My team's tasks by statutory deadline", "Assigned to me");
      assertThat(status(user, "/engine-rest/filter/" + byDeadline + "/list")).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(filterNames("panel")).containsExactlyInAnyOrder("Panel decisions by statutory deadline", "Assigned to me");
    assertThat(status("panel", "/engine-rest/filter/" + byDeadline + "/list")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("panel", "/engine-rest/filter/" + myTeam + "/list")).isEqualTo(HttpStatus.FORBIDDEN);

    // The team's filter lists exactly the tasks the engine lets the user see: nothing more, nothing less.
    List<String> healthMayRead = ids(rest.withBasicAuth("health", "health").getForEntity("/engine-rest/task",
        List.class).getBody());
    assertThat(healthMayRead).contains(healthTask).doesNotContain(socialCareTask);
    assertThat(filterList("health", myTeam)).containsExactlyInAnyOrderElementsOf(healthMayRead);
    assertThat(filterList("socialcare", myTeam)).contains(socialCareTask).doesNotContain(healthTask);
    // The panel: every decision put to it, granted on ehc-panel-decision and not per task, and nothing else.
    String panelDecision = openPanelDecision("SEC-2");
    List<String> panelMayRead = ids(rest.withBasicAuth("panel", "panel").getForEntity("/engine-rest/task",
        List.class).getBody());
    assertThat(panelMayRead).contains(panelDecision).doesNotContain(healthTask, socialCareTask);
    assertThat(tasks.createTaskQuery().taskIdIn(panelMayRead.toArray(String[]::new)).list())
        .allSatisfy(task -> assertThat(task.getProcessDefinitionId()).startsWith(Roles.PANEL_DECISIONS + ":"));
    assertThat(tasks.createTaskQuery().processDefinitionKey(Roles.PANEL_DECISIONS).count())
        .isEqualTo(panelMayRead.size());
    assertThat(filterList("panel", filterIds.get("Panel decisions by statutory deadline")))
        .containsExactlyInAnyOrderElementsOf(panelMayRead);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(Roles.SEND_PANEL)
        .resourceType(Resources.TASK).count()).as("no authorization per task").isZero();
    assertThat(status("panel", "/engine-rest/task/" + panelDecision + "/variables")).isEqualTo(HttpStatus.OK);
    assertThat(status("panel", "/engine-rest/task/" + panelDecision + "/deployed-form")).as("Tasklist's form")
        .isEqualTo(HttpStatus.OK);
    assertThat(status("health", "/engine-rest/task/" + panelDecision + "/variables"))
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(((List<?>) rest.withBasicAuth("panel", "panel")
        .getForEntity("/engine-rest/process-instance?businessKey=SEC-2", List.class).getBody()))
        .as("only the decision put to the panel, not the case's own process").singleElement()
        .satisfies(instance -> assertThat(((Map<?, ?>) instance).get("definitionId").toString())
            .startsWith(Roles.PANEL_DECISIONS + ":"));
    assertThat(filterList("coordinator", byDeadline)).contains(healthTask, socialCareTask);

    // Claimed, the task stays in the team's list and is the practitioner's own in 'Assigned to me'.
    assertThat(filterList("health", assignedToMe)).doesNotContain(healthTask);
    as("health", Roles.HEALTH, () -> {
      tasks.claim(healthTask, "health");
      return null;
    });
    try {
      assertThat(filterList("health", myTeam)).contains(healthTask);
      assertThat(filterList("health", assignedToMe)).containsExactly(healthTask);
      assertThat(filterList("socialcare", assignedToMe)).isEmpty();
    } finally {
      tasks.setAssignee(healthTask, null);
    }

    // A database from before: every role read every filter (FILTER:*) and health read the shared one by its id; the
    // panel held the revoke that sent its lists down the subquery checks. The next start takes these away and leaves
    // what is configured.
    var authorizationService = engine.getAuthorizationService();
    Authorization oldMarker = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    oldMarker.setGroupId(Roles.SEND_PANEL);
    oldMarker.setResource(Resources.TASK);
    oldMarker.setResourceId("ehc-subquery-checks");
    oldMarker.removePermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    authorizationService.saveAuthorization(oldMarker);
    for (String resourceId : List.of("*", byDeadline)) {
      Authorization stale = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      stale.setGroupId(Roles.HEALTH);
      stale.setResource(Resources.FILTER);
      stale.setResourceId(resourceId);
      stale.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
      authorizationService.saveAuthorization(stale);
    }
    assertThat(filterNames("health")).contains("Tasks by statutory deadline");
    org.springframework.test.util.ReflectionTestUtils.invokeMethod(context.getBean("roleAuthorizations"), "ensure");
    org.springframework.test.util.ReflectionTestUtils.invokeMethod(context.getBean("tasklistFilters"), "onStarted",
        (Object) null);
    assertThat(filterNames("health"))
        .containsExactlyInAnyOrder("My team's tasks by statutory deadline", "Assigned to me");
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn(Roles.HEALTH).resourceType(Resources.FILTER)
        .list()).extracting(Authorization::getResourceId).containsExactlyInAnyOrder(myTeam, assignedToMe);
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn(Roles.SEND_PANEL)
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count()).as("the panel's old marker").isZero();
  }

  /**
   * A decision put to the panel before the panel had a process of its own is a step of the case's process, granted to
   * the panel task by task: it is still listed in the panel's filter (which names the decisions by step id), and no
   * other step of such a process is.
   */
  @Test
  void aDecisionPutToThePanelBeforeItsOwnProcessIsStillInThePanelsFilter() {
    BpmnModelInstance before = Bpmn.createExecutableProcess("ehc-test-before-panel-process")
        .camundaHistoryTimeToLive(1).startEvent()
        .parallelGateway("Gateway_Both")
        .userTask("Task_DecideWhetherToAssess").camundaCandidateGroups(Roles.SEND_PANEL).endEvent()
        .moveToNode("Gateway_Both").userTask("Task_ReviewCaseFile").camundaCandidateGroups(Roles.SEND_PANEL)
        .endEvent().done();
    var repository = engine.getRepositoryService();
    String deployment = repository.createDeployment().addModelInstance("before.bpmn", before).deploy().getId();
    try {
      String instance = engine.getRuntimeService().startProcessInstanceByKey("ehc-test-before-panel-process",
          "SEC-BEFORE").getId();
      String decision = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(
          "Task_DecideWhetherToAssess").singleResult().getId();
      String otherStep = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_ReviewCaseFile")
          .singleResult().getId();
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(Roles.SEND_PANEL)
          .resourceType(Resources.TASK).resourceId(decision).count()).as("granted task by task").isOne();
      String panelFilter = engine.getFilterService().createFilterQuery()
          .filterName("Panel decisions by statutory deadline").singleResult().getId();
      assertThat(filterList("panel", panelFilter)).contains(decision).doesNotContain(otherStep);
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  /** A case opened by the coordinator, its decision whether to assess open with the panel: that task's id. */
  private String openPanelDecision(String caseReference) {
    if (tasks.createTaskQuery().processInstanceBusinessKey(caseReference).count() == 0) {
      assertThat(rest.withBasicAuth("coordinator", "coordinator").postForEntity("/api/cases", Map.of(
          "requestReceivedDate", LocalDate.now(ZoneId.of("Europe/London")).minusDays(3).toString(),
          "requesterType", "PARENT", "caseReference", caseReference, "child", Map.of("givenName", "Sam",
              "familyName", "Testchild", "dateOfBirth", "2018-05-01", "contactEmail", "sam.family@family.test")),
          Map.class).getStatusCode())
          .isEqualTo(HttpStatus.CREATED);
    }
    return tasks.createTaskQuery().processInstanceBusinessKey(caseReference)
        .taskDefinitionKey("Task_DecideWhetherToAssess").singleResult().getId();
  }

  private List<String> filterNames(String user) {
    List<?> listed = rest.withBasicAuth(user, user).getForEntity("/engine-rest/filter", List.class).getBody();
    return listed.stream().map(f -> (String) ((Map<?, ?>) f).get("name")).toList();
  }

  /** The ids of every task on the filter, as Tasklist asks for them (POST, first 1,000). */
  private List<String> filterList(String user, String filterId) {
    ResponseEntity<List> listed = rest.withBasicAuth(user, user).postForEntity("/engine-rest/filter/" + filterId
        + "/list?firstResult=0&maxResults=1000", Map.of(), List.class);
    assertThat(listed.getStatusCode()).as(user + " lists filter " + filterId).isEqualTo(HttpStatus.OK);
    return ids(listed.getBody());
  }

  private <T> T as(String user, String group, java.util.function.Supplier<T> read) {
    identity.setAuthentication(user, List.of(group));
    try {
      return read.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void aCouncilAddsARoleByConfigurationAndTheStartCreatesItOnce() {
    assertThat(identity.createGroupQuery().groupId("dataProtection").singleResult().getName())
        .isEqualTo("Data protection officer");
    var authorizations = engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("dataProtection").list();
    assertThat(authorizations).extracting(a -> a.getResourceType() + ":" + a.getResourceId())
        .contains("0:cockpit", "6:*");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("coordinators")
        .resourceType(org.camunda.bpm.engine.authorization.Resources.APPLICATION).list())
        .extracting(a -> a.getResourceId()).containsExactlyInAnyOrder("tasklist", "cockpit");
  }

  @Test
  void anonymousCallsAndWrongPasswordsAreRefusedEverywhereButTheHealthCheck() {
    ensureUser("wrongpassword");
    for (String path : List.of("/engine-rest/task", "/api/cases/SEC-1", "/api/cases/SEC-1/documents",
        "/actuator/prometheus")) {
      assertThat(rest.getForEntity(path, String.class).getStatusCode()).as("anonymous " + path)
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(rest.withBasicAuth("wrongpassword", "not-it").getForEntity(path, String.class).getStatusCode())
          .as("wrong password " + path).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(rest.getForEntity("/camunda/api/engine/engine/default/task", String.class).getStatusCode())
        .as("webapp API without a session").isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    HttpHeaders form = new HttpHeaders();
    form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    assertThat(rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>("username=wrongpassword&password=not-it", form), String.class).getStatusCode()
        .is2xxSuccessful()).as("webapp login with a wrong password").isFalse();
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<String> answer = rest.withBasicAuth("coordinator", "coordinator")
        .getForEntity("/api/cases/SEC-1", String.class);
    assertThat(answer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(answer.getHeaders().getFirst("Cache-Control")).contains("no-store");
    assertThat(rest.withBasicAuth("coordinator", "coordinator").getForEntity("/api/cases/NOPE/documents/x",
        String.class).getBody()).as("no stack trace in an error answer").doesNotContain("at org.");
  }

  @Test
  void bearerTokensFromTheCouncilsProviderSignInToBothRestApisWithMappedGroups() throws Exception {
    String coordinator = token(PROVIDER.key, issuer(), "coordinator", List.of("EHC-Coordinators"), 300);
    assertThat(bearer(coordinator, "/engine-rest/task?processInstanceBusinessKey=SEC-1").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(bearerList(coordinator, "/engine-rest/task?processInstanceBusinessKey=SEC-1"))
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(bearer(coordinator, "/api/cases/SEC-1").getStatusCode()).isEqualTo(HttpStatus.OK);

    String health = token(PROVIDER.key, issuer(), "health", List.of("EHC-Health", "Domain Users"), 300);
    assertThat(ids(bearerList(health, "/engine-rest/task?processInstanceBusinessKey=SEC-1")))
        .containsExactly(healthTask);
    assertThat(bearer(health, "/api/cases/SEC-1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(bearer(token(PROVIDER.otherKey, issuer(), "coordinator", List.of("EHC-Coordinators"), 300),
        "/api/cases/SEC-1").getStatusCode()).as("signed with another key").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(bearer(token(PROVIDER.key, "https://elsewhere.test", "coordinator", List.of("EHC-Coordinators"), 300),
        "/api/cases/SEC-1").getStatusCode()).as("another issuer").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(bearer(token(PROVIDER.key, issuer(), "coordinator", List.of("EHC-Coordinators"), -60),
        "/api/cases/SEC-1").getStatusCode()).as("expired").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(bearer("not.a.token", "/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theAuditTrailSaysWhoViewedOrChangedTheCaseAndWhen() {
    rest.withBasicAuth("coordinator", "coordinator").getForEntity("/api/cases/SEC-1", String.class);
    rest.withBasicAuth("health", "health").getForEntity("/api/cases/SEC-1/documents", String.class);
    List<Map<String, Object>> trail = rest.withBasicAuth("manager", "manager")
        .getForEntity("/api/cases/SEC-1/audit", List.class).getBody();
    assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("user_id", "coordinator")
        .containsEntry("action", "VIEWED").containsEntry("detail", "GET /api/cases/SEC-1"));
    assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("user_id", "coordinator")
        .containsEntry("action", "CHANGED"));
    assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("user_id", "panel")
        .containsEntry("action", "TASK_COMPLETED"));
    assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("user_id", "health")
        .containsEntry("action", "REFUSED"));
    assertThat(status("coordinator", "/api/cases/SEC-1/audit")).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aSubjectAccessExportHoldsEverythingAboutTheChildForTheDataProtectionOfficerOnly() {
    ResponseEntity<Map> export = rest.withBasicAuth("demo", "demo")
        .getForEntity("/api/cases/SEC-1/subject-access-export", Map.class);
    assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
    String json = export.getBody().toString();
    assertThat(json).contains("Robin").contains("2017-03-09").contains("robin.family@family.test")
        .contains("ehc-needs-assessment").contains("Decide whether to carry out an EHC needs assessment");
    assertThat((List<?>) export.getBody().get("documents")).isNotEmpty();
    assertThat((List<?>) export.getBody().get("auditTrail")).isNotEmpty();
    assertThat(status("coordinator", "/api/cases/SEC-1/subject-access-export")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/api/cases/NOBODY/subject-access-export",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(jdbc.queryForObject("select count(*) from audit_event where case_reference = 'SEC-1' "
        + "and action = 'EXPORTED'", Integer.class)).isPositive();
  }

  @Test
  void recordsPastTheirRetentionAreAnonymisedAndKeepTheirStatutoryFacts() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    closedCase("RET-OLD", today.minusYears(8));
    closedCase("RET-NEW", today.minusYears(1));
    Documents.StoredDocument old = documents.produce("RET-OLD", DocumentType.DECISION_NOT_TO_ASSESS, Map.of(), "test");

    assertThat(anonymiser.anonymiseDue(today)).contains("RET-OLD").doesNotContain("RET-NEW", "SEC-1");

    Map<String, Object> request = jdbc.queryForMap("select * from case_request where case_reference = 'RET-OLD'");
    assertThat(request.get("child_given_name")).isNull();
    assertThat(request.get("child_date_of_birth")).isNull();
    assertThat(request.get("contact_email")).isNull();
    assertThat(jdbc.queryForObject("select child_given_name from case_request where case_reference = 'RET-NEW'",
        String.class)).isEqualTo("Kept");
    assertThat(documents.content(old.id()).orElseThrow()).isEmpty();
    assertThat(documents.find(old.id()).orElseThrow().checksum()).as("the statutory fact stays").isEqualTo(old.checksum());
    assertThat(jdbc.queryForObject("select status from ehc_case where case_reference = 'RET-OLD'", String.class))
        .isEqualTo("NOT_ASSESSED");
    assertThat(anonymiser.anonymiseDue(today)).as("once").doesNotContain("RET-OLD");
  }

  @Test
  void noChildsNameOrDateOfBirthReachesTheLogs(CapturedOutput output) {
    rest.withBasicAuth("coordinator", "coordinator").postForEntity("/api/cases", Map.of(
        "requestReceivedDate", LocalDate.now(ZoneId.of("Europe/London")).minusDays(2).toString(),
        "requesterType", "PARENT", "caseReference", "SEC-LOG",
        "child", Map.of("givenName", "Quillon", "familyName", "Zephyrine", "dateOfBirth", "2016-11-07")), Map.class);
    rest.withBasicAuth("coordinator", "coordinator").postForEntity("/api/cases", Map.of(
        "requestReceivedDate", "2026-02-30", "child", Map.of("givenName", "Quillon")), Map.class);
    assertThat(output.getAll()).contains("SEC-LOG").doesNotContain("Quillon").doesNotContain("Zephyrine")
        .doesNotContain("2016-11-07");
  }

  @Test
  void theProductionProfilesCheckRefusesDemoDataAndDefaultPasswordsWithoutLockingAnyone() {
    ProductionSafetyCheck check = new ProductionSafetyCheck(engine, true, true);
    assertThatThrownBy(() -> check.onStarted(null)).hasMessageContaining("The production profile refuses to start")
        .hasMessageContaining("ehc.demo.enabled is true").hasMessageContaining("user 'coordinator' has a default password")
        .hasMessageContaining("user 'demo' has a default password");
    ensureUser("strongpassword");
    assertThat(new ProductionSafetyCheck(engine, false, false).problems()).noneMatch(p -> p.contains("'strongpassword'"));
    assertThat(status("coordinator", "/api/cases/SEC-1")).as("the check never counts as a failed login")
        .isEqualTo(HttpStatus.OK);
  }

  private void closedCase(String reference, LocalDate closedOn) {
    jdbc.update("""
        insert into ehc_case (case_reference, requester_type, request_received_date, status, status_date, created_at,
          updated_at) values (?, 'PARENT', ?, 'NOT_ASSESSED', ?, now(), now())""", reference,
        Date.valueOf(closedOn.minusWeeks(6)), Date.valueOf(closedOn));
    jdbc.update("""
        insert into case_request (case_reference, child_given_name, child_family_name, child_date_of_birth,
          contact_email) values (?, ?, 'Family', ?, 'family@family.test')""", reference,
        reference.equals("RET-OLD") ? "Gone" : "Kept", Date.valueOf("2010-01-01"));
  }

  private static List<String> ids(List<?> tasks) {
    return tasks.stream().map(t -> String.valueOf(((Map<?, ?>) t).get("id"))).toList();
  }

  private ResponseEntity<String> bearer(String token, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private List<?> bearerList(String token, String path) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().readValue(bearer(token, path).getBody(), List.class);
  }

  private static String token(RSAKey key, String issuer, String user, List<String> groups, int validSeconds) {
    return PROVIDER.token(key, issuer, user, groups, validSeconds, null);
  }

  private HttpStatus status(String user, String path) {
    return HttpStatus.valueOf(rest.withBasicAuth(user, user).getForEntity(path, String.class).getStatusCode().value());
  }

  private String adviceTask(String giver) {
    return tasks.createTaskQuery().processInstanceBusinessKey("SEC-1").taskDefinitionKey("Task_ProvideAdvice").list()
        .stream().filter(t -> giver.equals(tasks.getVariable(t.getId(), "adviceGiver"))).findFirst().orElseThrow()
        .getId();
  }

  private String awaitAdviceTask(String giver) {
    for (int i = 0; i < 150; i++) {
      try {
        return adviceTask(giver);
      } catch (java.util.NoSuchElementException e) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
    throw new AssertionError("no advice task for " + giver);
  }

  private void ensureUser(String id) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword("right-" + id);
      identity.saveUser(user);
    }
  }
}
