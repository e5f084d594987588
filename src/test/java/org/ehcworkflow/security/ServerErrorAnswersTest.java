package org.ehcworkflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ServerErrorAnswersTest {

  final ServerErrorAnswers filter = new ServerErrorAnswers();

  @Test
  void aServerErrorIsAnsweredWithoutSqlOrExceptionDetails() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"), response, (req, res) -> {
      ((jakarta.servlet.http.HttpServletResponse) res).setStatus(500);
      res.setContentLength(299);
      res.getOutputStream().write(("{\"type\":\"ProcessEngineException\",\"message\":\"### Error querying database. "
          + "Cause: org.postgresql.util.PSQLException ### SQL: select * from ACT_RU_TASK where NAME_ = 'Robin'\"}")
          .getBytes());
    });
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getContentAsString()).contains("\"type\":\"ServerError\"").contains("logged with reference")
        .doesNotContain("SQL").doesNotContain("ACT_RU_TASK").doesNotContain("Robin");
    assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
  }

  @Test
  void clientErrorsAndSuccessesPassUnchanged() throws Exception {
    MockHttpServletResponse bad = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("POST", "/engine-rest/process-definition/key/x/start"), bad,
        (req, res) -> {
          ((jakarta.servlet.http.HttpServletResponse) res).setStatus(400);
          res.getWriter().write("{\"message\":\"requestReceivedDate must be a real date\"}");
        });
    assertThat(bad.getContentAsString()).contains("requestReceivedDate must be a real date");

    MockHttpServletResponse ok = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/api/cases/X"), ok, (req, res) -> res.getWriter().write("{}"));
    assertThat(ok.getContentAsString()).isEqualTo("{}");
  }
}
