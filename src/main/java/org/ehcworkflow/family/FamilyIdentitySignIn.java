package org.ehcworkflow.family;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The family signs in at an OpenID Connect provider instead of with an emailed code: GOV.UK One Login or the
 * council's citizen account, configured as the client registration {@code family}
 * ({@code spring.security.oauth2.client.registration.family.*}) with {@code ehc.family.sign-in=oidc}. The family
 * gives the case reference on {@code /family}; the provider proves who they are; the case opens when the email the
 * provider verified is the case's contact email. Nothing else of the provider's session is kept: the family's own
 * {@link FamilySession} is established as after a code, and Spring Security's context is not saved.
 */
@Configuration
@ConditionalOnProperty(prefix = "spring.security.oauth2.client.registration.family", name = "client-id")
class FamilyIdentitySignIn {

  /** The session attribute holding the case reference the family gave before leaving for the provider. */
  static final String PENDING_CASE = "ehc.family.pendingCase";
  static final String START = "/oauth2/authorization/family";

  @Bean
  @Order(1)
  SecurityFilterChain familyIdentity(HttpSecurity http, FamilyActions actions) throws Exception {
    return http.securityMatcher(new OrRequestMatcher(antMatcher(START), antMatcher("/login/oauth2/code/family")))
        .csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .securityContext(context -> context.requireExplicitSave(true))
        .oauth2Login(login -> login
            .successHandler((request, response, authentication) -> {
              String reference = pendingCase(request);
              OidcUser user = (OidcUser) authentication.getPrincipal();
              if (reference != null && actions.identityMatches(reference, user.getEmail(),
                  Boolean.TRUE.equals(user.getEmailVerified()), "oidc")) {
                FamilySession.establish(request, reference, "oidc");
                response.sendRedirect("/family/case");
              } else {
                response.sendRedirect("/family?sign-in=unmatched");
              }
            })
            .failureHandler((request, response, failure) -> response.sendRedirect("/family?sign-in=failed")))
        .build();
  }

  private static String pendingCase(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || session.getAttribute(PENDING_CASE) == null) {
      return null;
    }
    String reference = session.getAttribute(PENDING_CASE).toString();
    session.removeAttribute(PENDING_CASE);
    return reference;
  }
}
