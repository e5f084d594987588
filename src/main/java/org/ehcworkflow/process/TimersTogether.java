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
 *   <li>A case's jobs still run in their order and on one thread (Camunda's exclusive jobs): a batch is taken from
 *       the front of the thread's queue and stops before the first job that is not a timer, and before a second job
 *       of a case already in it, so that no two jobs of one case share a transaction.</li>
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
   * A case's jobs stay together and in order (Camunda gives a case's exclusive jobs to one thread).
   */
  private class Acquisition extends SequentialJobAcquisitionRunnable {

    Acquisition() {
      super(TimersTogether.this);
    }

    @Override
    protected void executeJobs(JobAcquisitionContext context, ProcessEngineImpl engine, AcquiredJobs acquired) {
      AcquiredJobs grouped = new AcquiredJobs(acquired.getNumberOfJobsAttemptedToAcquire());
      groups(acquired.getJobIdBatches(), timersPerTransaction).forEach(grouped::addJobIdBatch);
      super.executeJobs(context, engine, grouped);
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
   * run as {@code ExecuteJobsRunnable} runs them except that consecutive timers run together.
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
          List<String> front = List.copyOf(queue.subList(0, Math.min(timersPerTransaction, queue.size())));
          int done = front.size() > 1 && !others.remove(front.get(0)) ? together(front, commands, configuration) : 0;
          if (done == 0) {
            alone(queue.remove(0), commands, configuration);
          } else {
            // Jobs the batch's commit handed to this thread were added at the queue's end.
            queue.subList(0, done).clear();
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
     * Runs the timers at the front of {@code front} in one transaction. Returns how many jobs of the front it dealt
     * with: 0 when the first is not a timer; after a failure, each job the batch had started runs alone.
     */
    private int together(List<String> front, CommandExecutor commands, ProcessEngineConfigurationImpl configuration) {
      Batch batch = new Batch(front);
      try {
        commands.execute(batch);
        others.addAll(batch.others);
        if (configuration.isMetricsEnabled()) {
          for (int i = 0; i < batch.started; i++) {
            configuration.getMetricsRegistry().markOccurrence(Metrics.JOB_SUCCESSFUL);
          }
        }
        return batch.started;
      } catch (Throwable failure) {
        // Nothing of the batch was committed. Its jobs are still locked by this node; each runs again on its own, so
        // the one that failed is the one that gets a retry and, in the end, an incident.
        LOG.debug("{} timers run together rolled back ({}); running each alone", batch.started, failure.toString());
        for (int i = 0; i < batch.started; i++) {
          alone(front.get(i), commands, configuration);
        }
        return batch.started;
      } finally {
        new ProcessDataContext(configuration).clearMdc();
      }
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
   * Runs jobs from the front of a list in one command, in order, while they are timers (of no tenant) of different
   * process instances, as {@link ExecuteJobsCmd} runs one. The jobs are read in one query. A job deleted since it was
   * acquired (its case moved on) is passed over, as Camunda does. A second job of the same instance waits for the
   * next transaction, so that it runs on what the first committed, as it would alone.
   */
  static final class Batch implements Command<Void> {

    private final List<String> jobIds;
    /** How many jobs from the front this command took on: run, or found deleted. */
    int started;
    /** The jobs of the list that are not timers of no tenant, whether or not the batch reached them. */
    final Set<String> others = new HashSet<>();

    Batch(List<String> jobIds) {
      this.jobIds = jobIds;
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
      Set<String> cases = new HashSet<>();
      for (String jobId : jobIds) {
        JobEntity job = jobs.get(jobId);
        if (others.contains(jobId)
            || job != null && job.getProcessInstanceId() != null && !cases.add(job.getProcessInstanceId())) {
          return null;
        }
        started++;
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
