package org.ehcworkflow.tasklist;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filter, created at start-up and brought up to date on every start: every task the signed-in
 * user may see, soonest statutory deadline first, each card showing its case reference. Each role sees only its
 * own tasks in it (authorizations), so one filter serves all.
 */
@Component
class TasklistFilters {

  static final String BY_DEADLINE = "Tasks by statutory deadline";

  private final FilterService filters;
  private final TaskService tasks;

  TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @EventListener
  public void onStarted(ApplicationStartedEvent event) {
    Filter filter = filters.createFilterQuery().filterName(BY_DEADLINE).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(BY_DEADLINE);
    }
    filter.setQuery(tasks.createTaskQuery().orderByDueDate().asc());
    filter.setProperties(Map.of(
        "description", "Your tasks, soonest statutory deadline first",
        "priority", -10,
        "refresh", true,
        "variables", List.of(
            Map.of("name", "caseReference", "label", "Case"),
            Map.of("name", "requestReceivedDate", "label", "Request received"))));
    filters.saveFilter(filter);
  }
}
