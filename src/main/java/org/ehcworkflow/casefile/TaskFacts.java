package org.ehcworkflow.casefile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.TaskInputs;

/** What a completed task brought in, kept on the case file with the day and who completed it. */
public final class TaskFacts {

  private TaskFacts() {
  }

  /**
   * Keeps on the case file what this task brought in; blank answers are left out.
   *
   * @param freeText the fields among them that hold free text
   */
  public static void record(CaseFile caseFile, DelegateTask task, Map<String, String> facts, Set<String> freeText) {
    Map<String, String> kept = new LinkedHashMap<>();
    facts.forEach((field, value) -> {
      if (value != null && !value.isBlank()) {
        kept.put(field, value.trim());
      }
    });
    if (!kept.isEmpty()) {
      caseFile.recordStep(new CaseFile.StepRecord(task.getExecution().getProcessBusinessKey(),
          task.getProcessInstanceId(), task.getTaskDefinitionKey(), kept, freeText, EngineClock.today(),
          TaskInputs.currentUser(task)));
    }
  }
}
