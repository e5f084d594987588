package org.ehcworkflow.annualreview;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.ehcworkflow.calendar.SchoolYears;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.plan.Plan;
import org.ehcworkflow.plan.PlanRegister;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A school's review tray: its own children's annual reviews falling due this term and next (and any already
 * late), each with the step it stands at, what the school is asked to do and by when, and the school's own open
 * tasks, read as the signed-in SENCO (so they see their tasks only).
 */
public class SchoolReviewTray {

  /** An open step of the review, with its statutory deadline. */
  public record Step(String timeLimit, String title, LocalDate due, boolean late) {
  }

  /** A task the school can open in Tasklist. */
  public record SchoolTask(String id, String name, LocalDate due, String link) {
  }

  public record Review(String caseReference, String setting, Integer yearGroup, LocalDate reviewDue,
      LocalDate lastReviewedOn, List<Step> openSteps, List<SchoolTask> yourTasks, boolean late) {
  }

  public record Tray(LocalDate today, LocalDate throughEndOfNextTerm, List<Review> reviews) {
  }

  private final PlanRegister register;
  private final TaskService tasks;
  private final JdbcTemplate jdbc;
  private final String tasklistLink;

  public SchoolReviewTray(PlanRegister register, TaskService tasks, JdbcTemplate jdbc, String tasklistLink) {
    this.register = register;
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.tasklistLink = tasklistLink;
  }

  /** @param settingCodes the settings the signed-in user works for */
  public Tray tray(Set<String> settingCodes, LocalDate today, Function<String, String> settingName) {
    LocalDate through = endOfNextTerm(today);
    List<Review> reviews = new ArrayList<>();
    for (String code : settingCodes) {
      for (Plan plan : register.maintainedAtSetting(code)) {
        List<Step> steps = openSteps(plan.caseReference(), today);
        boolean late = steps.stream().anyMatch(Step::late) || plan.nextReviewDue().isBefore(today);
        if (!late && steps.isEmpty() && plan.nextReviewDue().isAfter(through)) {
          continue;
        }
        List<SchoolTask> yours = tasks.createTaskQuery().processInstanceBusinessKey(plan.caseReference()).list()
            .stream().map(this::task).toList();
        reviews.add(new Review(plan.caseReference(), settingName.apply(code),
            plan.yearGroupIn(SchoolYears.schoolYearOf(today)), plan.nextReviewDue(), plan.lastReviewedOn(), steps,
            yours, late));
      }
    }
    reviews.sort(java.util.Comparator.comparing(Review::reviewDue).thenComparing(Review::caseReference));
    return new Tray(today, through, reviews);
  }

  private List<Step> openSteps(String caseReference, LocalDate today) {
    return jdbc.query("""
        select time_limit, due_date from deadline_ledger
        where case_reference = ? and completed_on is null and process_key = 'ehc-annual-review' order by due_date""",
        (rs, i) -> {
          TimeLimit limit = TimeLimit.valueOf(rs.getString(1));
          LocalDate due = rs.getDate(2).toLocalDate();
          return new Step(limit.name(), limit.title(), due, due.isBefore(today));
        }, caseReference);
  }

  private SchoolTask task(Task task) {
    LocalDate due = task.getDueDate() == null ? null
        : task.getDueDate().toInstant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
    return new SchoolTask(task.getId(), task.getName(), due, tasklistLink + "#/?task=" + task.getId());
  }

  /** English school terms as councils count them: autumn to 31 December, spring to 31 March, summer to 31 August. */
  static LocalDate endOfNextTerm(LocalDate today) {
    Month month = today.getMonth();
    if (month.getValue() >= 9) {
      return LocalDate.of(today.getYear() + 1, 3, 31);
    }
    if (month.getValue() <= 3) {
      return LocalDate.of(today.getYear(), 8, 31);
    }
    return LocalDate.of(today.getYear(), 12, 31);
  }
}
