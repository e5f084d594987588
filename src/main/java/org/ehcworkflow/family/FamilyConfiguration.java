package org.ehcworkflow.family;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.ehcworkflow.calendar.StatutoryCalendar;
import org.ehcworkflow.casefile.CaseFile;
import org.ehcworkflow.audit.AuditTrail;
import org.ehcworkflow.document.Documents;
import org.ehcworkflow.needsassessment.Caseload;
import org.ehcworkflow.notification.Notifications;
import org.ehcworkflow.partner.PartnerDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The family's pages, on unless {@code ehc.family.enabled=false}. */
@Configuration
@EnableConfigurationProperties(FamilyProperties.class)
@ConditionalOnProperty(name = "ehc.family.enabled", havingValue = "true", matchIfMissing = true)
class FamilyConfiguration {

  @Bean
  SignInCodes signInCodes(JdbcTemplate jdbc, FamilyProperties properties,
      org.springframework.core.env.Environment environment) {
    // Checked at start: a sign-in the family could not finish is worse than none.
    if (!java.util.List.of("email-code", "oidc").contains(properties.signIn())) {
      throw new IllegalStateException("ehc.family.sign-in must be email-code or oidc, not " + properties.signIn());
    }
    if ("oidc".equals(properties.signIn())
        && environment.getProperty("spring.security.oauth2.client.registration.family.client-id") == null) {
      throw new IllegalStateException("ehc.family.sign-in=oidc needs the OpenID Connect client registration "
          + "spring.security.oauth2.client.registration.family (client-id, client-secret, scope openid,email) and "
          + "spring.security.oauth2.client.provider.family.issuer-uri");
    }
    return new SignInCodes(jdbc, properties.codeLifetime(), properties.maxAttempts(), properties.codesPerWindow(),
        properties.window());
  }

  @Bean
  FamilyCase familyCase(JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks, CaseFile caseFile,
      Documents documents, Caseload caseload, StatutoryCalendar calendar,
      org.ehcworkflow.notification.AddressBook addresses) {
    return new FamilyCase(jdbc, runtime, tasks, caseFile, documents, caseload, calendar, addresses);
  }

  @Bean
  FamilyActions familyActions(FamilyCase cases, SignInCodes codes, TaskService tasks, CaseFile caseFile,
      Notifications notifications, AuditTrail audit, Caseload caseload, PartnerDirectory partners,
      org.ehcworkflow.document.PlanContent plans) {
    return new FamilyActions(cases, codes, tasks, caseFile, notifications, audit, caseload,
        partners::hasActiveSetting, plans);
  }
}
