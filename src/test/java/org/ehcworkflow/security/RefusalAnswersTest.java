package org.ehcworkflow.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the project's API answers when the engine refuses or fails while a route drives it. */
class RefusalAnswersTest {

  @RestController
  static class Route {
    @PostMapping("/refused")
    void refused() {
      throw new AuthorizationException("coordinator", "UPDATE", "ProcessInstance", "42");
    }

    @PostMapping("/failed")
    void failed() {
      throw new ProcessEngineException("the database went away");
    }
  }

  final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Route()).setControllerAdvice(new RefusalAnswers()).build();

  @Test
  void aRightTheEngineRefusesIsA403NamingIt() throws Exception {
    mvc.perform(post("/refused")).andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'UPDATE' permission")));
  }

  @Test
  void anyOtherEngineFailureStaysAServerError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> mvc.perform(post("/failed")))
        .hasRootCauseInstanceOf(ProcessEngineException.class);
  }
}
