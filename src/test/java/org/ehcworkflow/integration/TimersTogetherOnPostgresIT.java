package org.ehcworkflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.ehcworkflow.process.TimersTogether;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Due timers of several cases run in one transaction, on PostgreSQL with the product's engine, and what goes wrong is
 * handled as Camunda handles it. Which transaction wrote a row is PostgreSQL's {@code xmin}: the job log's success
 * rows of timers run together share one. The job executor is off; each test hands a thread's worth of jobs to
 * {@link TimersTogether}'s runner, as its acquisition does.
 */
@SpringBootTest(properties = {"ehc.demo.enabled=false", "camunda.bpm.job-execution.enabled=false"})
class TimersTogetherOnPostgresIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  /** The step after the test's timer: fails for an instance whose variable {@code fail} is true. */
  public static class FailWhenAsked implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable("stepRan", true);
      if (Boolean.TRUE.equals(execution.getVariable("fail"))) {
        throw new IllegalStateException("asked to fail");
      }
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  private String deployment;
  private final TimersTogether executor = new TimersTogether(8) {
    {
      isActive = true; // running, without an acquisition thread: the tests hand it the jobs
    }

    @Override
    public void jobWasAdded() {
      // no acquisition thread to wake
    }
  };

  @BeforeEach
  void deploy() {
    deployment = repository.createDeployment().name("timers-together-test")
        .addModelInstance("timers-together-test.bpmn", Bpmn.createExecutableProcess("timers-together-test")
            .camundaHistoryTimeToLive(1)
            .startEvent("Start")
            .intermediateCatchEvent("Timer_Due").timerWithDate("2020-01-06T09:00:00")
            .serviceTask("Task_Step").camundaClass(FailWhenAsked.class)
            .receiveTask("Wait_After")
            .endEvent("End").done())
        .addModelInstance("async-step-test.bpmn", Bpmn.createExecutableProcess("async-step-test")
            .camundaHistoryTimeToLive(1)
            .startEvent("Start")
            .serviceTask("Task_AsyncStep").camundaAsyncBefore().camundaExpression("${true}")
            .receiveTask("Wait_After")
            .endEvent("End").done())
        .addModelInstance("two-timers-test.bpmn", Bpmn.createExecutableProcess("two-timers-test")
            .camundaHistoryTimeToLive(1)
            .startEvent("Start")
            .parallelGateway("Fork")
            .intermediateCatchEvent("Timer_First").timerWithDate("2020-01-06T09:00:00")
            .receiveTask("Wait_First").endEvent("End_First")
            .moveToNode("Fork")
            .intermediateCatchEvent("Timer_Second").timerWithDate("2020-01-06T09:00:00")
            .receiveTask("Wait_Second").endEvent("End_Second").done())
        .addModelInstance("step-and-timer-test.bpmn", Bpmn.createExecutableProcess("step-and-timer-test")
            .camundaHistoryTimeToLive(1)
            .startEvent("Start")
            .parallelGateway("Fork")
            .serviceTask("Task_AsyncStep").camundaAsyncBefore().camundaExpression("${true}")
            .receiveTask("Wait_First").endEvent("End_First")
            .moveToNode("Fork")
            .intermediateCatchEvent("Timer_Due").timerWithDate("2020-01-06T09:00:00")
            .receiveTask("Wait_Second").endEvent("End_Second").done())
        .deploy().getId();
  }

  @AfterEach
  void undeploy() {
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void dueTimersOfSeveralCasesAreCommittedTogetherAndEachRunsOnce() {
    List<String> jobs = timers(false, false, false, false, false);

    run(jobs);

    assertThat(waitingAfter("timers-together-test")).isEqualTo(5);
    assertThat(successes(jobs)).as("each timer ran once").hasSize(5);
    assertThat(transactions(jobs)).as("in one transaction").isEqualTo(1);
    assertThat(management.createJobQuery().processDefinitionKey("timers-together-test").count()).isZero();
  }

  @Test
  void whenOneTimerFailsTheOthersRunAloneAndItAloneGetsItsRetryAsCamundaGivesIt() {
    List<String> jobs = timers(false, false, true, false, false);
    String failing = jobs.get(2);

    run(jobs);

    List<String> others = new ArrayList<>(jobs);
    others.remove(failing);
    assertThat(waitingAfter("timers-together-test")).isEqualTo(4);
    assertThat(successes(others)).as("each other timer ran once").hasSize(4);
    assertThat(transactions(jobs.subList(0, 2))).as("the two before it, each alone after the batch rolled back")
        .isEqualTo(2);
    assertThat(transactions(jobs.subList(3, 5))).as("the two after it, together in the next batch").isEqualTo(1);
    assertThat(transactions(others)).isEqualTo(3);
    assertThat(successes(List.of(failing))).isEmpty();
    Job job = management.createJobQuery().jobId(failing).singleResult();
    assertThat(job.getRetries()).as("one retry used, as when it runs alone").isEqualTo(2);
    assertThat(job.getExceptionMessage()).isEqualTo("asked to fail");
    assertThat(jdbc.queryForObject("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 1",
        Long.class, failing)).as("its failure logged once").isEqualTo(1);
    assertThat(runtime.createIncidentQuery().configuration(failing).count()).as("no incident before its last retry").isZero();
  }

  @Test
  void anotherJobRunsAloneAndTheTimersAroundItTogetherAndAJobGoneSinceItsAcquisitionIsPassedOver() {
    String asyncStep = management.createJobQuery().processInstanceId(runtime.startProcessInstanceByKey(
        "async-step-test").getId()).singleResult().getId();
    List<String> timers = timers(false, false, false);
    List<String> queue = new ArrayList<>(List.of(timers.get(0), asyncStep, "a-job-deleted-since"));
    queue.addAll(timers.subList(1, 3));

    run(queue);

    assertThat(waitingAfter("async-step-test")).isEqualTo(1);
    assertThat(waitingAfter("timers-together-test")).isEqualTo(3);
    assertThat(successes(queue)).hasSize(4);
    assertThat(transactions(timers)).as("the timers before and after it together").isEqualTo(1);
    assertThat(transactions(List.of(asyncStep, timers.get(0)))).as("the async step alone").isEqualTo(2);
  }

  @Test
  void twoTimersOfOneCaseNeverShareATransaction() {
    String instance = runtime.startProcessInstanceByKey("two-timers-test").getId();
    List<String> queue = new ArrayList<>(management.createJobQuery().processInstanceId(instance).list().stream()
        .map(Job::getId).toList());
    assertThat(queue).hasSize(2);
    queue.addAll(timers(false));

    run(queue);

    assertThat(runtime.createExecutionQuery().processInstanceId(instance).activityId("Wait_First").count()
        + runtime.createExecutionQuery().processInstanceId(instance).activityId("Wait_Second").count()).isEqualTo(2);
    assertThat(successes(queue)).hasSize(3);
    assertThat(transactions(List.of(queue.get(0), queue.get(2)))).as("the case's first timer with the other case's")
        .isEqualTo(1);
    assertThat(transactions(queue.subList(0, 2))).as("the case's second timer in the next transaction").isEqualTo(2);
  }

  @Test
  void aCasesTimerQueuedAfterItsOtherJobWaitsForItWhileOtherCasesTimersRunTogether() {
    String instance = runtime.startProcessInstanceByKey("step-and-timer-test").getId();
    String step = management.createJobQuery().processInstanceId(instance).messages().singleResult().getId();
    String timer = management.createJobQuery().processInstanceId(instance).timers().singleResult().getId();
    List<String> others = timers(false, false);
    List<String> queue = List.of(others.get(0), step, timer, others.get(1));

    run(queue);

    assertThat(successes(queue)).hasSize(4);
    assertThat(transactions(others)).as("the other cases' timers together").isEqualTo(1);
    assertThat(transactions(List.of(step, timer))).isEqualTo(2);
    assertThat(transactions(List.of(step, others.get(0)))).isEqualTo(2);
    assertThat(transactions(List.of(timer, others.get(0)))).isEqualTo(2);
    assertThat(jdbc.queryForObject("select (select xmin::text::bigint from act_hi_job_log where job_state_ = 2 "
        + "and job_id_ = ?) < (select xmin::text::bigint from act_hi_job_log where job_state_ = 2 and job_id_ = ?)",
        Boolean.class, step, timer)).as("the case's timer ran after the step queued before it").isTrue();
  }

  @Test
  void withOneTimerATransactionItIsCamundasOwnRunner() {
    executor.setTimersPerTransaction(1);

    assertThat(executor.getExecuteJobsRunnable(List.of("a"), (ProcessEngineImpl) engine))
        .isExactlyInstanceOf(ExecuteJobsRunnable.class);
  }

  /** Starts an instance for each value of {@code fail}; returns their due timers' jobs, in order. */
  private List<String> timers(boolean... fail) {
    List<String> jobs = new ArrayList<>();
    for (boolean f : fail) {
      String instance = runtime.startProcessInstanceByKey("timers-together-test", Map.of("fail", f)).getId();
      jobs.add(management.createJobQuery().processInstanceId(instance).singleResult().getId());
    }
    return jobs;
  }

  private void run(List<String> jobs) {
    executor.getExecuteJobsRunnable(jobs, (ProcessEngineImpl) engine).run();
  }

  private long waitingAfter(String process) {
    return runtime.createExecutionQuery().processDefinitionKey(process).activityId("Wait_After").count();
  }

  private List<String> successes(List<String> jobs) {
    return jdbc.queryForList("select job_id_ from act_hi_job_log where job_state_ = 2 and job_id_ = any(?)",
        String.class, (Object) jobs.toArray(String[]::new));
  }

  /** How many transactions wrote the jobs' success rows in the job log. */
  private long transactions(List<String> jobs) {
    return jdbc.queryForObject("select count(distinct xmin::text) from act_hi_job_log where job_state_ = 2 "
        + "and job_id_ = any(?)", Long.class, (Object) jobs.toArray(String[]::new));
  }
}
