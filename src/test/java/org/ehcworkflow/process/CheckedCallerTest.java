package org.ehcworkflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.history.UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Engine work for a caller the API has checked: done with the application's rights, for that work alone. */
class CheckedCallerTest {

  ProcessEngine engine;
  ProcessEngineConfigurationImpl configuration;
  RuntimeService runtime;
  String instance;

  @BeforeEach
  void anEngineWithAuthorizationAndACallerWithoutRights() {
    engine = InMemoryEngines.withPlugins(List.of(), settings -> settings.setAuthorizationEnabled(true));
    configuration = InMemoryEngines.configurationOf(engine);
    runtime = engine.getRuntimeService();
    engine.getRepositoryService().createDeployment().addModelInstance("wait.bpmn", Bpmn.createExecutableProcess("wait")
        .camundaHistoryTimeToLive(1).startEvent().userTask().endEvent().done()).deploy();
    instance = runtime.startProcessInstanceByKey("wait").getId();
    engine.getIdentityService().setAuthentication("coordinator", List.of("coordinators"));
  }

  @AfterEach
  void close() {
    engine.getIdentityService().clearAuthentication();
    engine.close();
  }

  @Test
  void theWorkIsDoneWithTheApplicationsRightsAndTheCallersAreCheckedAgainAfterIt() {
    assertThatThrownBy(() -> runtime.setVariable(instance, "withdrawalReason", "moved away"))
        .isInstanceOf(AuthorizationException.class);

    new CheckedCaller(configuration).run(() -> {
      runtime.setVariable(instance, "withdrawalReason", "moved away");
      return null;
    });

    engine.getIdentityService().clearAuthentication();
    assertThat(runtime.getVariable(instance, "withdrawalReason")).isEqualTo("moved away");
    assertThat(engine.getHistoryService().createUserOperationLogQuery().operationType(OPERATION_TYPE_SET_VARIABLE)
        .list()).as("the caller named in the engine's operation log").extracting(UserOperationLogEntry::getUserId)
        .containsExactly("coordinator");
    engine.getIdentityService().setAuthentication("coordinator", List.of("coordinators"));
    assertThatThrownBy(() -> runtime.setVariable(instance, "withdrawalReason", "again"))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void insideACommandWithoutTheCheckItStaysWithout() {
    boolean after = configuration.getCommandExecutorTxRequired().execute(command -> {
      command.disableAuthorizationCheck();
      new CheckedCaller(configuration).run(() -> null);
      return command.isAuthorizationCheckEnabled();
    });
    assertThat(after).isFalse();
  }
}
