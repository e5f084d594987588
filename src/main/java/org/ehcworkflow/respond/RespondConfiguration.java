package org.ehcworkflow.respond;

import java.time.Instant;
import java.time.Period;
import org.camunda.bpm.engine.TaskService;
import org.ehcworkflow.annualreview.SchoolReviewTray;
import org.ehcworkflow.audit.AuditTrail;
import org.ehcworkflow.notification.Notifications;
import org.ehcworkflow.document.Documents;
import org.ehcworkflow.partner.Partner;
import org.ehcworkflow.partner.PartnerDirectory;
import org.ehcworkflow.partner.SettingGroups;
import org.ehcworkflow.steps.SendNoticeDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class RespondConfiguration {

  @Bean
  ResponseLinks responseLinks(JdbcTemplate jdbc) {
    return new ResponseLinks(jdbc);
  }

  /**
   * The link an advice request, a consultation or a review-report request carries: {@code ehc.respond.base-url}/respond/{token}, working until the end of its
   * deadline plus {@code ehc.respond.grace} (14 days: late advice is still advice, and is recorded as late).
   */
  @Bean
  LinkExpiry linkExpiry(@Value("${ehc.respond.grace:P14D}") Period grace) {
    return new LinkExpiry(grace);
  }

  @Bean
  SendNoticeDelegate.LinkIssuer responseLinkIssuer(ResponseLinks links, SettingGroups settings, LinkExpiry expiry,
      @Value("${ehc.respond.base-url:http://localhost:8080}") String baseUrl) {
    return (asked, execution, due) -> {
      java.time.LocalDate lastDay = expiry.lastDay(due);
      Instant expires = expiry.expiresAt(due);
      Asked what = Asked.valueOf(asked);
      // A review report is the case's own setting's to send: the link names that setting.
      Object scope = what.scopeVariable() == null
          ? settings.currentSetting(execution.getProcessBusinessKey()).orElse(null)
          : execution.getVariable(what.scopeVariable());
      String token = links.issue(asked, execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
          scope == null ? null : scope.toString(), expires);
      return new SendNoticeDelegate.LinkIssuer.Link(baseUrl.replaceAll("/+$", "") + "/respond/" + token, lastDay);
    };
  }

  /**
   * A school's review tray by a link sent to its address: working for {@code ehc.respond.school-tray.lifetime}
   * (7 days), at most {@code per-hour} (3) sent to one school in an hour.
   */
  @Bean
  SchoolTrayByLink schoolTrayByLink(ResponseLinks links, PartnerDirectory partners, SettingGroups settings,
      SchoolReviewTray tray, TaskService tasks, Notifications notifications, AuditTrail audit, LinkExpiry expiry,
      @Value("${ehc.respond.base-url:http://localhost:8080}") String baseUrl,
      @Value("${ehc.respond.school-tray.lifetime:P7D}") java.time.Duration lifetime,
      @Value("${ehc.respond.school-tray.per-hour:3}") int perHour) {
    return new SchoolTrayByLink(links, partners, settings, tray, tasks, notifications, audit, expiry, baseUrl,
        lifetime, perHour);
  }

  @Bean
  RequestsByLink requestsByLink(ResponseLinks links, TaskService tasks, Documents documents, AuditTrail audit,
      PartnerDirectory partners) {
    return new RequestsByLink(links, tasks, documents, audit, code -> partners.setting(code)
        .map(Partner::organisationName).orElse("the school or college"));
  }
}
