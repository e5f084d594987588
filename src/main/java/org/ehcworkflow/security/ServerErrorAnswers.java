package org.ehcworkflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Server errors of the REST APIs say only that something failed, with a reference to the log: the engine REST API
 * would otherwise answer a database failure with the SQL statement and the database's message. Client errors
 * (4xx) pass unchanged, since their messages name what the caller must correct.
 */
class ServerErrorAnswers extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ServerErrorAnswers.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Guarded guarded = new Guarded(response);
    chain.doFilter(request, guarded);
    if (guarded.status >= 500 && !response.isCommitted()) {
      String reference = UUID.randomUUID().toString();
      LOG.error("Server error {} on {} {} answered without details (reference {})", guarded.status,
          request.getMethod(), request.getRequestURI(), reference);
      byte[] body = ("{\"type\":\"ServerError\",\"message\":\"The request could not be completed; "
          + "the error is logged with reference " + reference + ".\"}").getBytes(StandardCharsets.UTF_8);
      response.resetBuffer();
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      // The held answer had declared its own length: the reference's answer declares its own, or clients wait
      // for bytes that never come.
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      response.flushBuffer();
    }
  }

  /** Holds back the body of a server error, passes every other answer straight through. */
  static final class Guarded extends HttpServletResponseWrapper {
    int status = 200;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();

    Guarded(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int status) {
      this.status = status;
      super.setStatus(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      this.status = status;
      super.sendError(status);
    }

    @Override
    public void sendError(int status) throws IOException {
      this.status = status;
      super.sendError(status);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (status < 500) {
        return super.getOutputStream();
      }
      return new ServletOutputStream() {
        @Override
        public void write(int b) {
          held.write(b);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          // written synchronously
        }
      };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (status < 500) {
        return super.getWriter();
      }
      return new PrintWriter(new OutputStreamWriter(held, StandardCharsets.UTF_8), true);
    }

    @Override
    public void flushBuffer() throws IOException {
      if (status < 500) {
        super.flushBuffer();
      }
    }
  }
}
