package org.ehcworkflow.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Stops the engine writing a task authorization for each candidate group that already holds the task's rights on its
 * process definition: {@link Roles#PROCESS_WIDE_TASK_GROUPS} on every definition, and each of
 * {@link Roles#DEFINITION_TASK_GROUPS} on its own (the panel on {@code ehc-panel-decision}).
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
    configuration.setResourceAuthorizationProvider(new Provider(Roles.PROCESS_WIDE_TASK_GROUPS,
        Roles.DEFINITION_TASK_GROUPS));
  }

  static final class Provider extends DefaultAuthorizationProvider {

    private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

    private final List<String> processWideGroups;
    private final Map<String, String> definitionGroups;

    Provider(List<String> processWideGroups, Map<String, String> definitionGroups) {
      this.processWideGroups = List.copyOf(processWideGroups);
      this.definitionGroups = Map.copyOf(definitionGroups);
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      return grantedOnDefinition(task, groupId) ? NONE : super.newTaskGroupIdentityLink(task, groupId, type);
    }

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
      return grantedOnDefinition(task, groupId) ? NONE : super.deleteTaskGroupIdentityLink(task, groupId, type);
    }

    private boolean grantedOnDefinition(Task task, String groupId) {
      if (processWideGroups.contains(groupId)) {
        return true;
      }
      String definition = definitionGroups.get(groupId);
      return definition != null && task instanceof TaskEntity entity && entity.getExecution() != null
          && definition.equals(entity.getExecution().getProcessDefinition().getKey());
    }
  }
}
