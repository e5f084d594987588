package org.ehcworkflow.notification;

import org.ehcworkflow.partner.PartnerTeams;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A case's notices to a partner type that failed because the authority has several teams of it and the case named
 * none go again once the case names its team, now to that team's address alone.
 */
@Component
class FailedNoticesOnTeamNamed {

  private final NotificationDispatcher dispatcher;

  FailedNoticesOnTeamNamed(NotificationDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @EventListener
  public void onNamed(PartnerTeams.TeamNamed named) {
    dispatcher.retryFailed(named.caseReference(), Recipient.Kind.PARTNER, named.type().name());
  }
}
