package org.ehcworkflow.reporting;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.security.Roles;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's figures, for managers (and administrators) only: any other signed-in user gets 403. The period
 * defaults to the calendar year so far ({@link TimelinessReport#report(LocalDate, String, String)}).
 */
public class StatutoryDeadlinesResource extends AbstractCockpitPluginResource {

  public StatutoryDeadlinesResource(String engineName) {
    super(engineName);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public TimelinessReport.Report timeliness(@QueryParam("from") String from, @QueryParam("to") String to) {
    Authentication user = getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (user == null || !(groups.contains(Roles.MANAGERS) || isCamundaAdmin(user))) {
      throw new WebApplicationException(Response.status(Response.Status.FORBIDDEN)
          .entity("{\"message\":\"the statutory deadlines dashboard is for managers\"}")
          .type(MediaType.APPLICATION_JSON).build());
    }
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) getProcessEngine().getProcessEngineConfiguration();
    try {
      return new TimelinessReport(new JdbcTemplate(configuration.getDataSource())).report(EngineClock.today(), from, to);
    } catch (IllegalArgumentException e) {
      throw new WebApplicationException(Response.status(Response.Status.BAD_REQUEST)
          .entity(java.util.Map.of("message", e.getMessage())).type(MediaType.APPLICATION_JSON).build());
    }
  }
}
