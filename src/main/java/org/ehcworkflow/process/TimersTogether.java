package org.ehcworkflow.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.ProcessEngineLogger;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.ProcessDataContext;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClassLoaderUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job executor, running due timers of several cases in one transaction.
 *
 * <p>Camunda runs each job in a transaction of its own. In a storm of due timers (an overdue register on go-live day,
 * a transfer cohort) that is one commit, and one statement for each table a job writes to, for every timer, although
 * timers of different cases share nothing. This executor gives each of its threads the jobs of up to
 * {@code timersPerTransaction} cases from one acquisition, and runs a thread's due timers together: one transaction, in
 * which each table's new rows are one multi-row insert ({@link BatchedInserts}) and which commits once.
 *
 * <p>What each job does is unchanged: the same engine code runs it, writes its history and job log and deletes it.
 * What can differ is only what happens when something goes wrong, and there the engine's own way is kept:
 * <ul>
 *   <li>When any timer of a batch fails (its step throws, or the commit finds a case changed meanwhile), the whole
 *       transaction rolls back, and each timer of it runs again on its own, as Camunda runs it: the ones that work
 *       are committed, and the one that fails gets its retries and, in the end, its incident, as it would have.</li>
 *   <li>Only timers are run together. Every other job (an asynchronous step, such as filing a document with the
 *       records system, the one kind of step that calls a service outside in the job itself) runs alone, in its
 *       turn: running a job again after a neighbour's failure must not call anything outside twice. A timer's own
 *       work until the case's next wait state stays in the database: its notices go to the outbox, and a step that
 *       calls out is asynchronous, so it becomes a job of its own ({@code ModelHouseRulesTest}).</li>
 *   <li>A case's jobs still run in their order and on one thread (Camunda's exclusive jobs): a batch takes the
 *       timers at the front of the thread's queue, at most one of each case, and leaves a case's later jobs for the
 *       next transaction, so that no two jobs of one case share a transaction.</li>
 * </ul>
 *
 * <p>With {@code timersPerTransaction} 1 it is Camunda's job executor exactly.
 */
