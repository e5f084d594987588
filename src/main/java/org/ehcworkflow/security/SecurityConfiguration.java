package org.ehcworkflow.security;

import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webapps have their own login; the engine REST API and the project's API ({@code /api}) are not
 * protected by the starters, so both get Camunda's authentication filter (HTTP Basic against the engine's
 * users). Within a request, Camunda's authorizations then apply to the signed-in user and their groups.
 */
@Configuration
class SecurityConfiguration {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthentication(
      @Value("${ehc.security.protected-paths}") List<String> paths) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("ehc-api-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SessionOrBasicAuthenticationProvider.class.getName());
    registration.setUrlPatterns(paths);
    return registration;
  }
}
