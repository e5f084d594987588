package org.ehcworkflow.needsassessment;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ehcworkflow.partner.PartnerTeams;
import org.ehcworkflow.partner.SettingGroups;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Expressions for the advice multi-instance ({@code ${adviceRequests.of(execution)}} and
 * {@code ${adviceRequests.groups(execution, adviceGiver)}}): the list lives in one string variable, so it needs no
 * serialised Java object in the engine's tables.
 */
public class AdviceRequests {

  public List<String> of(VariableScope scope) {
    String givers = NeedsAssessmentVariables.ADVICE_GIVERS.get(scope);
    if (givers == null || givers.isBlank()) {
      return List.of();
    }
    return Arrays.stream(givers.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private final SettingGroups settings;
  private final PartnerTeams.Groups teams;

  public AdviceRequests(SettingGroups settings, PartnerTeams.Groups teams) {
    this.settings = settings;
    this.teams = teams;
  }

  /**
   * Who answers an advice request: the advice giver's team (where the authority has several teams of the kind,
   * the one the case names); for the school or setting, the case's own setting alone (its group). The coordinators
   * when the case has no setting recorded, or names none of several teams (they record advice received by post, or
   * name the team). Never every school, never every trust.
   */
  public List<String> groups(DelegateExecution execution, String adviceGiver) {
    AdviceGiver giver = AdviceGiver.valueOf(adviceGiver);
    if (giver == AdviceGiver.OTHER) {
      return List.of(giver.group());
    }
    if (giver != AdviceGiver.SCHOOL_OR_SETTING) {
      List<String> team = teams.of(execution.getProcessBusinessKey(), giver.name(), giver.group());
      return team.isEmpty() ? List.of(AdviceGiver.OTHER.group()) : team;
    }
    List<String> setting = settings.ofCase(execution.getProcessBusinessKey());
    return setting.isEmpty() ? List.of(AdviceGiver.OTHER.group()) : setting;
  }
}
