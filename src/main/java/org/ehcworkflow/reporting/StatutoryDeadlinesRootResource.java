package org.ehcworkflow.reporting;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** {@code /camunda/api/cockpit/plugin/statutory-deadlines/{engine}/timeliness}, in Cockpit's signed-in session. */
@Path("plugin/" + StatutoryDeadlinesCockpitPlugin.ID)
public class StatutoryDeadlinesRootResource extends AbstractCockpitPluginRootResource {

  public StatutoryDeadlinesRootResource() {
    super(StatutoryDeadlinesCockpitPlugin.ID);
  }

  @Path("{engineName}/timeliness")
  public StatutoryDeadlinesResource timeliness(@PathParam("engineName") String engineName) {
    return subResource(new StatutoryDeadlinesResource(engineName), engineName);
  }
}
