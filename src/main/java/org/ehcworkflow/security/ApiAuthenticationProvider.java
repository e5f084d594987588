package org.ehcworkflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * Who is calling the engine REST API or the project's API:
 * <ul>
 *   <li>{@code Authorization: Bearer <JWT>} from the council's OpenID Connect provider, when single sign-on is
 *   configured ({@link OidcBearerTokens});</li>
 *   <li>{@code Authorization: Basic} against the engine's users;</li>
 *   <li>for the project's API only ({@code /api/...}), the Tasklist or Cockpit session of a user already signed in to
 *   the webapps, so that links in tasks work in the browser. A session request that changes anything must carry the
 *   session's CSRF token in {@code X-XSRF-TOKEN} (the webapps' own protection).</li>
 * </ul>
 */
public class ApiAuthenticationProvider implements AuthenticationProvider {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();
  private final OidcBearerTokens bearerTokens;

  /** @param bearerTokens the OpenID Connect token check, or null when single sign-on is off */
  public ApiAuthenticationProvider(OidcBearerTokens bearerTokens) {
    this.bearerTokens = bearerTokens;
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      if (bearerTokens == null) {
        return AuthenticationResult.unsuccessful();
      }
      return bearerTokens.verify(authorization.substring(7).trim()).map(user -> {
        AuthenticationResult result = AuthenticationResult.successful(user.userId());
        result.setGroups(user.groups());
        return result;
      }).orElseGet(AuthenticationResult::unsuccessful);
    }
    if (authorization != null || !isProjectApi(request)) {
      return basic.extractAuthenticatedUser(request, engine);
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return AuthenticationResult.unsuccessful();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null || !(authentications.getAuthenticationForProcessEngine(engine.getName())
        instanceof UserAuthentication user)) {
      return AuthenticationResult.unsuccessful();
    }
    if (!SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request, session)) {
      return AuthenticationResult.unsuccessful(user.getIdentityId());
    }
    AuthenticationResult result = AuthenticationResult.successful(user.getIdentityId());
    result.setGroups(user.getGroupIds());
    result.setTenants(user.getTenantIds());
    return result;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    basic.augmentResponseByAuthenticationChallenge(response, engine);
  }

  private static boolean isProjectApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
    Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    return expected != null && given != null && MessageDigest.isEqual(
        expected.toString().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /** The session's CSRF token, for pages of this application that change data through the API. */
  public static String csrfToken(HttpSession session) {
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return token == null ? null : token.toString();
  }
}
