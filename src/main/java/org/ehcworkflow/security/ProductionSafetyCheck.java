package org.ehcworkflow.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The production profile refuses to start with demo data switched on or with any user whose password is a default:
 * the user id itself, or one of the well-known passwords. Passwords are compared against their stored hashes
 * directly, so the check never counts as a failed login or locks anyone out.
 */
@Component
@Profile("production")
public class ProductionSafetyCheck {

  static final List<String> DEFAULT_PASSWORDS = List.of("demo", "password", "admin", "camunda", "changeme",
      "Password1", "letmein");

  private final ProcessEngine engine;
  private final boolean demo;
  private final boolean familyCodeOnScreen;

  public ProductionSafetyCheck(ProcessEngine engine, @Value("${ehc.demo.enabled:false}") boolean demo,
      @Value("${ehc.family.show-code-on-screen:false}") boolean familyCodeOnScreen) {
    this.engine = engine;
    this.demo = demo;
    this.familyCodeOnScreen = familyCodeOnScreen;
  }

  @EventListener
  @Order(-100)
  public void onStarted(ApplicationStartedEvent event) {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The production profile refuses to start: " + String.join("; ", problems));
    }
  }

  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (demo) {
      problems.add("ehc.demo.enabled is true (demo users and cases belong to the development setup only)");
    }
    if (familyCodeOnScreen) {
      problems.add("ehc.family.show-code-on-screen is true (a family's sign-in code goes by email only)");
    }
    IdentityService identity = engine.getIdentityService();
    var passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager();
    for (User user : identity.createUserQuery().list()) {
      if (user instanceof UserEntity entity && entity.getPassword() != null) {
        List<String> candidates = new ArrayList<>(DEFAULT_PASSWORDS);
        candidates.add(user.getId());
        for (String candidate : candidates) {
          if (passwords.check(EncryptionUtil.saltPassword(candidate, entity.getSalt()), entity.getPassword())) {
            problems.add("user '" + user.getId() + "' has a default password: change it (Camunda Admin) first");
            break;
          }
        }
      }
    }
    return problems;
  }
}
