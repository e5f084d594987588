package org.ehcworkflow.annualreview;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ehcworkflow.calendar.DeadlineSchedule;
import org.ehcworkflow.calendar.ReviewCycle;
import org.ehcworkflow.calendar.SchoolYears;
import org.ehcworkflow.calendar.TimeLimit;
import org.ehcworkflow.plan.Plan;
import org.ehcworkflow.plan.PlanRegister;
import org.ehcworkflow.plan.PlanStatus;
import org.ehcworkflow.process.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and continues review cycles: one running {@code ehc-annual-review} per maintained plan, with its due date
 * taken from the register, or a cycle waiting in the register for its day (a plan onboarded months before its
 * review). The caller passes the engine's {@link RuntimeService}: inside a step it joins the step's transaction, so
 * a register entry and its review start together or not at all.
 */
public class AnnualReviews {

  public static final String PROCESS = "ehc-annual-review";
  /** Moves a waiting review on at once, as the phase transfer review. */
  public static final String BROUGHT_FORWARD = "ReviewBroughtForward";
  /** Tells a waiting phase transfer that its review has amended (or ceased) the plan. */
  public static final String TRANSFER_REVIEW_CONCLUDED = "TransferReviewConcluded";

  private static final Logger LOG = LoggerFactory.getLogger(AnnualReviews.class);

  private final PlanRegister register;
  private final DeadlineSchedule schedule;
  private final ReviewCycle cycle;
  private final Period preparationLead;
  private final Period cycleStartsAhead;

  /**
   * @param preparationLead how long before the review falls due its preparation begins
   * @param cycleStartsAhead how long before preparation begins a cycle waiting in the register starts
   */
  public AnnualReviews(PlanRegister register, DeadlineSchedule schedule, ReviewCycle cycle, Period preparationLead,
      Period cycleStartsAhead) {
    this.register = register;
    this.schedule = schedule;
    this.cycle = cycle;
    this.preparationLead = preparationLead;
    this.cycleStartsAhead = cycleStartsAhead;
  }

  public ReviewCycle cycle() {
    return cycle;
  }

  /** When the plan's next review falls due, counted from its issue or last review. */
  public LocalDate nextDue(Plan plan) {
    LocalDate from = plan.issuedOrLastReviewedOn();
    return cycle.reviewDue(from, plan.underFiveOn(from));
  }

  /**
   * The day a plan's review cycle (due as the plan says) starts as a running process: {@code cycleStartsAhead}
   * before its preparation begins. A plan entered before that day waits in the register until then.
   */
  public LocalDate cycleStartsOn(Plan plan) {
    return plan.nextReviewDue().minus(preparationLead).minus(cycleStartsAhead);
  }

  /**
   * Starts up to {@code limit} of the review cycles that wait in the register and are due to start by today, soonest
   * first (one never started twice, on any node: each is taken from the register before it starts, in the caller's
   * transaction). A plan whose review is already running (a transfer review, or one started by hand) keeps it and
   * gets no second one.
   */
  public WaitingCycles startWaitingCycles(RuntimeService runtime, int limit) {
    List<String> due = register.reviewCyclesDueToStart(EngineClock.today(), limit);
    int started = 0;
    for (String caseReference : due) {
      if (register.takeWaitingReviewCycle(caseReference) && running(runtime, caseReference).isEmpty()) {
        startCycle(runtime, caseReference, ReviewKind.ANNUAL, Map.of());
        started++;
      }
    }
    LOG.info("{} review cycles waiting in the register started", started);
    return new WaitingCycles(started, due.size() == limit);
  }

  /**
   * What one batch of waiting cycles did.
   *
   * @param more whether more may be due today (the batch was full)
   */
  public record WaitingCycles(int started, boolean more) {
  }

  /**
   * Starts the plan's review cycle as the register has it; an overdue review starts at once and shows overdue. A
   * cycle that was waiting in the register no longer waits.
   */
  public ProcessInstance start(RuntimeService runtime, String caseReference, ReviewKind kind,
      Map<String, Object> extra) {
    register.takeWaitingReviewCycle(caseReference);
    return startCycle(runtime, caseReference, kind, extra);
  }

  /**
   * Starts the annual review cycle of a plan the caller has just entered in its transaction with no cycle waiting
   * ({@link PlanRegister#enterAll} with no start day), from the plan as entered rather than read back.
   */
  public ProcessInstance startEntered(RuntimeService runtime, Plan entered) {
    return startCycle(runtime, Optional.of(entered), entered.caseReference(), ReviewKind.ANNUAL, Map.of());
  }