public class TimersTogether extends SpringJobExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(TimersTogether.class);

  private volatile int timersPerTransaction;

  /** @param timersPerTransaction the most cases whose timers run in one transaction; 1 for Camunda's own way */
  public TimersTogether(int timersPerTransaction) {
    setTimersPerTransaction(timersPerTransaction);
  }

  public int getTimersPerTransaction() {
    return timersPerTransaction;
  }

  /** Takes effect when the job executor next starts. */
  public void setTimersPerTransaction(int timersPerTransaction) {
    if (timersPerTransaction < 1) {
      throw new IllegalArgumentException("ehc.jobs.timers-per-transaction must be at least 1, got "
          + timersPerTransaction);
    }
    this.timersPerTransaction = timersPerTransaction;
  }

  @Override
  protected void ensureInitialization() {
    super.ensureInitialization();
    if (timersPerTransaction > 1) {
      acquireJobsRunnable = new Acquisition();
    }
  }

  @Override
  public Runnable getExecuteJobsRunnable(List<String> jobIds, ProcessEngineImpl processEngine) {
    return timersPerTransaction > 1 ? new Runner(jobIds, processEngine) : super.getExecuteJobsRunnable(jobIds,
        processEngine);
  }

  /**
   * Camunda's acquisition, handing each thread the jobs of up to {@code timersPerTransaction} cases instead of one.
   * A case's jobs stay together and in order (Camunda gives a case's exclusive jobs to one thread). The acquisition
   * knows its jobs by these groups, as it hands them out: when the threads are all busy and their queue is full, it
   * counts the groups refused, and so waits instead of taking a few jobs at a time.
   */
  private class Acquisition extends SequentialJobAcquisitionRunnable {

    Acquisition() {
      super(TimersTogether.this);
    }

    @Override
    protected AcquiredJobs acquireJobs(JobAcquisitionContext context, JobAcquisitionStrategy strategy,
        ProcessEngineImpl engine) {
      AcquiredJobs grouped = new Grouped(super.acquireJobs(context, strategy, engine), timersPerTransaction);
      context.submitAcquiredJobs(engine.getName(), grouped);
      return grouped;
    }
  }

  /** An acquisition's jobs joined into groups, with what it counted: jobs sought, and jobs another node locked. */
  private static final class Grouped extends AcquiredJobs {

    Grouped(AcquiredJobs acquired, int size) {
      super(acquired.getNumberOfJobsAttemptedToAcquire());
      numberOfJobsFailedToLock = acquired.getNumberOfJobsFailedToLock();
      groups(acquired.getJobIdBatches(), size).forEach(this::addJobIdBatch);
    }
  }

  /** The batches, each a case's jobs, joined in order into groups of at most {@code size} jobs. */
  static List<List<String>> groups(List<List<String>> batches, int size) {
    List<List<String>> groups = new ArrayList<>();
    List<String> group = new ArrayList<>();
    for (List<String> batch : batches) {
      if (!group.isEmpty() && group.size() + batch.size() > size) {
        groups.add(group);
        group = new ArrayList<>();
      }
      group.addAll(batch);
    }
    if (!group.isEmpty()) {
      groups.add(group);
    }
    return groups;
  }

  /**
   * One thread's jobs, and the due jobs of the same cases that they create (Camunda hands those to the same thread),
   * run as {@code ExecuteJobsRunnable} runs them except that the timers of different cases run together.
   */
  private class Runner implements Runnable {

    private final List<String> jobIds;
    private final ProcessEngineImpl engine;
    /** Jobs in the queue known not to be timers: each runs alone when its turn comes, without a batch first. */
    private final Set<String> others = new HashSet<>();

    Runner(List<String> jobIds, ProcessEngineImpl engine) {
      this.jobIds = jobIds;
      this.engine = engine;
    }

    @Override
    public void run() {
      JobExecutorContext context = new JobExecutorContext();
      List<String> queue = context.getCurrentProcessorJobQueue();
      queue.addAll(jobIds);
      ProcessEngineConfigurationImpl configuration = engine.getProcessEngineConfiguration();
      CommandExecutor commands = configuration.getCommandExecutorTxRequired();
      Context.setJobExecutorContext(context);
      ClassLoader before = ClassLoaderUtil.switchToProcessEngineClassloader();
      try {
        while (!queue.isEmpty()) {
          if (!isActive()) {
            unlock(queue.remove(0), commands);
            continue;
          }
          // Twice the batch: a case's jobs often come in twos (a task's reminder and its breach), and a batch takes
          // one of each case.
          List<String> front = List.copyOf(queue.subList(0, Math.min(2 * timersPerTransaction, queue.size())));
          List<String> done = front.size() > 1 && !others.remove(front.get(0))
              ? together(front, commands, configuration) : List.of();
          if (done.isEmpty()) {
            alone(queue.remove(0), commands, configuration);
          } else {
            // The jobs it left wait at the queue's front, in their order; jobs its commit handed to this thread were
            // added at the end.
            queue.removeAll(new HashSet<>(done));
          }
        }
        // As Camunda's runner: acquisition may have backed off while this thread held a case's jobs.
        jobWasAdded();
      } finally {
        Context.removeJobExecutorContext();
        ClassLoaderUtil.setContextClassloader(before);
      }
    }

    /**
     * Runs the timers of {@code front} that {@link Batch} takes in one transaction. Returns the jobs it dealt with:
     * none when it took none; after a failure, each job the batch had taken runs alone.
     */
    private List<String> together(List<String> front, CommandExecutor commands,
        ProcessEngineConfigurationImpl configuration) {
      Batch batch = new Batch(front, timersPerTransaction);
      try {
        commands.execute(batch);
        others.addAll(batch.others);
        LOG.debug("{} of the {} jobs at the queue's front run together", batch.taken.size(), front.size());
        if (configuration.isMetricsEnabled()) {
          batch.taken.forEach(job -> configuration.getMetricsRegistry().markOccurrence(Metrics.JOB_SUCCESSFUL));
        }
      } catch (Throwable failure) {
        // Nothing of the batch was committed. Its jobs are still locked by this node; each runs again on its own, so
        // the one that failed is the one that gets a retry and, in the end, an incident.
        LOG.debug("{} timers run together rolled back ({}); running each alone", batch.taken.size(),
            failure.toString());
        batch.taken.forEach(job -> alone(job, commands, configuration));
      } finally {
        new ProcessDataContext(configuration).clearMdc();
      }
      return batch.taken;
    }

    /** One job in a transaction of its own, exactly as Camunda's runner runs it, with its failure handling. */
    private void alone(String jobId, CommandExecutor commands, ProcessEngineConfigurationImpl configuration) {
      JobFailureCollector failures = new JobFailureCollector(jobId);
      try {
        ExecuteJobHelper.executeJob(jobId, commands, failures, new ExecuteJobsCmd(jobId, failures), configuration);
      } catch (Throwable failure) {
        if (ProcessEngineLogger.shouldLogJobException(configuration, failures.getJob())) {
          ExecuteJobHelper.LOGGING_HANDLER.exceptionWhileExecutingJob(jobId, failure);
        }
      } finally {
        new ProcessDataContext(configuration).clearMdc();
      }
    }

    private void unlock(String jobId, CommandExecutor commands) {
      try {
        commands.execute(new UnlockJobCmd(jobId));
      } catch (Throwable failure) {
        LOG.warn("Could not unlock job {} while the job executor stops: {}", jobId, failure.toString());
      }
    }
  }

  /**
   * Runs up to a number of the timers (of no tenant) of a list of jobs in one command, in the list's order, each as
   * {@link ExecuteJobsCmd} runs one; the jobs are read in one query. It takes at most one job of a process instance,
   * so that a case's next job runs on what the one before it committed, as it would alone; and it takes no job after
   * one of the same instance it leaves (not a timer, or the case's second), so that a case's jobs keep their order.
   * A job deleted since it was acquired (its case moved on) is taken and passed over, as Camunda does.
   */
  static final class Batch implements Command<Void> {

    private final List<String> jobIds;
    private final int most;
    /** The jobs this command took on, in order: run, or found deleted. */
    final List<String> taken = new ArrayList<>();
    /** The jobs of the list that are not timers of no tenant. */
    final Set<String> others = new HashSet<>();

    /** @param most the most jobs it takes */
    Batch(List<String> jobIds, int most) {
      this.jobIds = jobIds;
      this.most = most;
    }

    @Override
    public Void execute(CommandContext commandContext) {
      Map<String, JobEntity> jobs = new HashMap<>();
      JobQueryImpl query = new JobQueryImpl();
      query.jobIds(new HashSet<>(jobIds));
      for (Job found : query.executeList(commandContext, null)) {
        JobEntity job = (JobEntity) found;
        jobs.put(job.getId(), job);
        if (!(job instanceof TimerEntity) || job.getTenantId() != null) {
          others.add(job.getId());
        }
      }
      JobExecutorContext executor = Context.getJobExecutorContext();
      // Every instance with a job in this batch or left for later: its other jobs wait.
      Set<String> cases = new HashSet<>();
      for (String jobId : jobIds) {
        if (taken.size() == most) {
          return null;
        }
        JobEntity job = jobs.get(jobId);
        String instance = job == null ? null : job.getProcessInstanceId();
        boolean caseFree = instance == null || cases.add(instance);
        if (others.contains(jobId) || !caseFree) {
          continue;
        }
        taken.add(jobId);
        if (job == null) {
          continue;
        }
        executor.setCurrentJob(job);
        commandContext.setCurrentJob(job);
        try {
          job.execute(commandContext);
        } finally {
          executor.setCurrentJob(null);
        }
      }
      return null;
    }
  }
}
