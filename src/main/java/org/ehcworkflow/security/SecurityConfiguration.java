package org.ehcworkflow.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.Ordered;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import jakarta.servlet.FilterConfig;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The webapps have their own login; the engine REST API and the project's API ({@code /api}) are not
 * protected by the starters, so both get Camunda's authentication filter with {@link ApiAuthenticationProvider}
 * (HTTP Basic against the engine's users, bearer tokens when single sign-on is configured, and the webapp session
 * for the project's API). Within a request, Camunda's authorizations then apply to the signed-in user and their groups.
 */
@Configuration
@EnableConfigurationProperties({OidcProperties.class, RoleProperties.class})
class SecurityConfiguration {

  private static final int AUTHENTICATION_ORDER = Ordered.LOWEST_PRECEDENCE - 10;

  /** Each endpoint's declared access ({@link Allowed}, {@link AnySignedInUser}, {@link NoAccount}), enforced. */
  @Bean
  WebMvcConfigurer endpointAccess(CurrentUser user) {
    EndpointAccess access = new EndpointAccess(user);
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(access);
      }
    };
  }

  /** A request body with a field its route does not know is refused, naming it ({@link UnreadableInputAnswers}). */
  @Bean
  WebMvcConfigurer strictRequestBodies() {
    return UnreadableInputAnswers.strictRequestBodies();
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthentication(
      @Value("${ehc.security.protected-paths}") List<String> paths, OidcProperties oidc) {
    ApiAuthenticationProvider provider = new ApiAuthenticationProvider(oidc.enabled() ? new OidcBearerTokens(oidc) : null);
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter() {
          @Override
          public void init(FilterConfig config) {
            authenticationProvider = provider;
          }
        });
    registration.setName("ehc-api-authentication");
    registration.setUrlPatterns(paths);
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }

  /** After authentication, so the engine REST API's caller is known. */
  @Bean
  FilterRegistrationBean<EngineRequestGuard> engineRequestGuard(IdentityService identity) {
    FilterRegistrationBean<EngineRequestGuard> registration =
        new FilterRegistrationBean<>(new EngineRequestGuard(identity));
    registration.setName("ehc-engine-request-guard");
    registration.setUrlPatterns(List.of("/engine-rest/*", "/camunda/api/engine/*"));
    registration.setOrder(AUTHENTICATION_ORDER + 5);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ServerErrorAnswers> serverErrorAnswers() {
    FilterRegistrationBean<ServerErrorAnswers> registration = new FilterRegistrationBean<>(new ServerErrorAnswers());
    registration.setName("ehc-server-error-answers");
    registration.setUrlPatterns(List.of("/api/*", "/engine-rest/*"));
    registration.setOrder(Integer.MIN_VALUE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders(@Value("${ehc.security.hsts:false}") boolean hsts) {
    FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders(hsts));
    registration.setName("ehc-security-headers");
    registration.setUrlPatterns(List.of("/api/*", "/engine-rest/*", "/plan-editor.html", "/documents.html", "/register-import.html", "/school-reviews.html", "/respond/*", "/family", "/family/*", "/actuator/*"));
    registration.setOrder(Integer.MIN_VALUE + 10);
    return registration;
  }
}
