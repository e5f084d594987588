package org.ehcworkflow.partner;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every school or setting in the partner directory has its own Camunda group ({@link SettingGroups}), and so does
 * every team with a code ({@link PartnerTeams}: one of several health trusts, say), kept at every start and whenever
 * the directory changes, so an administrator can put a SENCO in their setting's group, or a practitioner in their
 * trust's (Camunda Admin, or single sign-on's group mapping). The group has no grants of its own: the engine grants it each task
 * the processes give it, and nothing else.
 */
@Component
class SettingGroupsInIdentity {

  private final IdentityService identity;
  private final PartnerDirectory directory;

  SettingGroupsInIdentity(IdentityService identity, PartnerDirectory directory) {
    this.identity = identity;
    this.directory = directory;
  }

  @EventListener
  @Order(1)
  public void onStarted(ApplicationStartedEvent event) {
    directory.all().forEach(this::ensure);
  }

  @EventListener
  public void onSaved(PartnerSaved saved) {
    ensure(saved.partner());
  }

  private void ensure(Partner partner) {
    String id = partner.type().perSetting() ? SettingGroups.groupOf(partner.code()) : PartnerTeams.groupOf(partner.code());
    if (id == null) {
      return;
    }
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identity.newGroup(id);
      group.setType("ORGANISATION");
    } else if (partner.organisationName().equals(group.getName())) {
      return;
    }
    group.setName(partner.organisationName());
    identity.saveGroup(group);
  }
}
