package org.ehcworkflow.security;

import java.util.List;
import java.util.Map;

/** The Camunda groups of the service's roles. Candidate groups in the models use these ids. */
public final class Roles {

  private Roles() {
  }

  public static final String COORDINATORS = "coordinators";
  public static final String SEND_PANEL = "sendPanel";
  public static final String MANAGERS = "managers";
  public static final String EDUCATIONAL_PSYCHOLOGISTS = "educationalPsychologists";
  public static final String HEALTH = "health";
  public static final String SOCIAL_CARE = "socialCare";
  public static final String SCHOOLS = "schools";
  /** Camunda's own group of administrators (Admin, the partner directory, onboarding, the subject access export). */
  public static final String ADMINISTRATORS = "camunda-admin";

  /**
   * Groups that work tasks across every case, granted on the process definitions rather than per task:
   * coordinators run cases (and record advice that arrives by post), managers read and reassign.
   */
  public static final List<String> PROCESS_WIDE_TASK_GROUPS = List.of(COORDINATORS, MANAGERS);

  public static final List<String> PARTNERS = List.of(EDUCATIONAL_PSYCHOLOGISTS, HEALTH, SOCIAL_CARE, SCHOOLS);

  /** Groups that see only the tasks they are candidates for: the engine grants them each task. */
  public static final List<String> PER_TASK_GROUPS = PARTNERS;

  /** The process that holds every decision put to the panel, and only those. */
  public static final String PANEL_DECISIONS = "ehc-panel-decision";

  /**
   * Groups whose task rights are on one process definition that holds only their tasks: the panel, on
   * {@link #PANEL_DECISIONS}. They see exactly what a per-task grant would show them, without a grant per task.
   */
  public static final Map<String, String> DEFINITION_TASK_GROUPS = Map.of(SEND_PANEL, PANEL_DECISIONS);

  public static final List<String> ALL = List.of(COORDINATORS, SEND_PANEL, MANAGERS, EDUCATIONAL_PSYCHOLOGISTS, HEALTH,
      SOCIAL_CARE, SCHOOLS);
}
