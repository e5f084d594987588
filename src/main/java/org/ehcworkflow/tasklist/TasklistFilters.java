package org.ehcworkflow.tasklist;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.ehcworkflow.process.EngineTableIndexes;
import org.ehcworkflow.security.GroupGrants;
import org.ehcworkflow.security.Roles;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters, created at start-up and brought up to date on every start, each soonest statutory deadline
 * first and each card showing its case reference. Which role reads which filter is decided here, filter by filter
 * (Camunda's FILTER READ on the filter's id), so each role opens Tasklist on the one that fits how its rights are
 * held; what a filter lists is still only what the user may see (task authorizations).
 *
 * <ul>
 *   <li>{@link #BY_DEADLINE}, for {@link Roles#PROCESS_WIDE_TASK_GROUPS} (coordinators, managers): every task they
 *       may see. Their rights are on the process definitions, so the engine's check is a cheap join, and with
 *       {@link EngineTableIndexes#TASK_DUE_DATE} PostgreSQL walks the tasks in due-date order and stops once the
 *       page is full.</li>
 *   <li>{@link #PANEL_DECISIONS}, for the panel: the decisions put to it, the steps of {@code ehc-panel-decision}.
 *       Its rights are on that definition ({@link Roles#DEFINITION_TASK_GROUPS}), so, as for coordinators, the check
 *       is the cheap join and PostgreSQL walks the tasks in due-date order: the page does not grow with the number
 *       of decisions the panel holds. The filter names the steps by their ids, which are the ids the decisions had
 *       when they were steps of the case's own process, so a decision put to the panel before that change (still
 *       granted per task) is listed too.</li>
 *   <li>{@link #MY_TEAM}, for {@link Roles#PER_TASK_GROUPS} (the partners, each setting): the tasks given
 *       to a group of theirs ({@code ${currentUserGroups()}}), claimed or not. Their rights are per task, and the
 *       engine checks per-task rights row by row: with no criterion, as in the shared filter, it checked every open
 *       task of every case before it could fill a page, so a health practitioner's empty list took 0.4 s at 20,000
 *       open tasks. Narrowed by candidate group, the page starts from the group's own identity links (indexed) and
 *       checks only those: it grows with the team's own work, not with the caseload.</li>
 *   <li>{@link #ASSIGNED_TO_ME}, for every role: the tasks assigned to the user, whoever gave them.</li>
 * </ul>
 */
@Component
class TasklistFilters {

  static final String BY_DEADLINE = "Tasks by statutory deadline";
  static final String MY_TEAM = "My team's tasks by statutory deadline";
  static final String PANEL_DECISIONS = "Panel decisions by statutory deadline";
  static final String ASSIGNED_TO_ME = "Assigned to me";

  private final FilterService filters;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final GroupGrants grants;

  TasklistFilters(FilterService filters, TaskService tasks, RepositoryService repository,
      AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.repository = repository;
    this.grants = new GroupGrants(authorizations);
  }

  @EventListener
  public void onStarted(ApplicationStartedEvent event) {
    ensure(BY_DEADLINE, "Every task of every case, soonest statutory deadline first", -10,
        tasks.createTaskQuery().orderByDueDate().asc(), Roles.PROCESS_WIDE_TASK_GROUPS);
    ensure(PANEL_DECISIONS, "The decisions put to the panel, soonest statutory deadline first", -10,
        tasks.createTaskQuery().taskDefinitionKeyIn(panelSteps()).orderByDueDate().asc(),
        List.copyOf(Roles.DEFINITION_TASK_GROUPS.keySet()));
    ensure(MY_TEAM, "The tasks given to your team or setting, soonest statutory deadline first", -10,
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .orderByDueDate().asc(), Roles.PER_TASK_GROUPS);
    ensure(ASSIGNED_TO_ME, "The tasks assigned to you, soonest statutory deadline first", -5,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(), Roles.ALL);
  }

  /**
   * The filter of that name with that query, read by exactly those of the product's role groups: a role group not
   * named loses a READ it held on this filter (groups a council adds by configuration keep what it grants them).
   */
  private void ensure(String name, String description, int priority, TaskQuery query, List<String> readers) {
    // The first of its name: two nodes starting on an empty database together may each have created it.
    Filter filter = filters.createFilterQuery().filterName(name).orderByFilterId().asc().listPage(0, 1).stream()
        .findFirst().orElseGet(() -> filters.newTaskFilter(name));
    filter.setQuery(query);
    filter.setProperties(Map.of(
        "description", description,
        "priority", priority,
        "refresh", true,
        "variables", List.of(
            Map.of("name", "caseReference", "label", "Case"),
            Map.of("name", "requestReceivedDate", "label", "Request received"))));
    String id = filters.saveFilter(filter).getId();
    for (String group : Roles.ALL) {
      if (readers.contains(group)) {
        grants.grantExactly(group, Resources.FILTER, id, Permissions.READ);
      } else {
        grants.removeGrant(group, Resources.FILTER, id);
      }
    }
  }

  /** The ids of the user tasks of the latest {@code ehc-panel-decision}: the decisions the panel is asked for. */
  private String[] panelSteps() {
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(Roles.PANEL_DECISIONS)
        .latestVersion().singleResult();
    if (latest == null) {
      throw new IllegalStateException(Roles.PANEL_DECISIONS + " is not deployed: the panel's filter lists its steps");
    }
    return repository.getBpmnModelInstance(latest.getId()).getModelElementsByType(UserTask.class).stream()
        .map(UserTask::getId).sorted().toArray(String[]::new);
  }
}
