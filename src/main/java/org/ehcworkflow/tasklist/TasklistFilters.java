package org.ehcworkflow.tasklist;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filter, created at start-up and brought up to date on every start: every task the signed-in
 * user may see, soonest statutory deadline first, each card showing its case reference. Each role sees only its
 * own tasks in it (authorizations), so one filter serves all.
 *
 * <p>The filter sorts every page by due date, and Camunda creates no index on {@code ACT_RU_TASK.DUE_DATE_}: without
 * one, each page reads, checks and sorts every open task before it returns the first 50. With {@link #DUE_DATE_INDEX}
 * PostgreSQL walks the tasks in due-date order and stops once the page is full (an incremental sort), so a
 * coordinator's page no longer grows with the whole caseload.
 */
@Component
class TasklistFilters {

  static final String BY_DEADLINE = "Tasks by statutory deadline";
  static final String DUE_DATE_INDEX = "ehc_task_due_date";
  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  private final FilterService filters;
  private final TaskService tasks;
  private final JdbcTemplate jdbc;

  TasklistFilters(FilterService filters, TaskService tasks, JdbcTemplate jdbc) {
    this.filters = filters;
    this.tasks = tasks;
    this.jdbc = jdbc;
  }

  @EventListener
  public void onStarted(ApplicationStartedEvent event) {
    indexTheDueDate();
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

  /**
   * Created here, not by a Flyway migration, because the engine creates its own tables after the migrations have run.
   * Two nodes starting together may both try; the one that loses is told the index exists, and that is fine.
   */
  private void indexTheDueDate() {
    try {
      jdbc.execute("create index if not exists " + DUE_DATE_INDEX + " on act_ru_task (due_date_)");
    } catch (DataAccessException e) {
      LOG.warn("Index {} on the engine's task table not created ({}); Tasklist pages sort without it",
          DUE_DATE_INDEX, e.getClass().getSimpleName());
    }
  }
}
