package org.ehcworkflow.security;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Stops the engine writing a task authorization for each candidate group that already holds process-wide task
 * rights ({@link Roles#PROCESS_WIDE_TASK_GROUPS}).
 *
 * <p>Why: Camunda 7 joins a group's task authorizations into every task-list query with an OR condition that no
 * index serves, so the cost grows with open tasks times authorization rows. Coordinators are candidates for a case
 * file task on every open case; measured on PostgreSQL with 2,000 open cases, their first page took about 0.4 s
 * with per-task rows and grows quadratically. Partner groups keep per-task rows: they must see only their tasks.
 */
@Component
class ProcessWideTaskAuthorizations extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider(Roles.PROCESS_WIDE_TASK_GROUPS));
  }

  static final class Provider extends DefaultAuthorizationProvider {

    private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

    private final List<String> processWideGroups;

    Provider(List<String> processWideGroups) {
      this.processWideGroups = List.copyOf(processWideGroups);
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      return processWideGroups.contains(groupId) ? NONE : super.newTaskGroupIdentityLink(task, groupId, type);
    }

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
      return processWideGroups.contains(groupId) ? NONE : super.deleteTaskGroupIdentityLink(task, groupId, type);
    }
  }
}
