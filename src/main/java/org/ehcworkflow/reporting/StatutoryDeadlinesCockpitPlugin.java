package org.ehcworkflow.reporting;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The "Statutory deadlines" dashboard of Cockpit: its script is served from
 * {@code plugin-webapp/statutory-deadlines/app/plugin.js} at
 * {@code /camunda/api/cockpit/plugin/statutory-deadlines/static/app/plugin.js}, its figures by
 * {@link StatutoryDeadlinesResource}. Registered through {@code META-INF/services}.
 */
public class StatutoryDeadlinesCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "statutory-deadlines";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(StatutoryDeadlinesRootResource.class);
  }
}
