package org.ehcworkflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.ehcworkflow.testing.ModelBeans;
import org.ehcworkflow.testing.ProcessTestBeans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The process tests provide exactly the beans the models name, so a new model's bean cannot be forgotten in the
 * tests (the application's side: {@code NeedsAssessmentOnPostgresIT}).
 */
class ProcessTestBeansTest {

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void everyBeanTheModelsNameIsRegisteredAndNoOther() {
    new ProcessTestBeans().register();
    Map<String, Object> registered = Mocks.getMocks();
    assertThat(ModelBeans.named()).as("the beans the models name").isNotEmpty()
        .contains("sendNotice", "decisions", "finalisation");
    assertThat(registered.keySet()).containsExactlyInAnyOrderElementsOf(ModelBeans.named());
  }
}
