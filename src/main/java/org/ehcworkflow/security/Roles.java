package org.ehcworkflow.security;

import java.util.List;
import java.util.stream.Stream;

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
  public static final List<String> PER_TASK_GROUPS = Stream.concat(Stream.of(SEND_PANEL), PARTNERS.stream()).toList();

  public static final List<String> ALL = List.of(COORDINATORS, SEND_PANEL, MANAGERS, EDUCATIONAL_PSYCHOLOGISTS, HEALTH,
      SOCIAL_CARE, SCHOOLS);
}
