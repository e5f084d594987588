package org.ehcworkflow.phasetransfer;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.ehcworkflow.calendar.DeadlineSchedule;
import org.ehcworkflow.calendar.PhaseTransfer;
import org.ehcworkflow.calendar.ReviewCycle;
import org.ehcworkflow.calendar.SchoolYears;
import org.ehcworkflow.plan.Plan;
import org.ehcworkflow.plan.PlanRegister;
import org.ehcworkflow.plan.PlanStatus;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.InputRejected;
import org.ehcworkflow.process.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the children who change phase and starts one {@code ehc-phase-transfer} each, with its deadline under
 * reg 18: 15 February of the year of transfer, 31 March from secondary to post-16, 5 months before a post-16 move.
 */
public class PhaseTransfers {

  public static final String PROCESS = "ehc-phase-transfer";
  private static final Logger LOG = LoggerFactory.getLogger(PhaseTransfers.class);

  private final PlanRegister register;
  private final ReviewCycle cycle;
  private final DeadlineSchedule schedule;

  public PhaseTransfers(PlanRegister register, ReviewCycle cycle, DeadlineSchedule schedule) {
    this.register = register;
    this.cycle = cycle;
    this.schedule = schedule;
  }

  /**
   * Starts a transfer for every child with a maintained plan who is in the last year group of their setting in the
   * school year that began in {@code schoolYear}, so moves on the next 1 September. A child whose transfer for that
   * day was already started (by hand, or an earlier run) is left alone.
   *
   * @return how many transfers were started
   */
  public int startCohort(RuntimeService runtime, int schoolYear) {
    LocalDate day = SchoolYears.transferDayAfter(schoolYear);
    int started = 0;
    for (Plan plan : register.maintainedWithSettingAgeRange()) {
      Optional<PhaseTransfer> transfer = plan.transferAtEndOf(schoolYear);
      if (transfer.isPresent() && !day.equals(plan.lastTransferOn()) && !running(runtime, plan.caseReference())) {
        runtime.startProcessInstanceByKey(PROCESS, plan.caseReference(), Map.of(
            PhaseTransferVariables.CASE_REFERENCE.name(), plan.caseReference(),
            PhaseTransferVariables.TRANSFER_DAY.name(), day.toString(),
            PhaseTransferVariables.TRANSFER_KIND.name(), transfer.get().name()));
        started++;
      }
    }
    LOG.info("Phase transfer cohort for {}: {} transfers started", day, started);
    return started;
  }

  /**
   * Checks a transfer about to start and works out its deadline: the plan is maintained, no transfer of it is
   * running or was started for the same day; the kind follows from the setting's age range unless given.
   *
   * @param day the day of transfer, or null for the next 1 September
   * @param kind the transfer, or null to take it from the setting's age range
   * @return the transfer's variables
   */
  Map<String, Object> prepare(RuntimeService runtime, String caseReference, LocalDate day, PhaseTransfer kind) {
    Plan plan = register.find(caseReference).filter(p -> p.status() == PlanStatus.MAINTAINED)
        .orElseThrow(() -> Refusal.notFound("caseReference '" + caseReference
            + "' has no maintained plan in the register"));
    LocalDate today = EngineClock.today();
    LocalDate transferDay = day != null ? day : SchoolYears.transferDayAfter(SchoolYears.schoolYearOf(today));
    PhaseTransfer transfer = kind != null ? kind : plan.transferOnLeaving().orElseThrow(() -> InputRejected.because(
        "transferKind is required: the plan's setting has no recorded age range"));
    if (running(runtime, caseReference)) {
      throw Refusal.conflict("caseReference " + caseReference + " already has a phase transfer under way");
    }
    if (transferDay.equals(plan.lastTransferOn())) {
      throw Refusal.conflict("caseReference " + caseReference + " already had its transfer of " + transferDay
          + " started");
    }
    LocalDate due = cycle.transferDue(transfer, transferDay);
    Map<String, Object> variables = new LinkedHashMap<>(schedule.variables(transfer.timeLimit(), due));
    variables.put(PhaseTransferVariables.CASE_REFERENCE.name(), caseReference);
    variables.put(PhaseTransferVariables.TRANSFER_DAY.name(), transferDay.toString());
    variables.put(PhaseTransferVariables.TRANSFER_KIND.name(), transfer.name());
    variables.put(PhaseTransferVariables.TRANSFER_TITLE.name(), transfer.title());
    variables.put(PhaseTransferVariables.TRANSFER_TIME_LIMIT.name(), transfer.timeLimit().name());
    variables.put(PhaseTransferVariables.TRANSFER_DUE.name(), due.toString());
    register.recordTransferStarted(caseReference, transferDay, transfer.title() + "; new setting named by " + due,
        "process:ehc-phase-transfer");
    return variables;
  }

  private static boolean running(RuntimeService runtime, String caseReference) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .processInstanceBusinessKey(caseReference).count() > 0;
  }
}