  private ProcessInstance startCycle(RuntimeService runtime, String caseReference, ReviewKind kind,
      Map<String, Object> extra) {
    return startCycle(runtime, register.find(caseReference), caseReference, kind, extra);
  }

  private ProcessInstance startCycle(RuntimeService runtime, Optional<Plan> found, String caseReference,
      ReviewKind kind, Map<String, Object> extra) {
    Plan plan = found.filter(p -> p.status() == PlanStatus.MAINTAINED)
        .orElseThrow(() -> new IllegalStateException("no maintained plan in the register for case " + caseReference));
    Map<String, Object> variables = new HashMap<>(cycleVariables(plan, kind));
    variables.putAll(extra);
    ProcessInstance review = runtime.startProcessInstanceByKey(PROCESS, caseReference, variables);
    LOG.debug("Review cycle started for case {}: due {}", caseReference, plan.nextReviewDue());
    return review;
  }

  /** The variables a review cycle starts with: its deadline, when preparation begins, the child's year group. */
  Map<String, Object> cycleVariables(Plan plan, ReviewKind kind) {
    LocalDate due = plan.nextReviewDue();
    LocalDate today = EngineClock.today();
    LocalDate prepare = due.minus(preparationLead);
    int yearGroup = plan.yearGroupIn(SchoolYears.schoolYearOf(due));
    Map<String, Object> variables = new HashMap<>(schedule.variables(TimeLimit.ANNUAL_REVIEW, due));
    variables.put(AnnualReviewVariables.CASE_REFERENCE.name(), plan.caseReference());
    variables.put(AnnualReviewVariables.REVIEW_KIND.name(), kind.name());
    variables.put(AnnualReviewVariables.ISSUED_OR_LAST_REVIEWED_ON.name(), plan.issuedOrLastReviewedOn().toString());
    boolean now = !prepare.isAfter(today);
    variables.put(AnnualReviewVariables.PREPARATION_BEGINS.name(), (now ? today : prepare).toString());
    // A review whose preparation is already due (an overdue review onboarded) starts at once, not at 09:00.
    variables.put(AnnualReviewVariables.PREPARATION_STARTS_AT.name(), now
        ? EngineClock.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"))
        : prepare + "T09:00:00");
    variables.put(AnnualReviewVariables.YEAR_GROUP.name(), yearGroup);
    variables.put(AnnualReviewVariables.PREPARING_FOR_ADULTHOOD.name(), yearGroup >= 9);
    return variables;
  }

  /**
   * Starts the next cycle once a review is complete, unless another review of the plan is already running (a
   * transfer review started beside it continues the cycle) or the plan has ceased.
   */
  public boolean startNext(RuntimeService runtime, String caseReference, String finishingInstanceId) {
    boolean othersRunning = running(runtime, caseReference).stream()
        .anyMatch(instance -> !instance.getId().equals(finishingInstanceId));
    boolean maintained = register.find(caseReference).map(p -> p.status() == PlanStatus.MAINTAINED).orElse(false);
    if (othersRunning || !maintained) {
      LOG.info("No new review cycle for case {}: {}", caseReference,
          othersRunning ? "another review is running" : "the plan is not maintained");
      return false;
    }
    start(runtime, caseReference, ReviewKind.ANNUAL, Map.of());
    return true;
  }

  /**
   * Makes this year's review the phase transfer review: a review still waiting to fall due is moved on at once; one
   * under way but not yet decided takes the transfer on; otherwise a transfer review starts.
   *
   * @return what was done, for the transfer's history: broughtForward, adopted or started
   */
  public String bringForward(RuntimeService runtime, String caseReference, Map<String, Object> transfer) {
    Map<String, Object> variables = new HashMap<>(transfer);
    variables.put(AnnualReviewVariables.REVIEW_KIND.name(), ReviewKind.PHASE_TRANSFER.name());
    for (ProcessInstance review : running(runtime, caseReference)) {
      boolean waiting = runtime.createEventSubscriptionQuery().processInstanceId(review.getId())
          .eventName(BROUGHT_FORWARD).count() > 0;
      if (waiting) {
        runtime.createMessageCorrelation(BROUGHT_FORWARD).processInstanceId(review.getId()).setVariables(variables)
            .correlate();
        return "broughtForward";
      }
      if (runtime.getVariable(review.getId(), AnnualReviewVariables.DECISION.name()) == null) {
        runtime.setVariables(review.getId(), variables);
        return "adopted";
      }
    }
    start(runtime, caseReference, ReviewKind.PHASE_TRANSFER, variables);
    return "started";
  }

  private static List<ProcessInstance> running(RuntimeService runtime, String caseReference) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .processInstanceBusinessKey(caseReference).list();
  }
}
