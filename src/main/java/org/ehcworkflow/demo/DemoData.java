package org.ehcworkflow.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.ehcworkflow.needsassessment.CaseOpening;
import org.ehcworkflow.partner.Partner;
import org.ehcworkflow.partner.PartnerDirectory;
import org.ehcworkflow.partner.SettingGroups;
import org.ehcworkflow.calendar.SchoolYears;
import org.ehcworkflow.onboarding.RegisterCsvImport;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users, one per role (password = user id), demo partners, and a few demo cases at different stages, so Tasklist and
 * Cockpit show real work on first start. Only with {@code ehc.demo.enabled=true} (the default profile).
 */
@Component
@ConditionalOnProperty(name = "ehc.demo.enabled", havingValue = "true")
class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  /** user id, first name, groups */
  static final List<List<String>> USERS = List.of(
      List.of("coordinator", "Casey", Roles.COORDINATORS),
      List.of("panel", "Pat", Roles.SEND_PANEL),
      List.of("manager", "Morgan", Roles.MANAGERS),
      List.of("psychologist", "Elliot", Roles.EDUCATIONAL_PSYCHOLOGISTS),
      List.of("health", "Harper", Roles.HEALTH),
      List.of("socialcare", "Sam", Roles.SOCIAL_CARE),
      List.of("senco", "Sasha", Roles.SCHOOLS),
      List.of("sencoelm", "Robin", Roles.SCHOOLS));

  /** Each demo SENCO works for one school: they see that school's children only. */
  static final Map<String, String> SETTING_OF_SENCO = Map.of("senco", "100001", "sencoelm", "100002");

  /** Demo partner teams and two schools, with example.org addresses. */
  static final List<Partner> PARTNERS = List.of(
      Partner.of(null, "EDUCATIONAL_PSYCHOLOGY", null, null, "Educational Psychology Service", "eps@example.org",
          null, true),
      Partner.of(null, "HEALTH", null, null, "Designated Clinical Officer", "dco@example.org", null, true),
      Partner.of(null, "SOCIAL_CARE", null, null, "Children's Services", "childrens-services@example.org", null, true),
      Partner.of(null, "SCHOOL_OR_SETTING", "100001", null, "Oak Primary School", "senco@oak-primary.example.org",
          null, true),
      Partner.of(null, "SCHOOL_OR_SETTING", "100002", null, "Elm Secondary School", "senco@elm-secondary.example.org",
          null, true));

  private final IdentityService identity;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final CaseOpening opening;
  private final PartnerDirectory partners;
  private final RegisterCsvImport registerImport;

  DemoData(IdentityService identity, RuntimeService runtime, TaskService tasks, CaseOpening opening,
      PartnerDirectory partners, RegisterCsvImport registerImport) {
    this.registerImport = registerImport;
    this.identity = identity;
    this.runtime = runtime;
    this.tasks = tasks;
    this.opening = opening;
    this.partners = partners;
  }

  /** After {@code RoleAuthorizations} (order 0) has created the groups. */
  @EventListener
  @Order(100)
  public void onStarted(ApplicationStartedEvent event) {
    for (List<String> user : USERS) {
      ensureUser(user.get(0), user.get(1), user.get(2));
    }
    for (String group : Roles.ALL) {
      ensureMembership("demo", group);
    }
    PARTNERS.forEach(partners::save);
    SETTING_OF_SENCO.forEach((senco, setting) -> ensureMembership(senco, SettingGroups.groupOf(setting)));
    if (runtime.createProcessInstanceQuery().processDefinitionKey("ehc-needs-assessment").count() == 0) {
      openDemoCases();
    }
    if (runtime.createProcessInstanceQuery().processDefinitionKey("ehc-annual-review").count() == 0) {
      onboardDemoPlans();
    }
  }

  /**
   * Four maintained plans as if onboarded from a council's register: a review being prepared, one overdue, a
   * year 6 child whose transfer to secondary school is under way, and a year 11 young person.
   */
  private void onboardDemoPlans() {
    LocalDate today = EngineClock.today();
    int schoolYear = SchoolYears.schoolYearOf(today);
    String csv = String.join(",", RegisterCsvImport.HEADER) + "\n"
        + "DEMO-PLAN-01,,," + 4 + ",100001,Oak Primary School,11," + today.minusYears(3) + ","
        + today.minusMonths(11) + ",\n"
        + "DEMO-PLAN-02,,," + 8 + ",100002,Elm Secondary School,16," + today.minusYears(4) + ","
        + today.minusMonths(13) + ",\n"
        + "DEMO-PLAN-03,,," + 6 + ",100001,Oak Primary School,11," + today.minusYears(2) + ","
        + today.minusMonths(4) + ",\n"
        + "DEMO-PLAN-04,,," + 11 + ",100002,Elm Secondary School,16," + today.minusYears(5) + ","
        + today.minusMonths(2) + ",\n";
    registerImport.importCsv(csv);
    runtime.startProcessInstanceByKey("ehc-phase-transfer", Map.of("caseReference", "DEMO-PLAN-03",
        "transferDay", SchoolYears.transferDayAfter(schoolYear).toString()));
    LOG.info("Demo plans onboarded");
  }

  private void openDemoCases() {
    LocalDate today = EngineClock.today();
    open("DEMO-0001", today.minusDays(3), null);
    open("DEMO-0002", today.minusWeeks(5), Map.of("assessDecision", "assess", "decisionReason", "demo",
        "askEducationalPsychology", true, "askHealth", true, "askSocialCare", true));
    open("DEMO-0003", today.minusWeeks(7), null);
    open("DEMO-0004", today.minusWeeks(19), Map.of("assessDecision", "assess", "decisionReason", "demo",
        "askSchoolOrSetting", true));
    LOG.info("Demo cases opened");
  }

  private void open(String reference, LocalDate received, Map<String, Object> decision) {
    // Each demo family's email is family-<number>@example.org: they sign in at /family (README).
    var instance = opening.open(Map.of("requestReceivedDate", received.toString(), "requesterType", "PARENT",
        "currentSettingCode", "100001", "coordinator", "coordinator"), reference,
        new org.ehcworkflow.casefile.CaseFile.ChildDetails(DEMO_NAMES.get(reference), "Demo", null,
            "family-" + reference.substring(reference.length() - 4) + "@example.org", null, null));
    if (decision != null) {
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
          .taskDefinitionKey("Task_DecideWhetherToAssess").singleResult();
      tasks.complete(task.getId(), decision);
    }
  }

  private static final Map<String, String> DEMO_NAMES = Map.of("DEMO-0001", "Ada", "DEMO-0002", "Ben",
      "DEMO-0003", "Cara", "DEMO-0004", "Dev");

  private void ensureUser(String id, String firstName, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName("(demo)");
      user.setPassword(id);
      user.setEmail(id + "@example.org");
      identity.saveUser(user);
    }
    ensureMembership(id, group);
  }

  private void ensureMembership(String user, String group) {
    if (identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
      identity.createMembership(user, group);
    }
  }
}
