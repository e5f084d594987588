package org.ehcworkflow.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

/**
 * Spring Security's part. Without single sign-on it stands aside: the webapps keep their own login, the REST APIs
 * Camunda's authentication filter. With an OpenID Connect client registration named {@code council}
 * ({@code spring.security.oauth2.client.registration.council.*}), the webapps sign in at the council's provider;
 * Camunda's container-based filter then puts the signed-in user, with the token's groups mapped to Camunda groups
 * ({@code ehc.security.oidc.group-mapping}), into the webapps' session. The REST APIs stay with Camunda's filter,
 * which takes bearer tokens from the same provider.
 */
@Configuration
class WebappSingleSignOn {

  /** Authorities that carry a Camunda group: {@code CAMUNDA_GROUP_coordinators}. */
  static final String GROUP_AUTHORITY = "CAMUNDA_GROUP_";

  @Bean
  SecurityFilterChain webSecurity(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations)
      throws Exception {
    // The webapps have Camunda's own CSRF protection and security headers; the REST APIs Camunda's filter.
    http.csrf(csrf -> csrf.disable()).headers(headers -> headers.disable());
    // Single sign-on to the webapps is the registration 'council'; another (the family's 'family') leaves them alone.
    ClientRegistrationRepository repository = registrations.getIfAvailable();
    if (repository == null || repository.findByRegistrationId("council") == null) {
      return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
          .requestCache(cache -> cache.disable())
          .securityContext(context -> context.disable())
          .sessionManagement(session -> session.disable())
          .build();
    }
    return http
        // Path matchers, not MVC ones: the webapps' REST API is a servlet of its own, outside Spring MVC.
        .securityMatcher(new OrRequestMatcher(antMatcher("/camunda/**"), antMatcher("/oauth2/**"),
            antMatcher("/login/oauth2/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(antMatcher("/camunda/app/**"), antMatcher("/camunda/api/**")).authenticated()
            .anyRequest().permitAll())
        .oauth2Login(login -> login.loginPage("/oauth2/authorization/council")
            .defaultSuccessUrl("/camunda/app/tasklist/default/", false))
        .build();
  }

  /** The token's groups that the mapping knows become Camunda groups; any other group is ignored. */
  @Bean
  GrantedAuthoritiesMapper camundaGroups(OidcProperties oidc) {
    return authorities -> {
      Set<GrantedAuthority> mapped = new HashSet<>(authorities);
      for (GrantedAuthority authority : authorities) {
        if (authority instanceof OidcUserAuthority user) {
          Object claim = user.getIdToken().getClaims().get(oidc.groupsClaim());
          if (claim instanceof Collection<?> groups) {
            groups.stream().map(g -> oidc.groupMapping().get(String.valueOf(g))).filter(g -> g != null && !g.isBlank())
                .forEach(g -> mapped.add(new SimpleGrantedAuthority(GROUP_AUTHORITY + g)));
          }
        }
      }
      return mapped;
    };
  }

  /** Hands the Spring Security sign-in to the webapps' session (Camunda's container-based authentication). */
  @Bean
  @ConditionalOnProperty(prefix = "spring.security.oauth2.client.registration.council", name = "client-id")
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSessionFromSingleSignOn() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("ehc-webapp-single-sign-on");
    registration.addInitParameter("authentication-provider", SpringSecurityUserProvider.class.getName());
    registration.setUrlPatterns(List.of("/camunda/*"));
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }
}
