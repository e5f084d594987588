package org.ehcworkflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Partners (a team, a setting's SENCO: signed in, in no staff group) use the engine's APIs for their tasks only:
 * on the engine REST API only {@link #PARTNER_ROUTES}, and on the webapps' engine API nothing of the engine's
 * operation ({@link #NOT_FOR_PARTNERS}: jobs, metrics, statistics, cleanup, ...); anything else is 403.
 *
 * <p>Keeps the engine's escape hatches for administrators. Skipping listeners or input/output mappings
 * ({@code skipCustomListeners}, {@code skipIoMappings}), or starting a process part-way ({@code startInstructions}),
 * bypasses the checks that open a case, the deadlines it computes and the deadline ledger: anyone else gets 403
 * naming the field. A serialized Java object variable is refused with 400 for everyone but administrators (the engine
 * refuses it for them too). Guards the engine REST API and the webapps' own engine API alike; nothing reaches the
 * engine from a refused request.
 */
class EngineRequestGuard extends OncePerRequestFilter {

  private static final List<String> SKIP_FLAGS = List.of("skipCustomListeners", "skipIoMappings");
  private static final String JAVA_SERIALIZED = "application/x-java-serialized-object";

  private final IdentityService identity;
  private final ObjectMapper json = new ObjectMapper();

  EngineRequestGuard(IdentityService identity) {
    this.identity = identity;
  }

  /** Groups that work for the council; anyone in none of them (but in a partner group) is a partner. */
  private static final Set<String> STAFF =
      Set.of(Roles.COORDINATORS, Roles.SEND_PANEL, Roles.MANAGERS, Roles.ADMINISTRATORS);
  /** What a partner may use of the engine REST API: their tasks and what Tasklist needs to show them. */
  private static final List<String> PARTNER_ROUTES = List.of("/task", "/filter", "/identity", "/user/", "/version");
  /** What a partner may never use of the webapps' engine API: the engine's operation and its figures. */
  private static final List<String> NOT_FOR_PARTNERS = List.of("/job", "/job-definition", "/history/job-log",
      "/metrics", "/history/cleanup", "/batch", "/incident", "/authorization", "/external-task", "/migration",
      "/modification", "/history/incident", "/history/batch", "/telemetry", "/schema/log");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String route = route(request);
    if (route != null && partner(request) && !partnerMay(request.getRequestURI().startsWith(request.getContextPath()
        + "/engine-rest"), route)) {
      refuse(response, 403, route + " is for the council's staff: partners work their own tasks only");
      return;
    }
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
        || "OPTIONS".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    for (String flag : SKIP_FLAGS) {
      if (inQuery(request.getQueryString(), flag) && !administrator(request)) {
        refuse(response, 403, flag + " is for administrators only: it bypasses the case's checks and deadlines");
        return;
      }
    }
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    Optional<String> problem = problem(body);
    if (problem.isPresent() && !administrator(request)) {
      refuse(response, problem.get().startsWith("variable") ? 400 : 403, problem.get());
      return;
    }
    chain.doFilter(new Replayed(request, body), response);
  }

  /** Read from the query string itself, so that a form body is never consumed here. */
  static boolean inQuery(String query, String flag) {
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(flag) && pair.substring(eq + 1).equalsIgnoreCase("true")) {
        return true;
      }
    }
    return false;
  }

  /** What in a JSON body only an administrator may send, if anything. */
  Optional<String> problem(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException notJson) {
      return Optional.empty(); // the engine answers malformed JSON with its own 400
    }
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    for (String flag : SKIP_FLAGS) {
      if (root.path(flag).asBoolean(false)) {
        return Optional.of(flag + " is for administrators only: it bypasses the case's checks and deadlines");
      }
    }
    JsonNode instructions = root.path("startInstructions");
    if (instructions.isArray() && !instructions.isEmpty()) {
      return Optional.of("startInstructions is for administrators only: a process started part-way skips the "
          + "checks and deadlines of its start");
    }
    return serializedJava(root, null);
  }

  private static Optional<String> serializedJava(JsonNode node, String name) {
    if (node.isObject()) {
      if (JAVA_SERIALIZED.equals(node.path("valueInfo").path("serializationDataFormat").asText(null))) {
        return Optional.of("variable " + (name == null ? "" : name + " ") + "is a serialized Java object: send "
            + "values as JSON, String, number, boolean or date variables");
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        Optional<String> found = serializedJava(field.getValue(), field.getKey());
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        Optional<String> found = serializedJava(item, name);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** The engine resource asked for, after {@code /engine-rest} or the webapps' {@code /engine/<name>}. */
  static String route(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/engine-rest")) {
      String rest = path.substring("/engine-rest".length());
      return rest.startsWith("/engine/") ? rest.replaceFirst("^/engine/[^/]+", "") : rest;
    }
    if (path.startsWith("/camunda/api/engine/engine/")) {
      return path.substring("/camunda/api/engine/engine/".length()).replaceFirst("^[^/]+", "");
    }
    return null;
  }

  static boolean partnerMay(boolean engineRest, String route) {
    String normalised = route.isEmpty() ? "/" : route;
    if (engineRest) {
      return PARTNER_ROUTES.stream().anyMatch(allowed -> normalised.equals(allowed) || normalised.startsWith(
          allowed.endsWith("/") ? allowed : allowed + "/") || normalised.startsWith(allowed + "?"));
    }
    return NOT_FOR_PARTNERS.stream().noneMatch(denied -> normalised.equals(denied)
        || normalised.startsWith(denied + "/")) && !normalised.contains("/statistics");
  }

  /** The caller's groups, by the engine REST API's authentication or by the webapps' session. */
  private List<String> groups(HttpServletRequest request) {
    Authentication current = identity.getCurrentAuthentication();
    if (current != null && current.getGroupIds() != null) {
      return current.getGroupIds();
    }
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return List.of();
    }
    return authentications.getAuthentications().stream()
        .filter(UserAuthentication.class::isInstance).map(UserAuthentication.class::cast)
        .filter(user -> user.getGroupIds() != null).flatMap(user -> user.getGroupIds().stream()).toList();
  }

  private boolean administrator(HttpServletRequest request) {
    return groups(request).contains(Roles.ADMINISTRATORS);
  }

  /** Signed in, and in no staff group: a partner (a team, or a setting's SENCO). */
  private boolean partner(HttpServletRequest request) {
    List<String> groups = groups(request);
    return !groups.isEmpty() && groups.stream().noneMatch(STAFF::contains);
  }

  private void refuse(HttpServletResponse response, int status, String message) throws IOException {
    byte[] answer = json.writeValueAsBytes(Map.of("type", status == 403 ? "AuthorizationException"
        : "InvalidRequestException", "message", message));
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(answer.length);
    response.getOutputStream().write(answer);
  }

  /** The request with its body read once here and again by the engine. */
  private static final class Replayed extends HttpServletRequestWrapper {
    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("read synchronously");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
