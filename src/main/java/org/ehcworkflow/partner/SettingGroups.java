package org.ehcworkflow.partner;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each school or setting's own Camunda group, {@code setting<URN>} (Camunda ids are letters and digits only, so any
 * other character of the code is left out): a task meant for a setting (its advice, its
 * review report, its answer to a consultation) goes to that setting's group alone, so a SENCO sees only their own
 * children. Staff of a setting are members of the role group {@code schools} (Tasklist) and of their setting's
 * group. Used by the models as {@code ${settingGroups.ofCase(execution.processBusinessKey)}} and
 * {@code ${settingGroups.of(requestedSetting)}}.
 */
public class SettingGroups {

  public static final String PREFIX = "setting";

  private final Function<String, Optional<String>> currentSetting;

  /** @param currentSetting the code of a case's setting: the one its plan names, else the one it opened with */
  public SettingGroups(Function<String, Optional<String>> currentSetting) {
    this.currentSetting = currentSetting;
  }

  /** The group of the setting with this code, or null for no code. */
  public static String groupOf(String code) {
    return code == null || code.isBlank() ? null : PREFIX + code.trim().replaceAll("[^A-Za-z0-9]", "");
  }

  /** The code of the case's current setting: the one its plan names, else the one it opened with. */
  public Optional<String> currentSetting(String caseReference) {
    return currentSetting.apply(caseReference);
  }

  /** The group of the case's current setting; none when the case has no setting recorded. */
  public List<String> ofCase(String caseReference) {
    return currentSetting.apply(caseReference).map(SettingGroups::groupOf).map(List::of).orElse(List.of());
  }

  /** The group of the setting with this code; none for no code. */
  public List<String> of(Object code) {
    String group = groupOf(code == null ? null : code.toString());
    return group == null ? List.of() : List.of(group);
  }
}
