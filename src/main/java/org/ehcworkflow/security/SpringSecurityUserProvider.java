package org.ehcworkflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/** The user Spring Security signed in with single sign-on, with their mapped Camunda groups, for the webapps. */
public class SpringSecurityUserProvider implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof OAuth2AuthenticationToken token) || !token.isAuthenticated()) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(token.getName());
    result.setGroups(token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(WebappSingleSignOn.GROUP_AUTHORITY))
        .map(a -> a.substring(WebappSingleSignOn.GROUP_AUTHORITY.length())).toList());
    return result;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    // Spring Security sends the browser to the provider's sign-in.
  }
}
