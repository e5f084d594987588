package org.ehcworkflow.quality;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.ehcworkflow.process.EngineClock;
import org.ehcworkflow.process.ReportPeriod;
import org.ehcworkflow.security.Roles;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The "Plan quality" dashboard of Cockpit, the statutory deadlines panel's sibling: the grades of the plans issued
 * in a period, overall, by team, by setting and by month, each figure opening its plans. Its script is
 * {@code plugin-webapp/plan-quality/app/plugin.js}; its figures answer managers (and administrators) only.
 * Registered through {@code META-INF/services}.
 */
public class PlanQualityCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "plan-quality";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(Root.class);
  }

  /** {@code /camunda/api/cockpit/plugin/plan-quality/{engine}/grades}, in Cockpit's signed-in session. */
  @Path("plugin/" + ID)
  public static class Root extends AbstractCockpitPluginRootResource {

    public Root() {
      super(ID);
    }

    @Path("{engineName}/grades")
    public Grades grades(@PathParam("engineName") String engineName) {
      return subResource(new Grades(engineName), engineName);
    }
  }

  public static class Grades extends AbstractCockpitPluginResource {

    public Grades(String engineName) {
      super(engineName);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public QualityReport.Report grades(@QueryParam("from") String from, @QueryParam("to") String to) {
      Authentication user = getCurrentAuthentication();
      List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
      if (user == null || !(groups.contains(Roles.MANAGERS) || isCamundaAdmin(user))) {
        throw new WebApplicationException(Response.status(Response.Status.FORBIDDEN)
            .entity(Map.of("message", "the plan quality dashboard is for managers")).type(MediaType.APPLICATION_JSON)
            .build());
      }
      ProcessEngineConfigurationImpl configuration =
          (ProcessEngineConfigurationImpl) getProcessEngine().getProcessEngineConfiguration();
      try {
        return new QualityReport(new JdbcTemplate(configuration.getDataSource()))
            .report(ReportPeriod.parse(EngineClock.today(), from, to));
      } catch (IllegalArgumentException e) {
        throw new WebApplicationException(Response.status(Response.Status.BAD_REQUEST)
            .entity(Map.of("message", e.getMessage())).type(MediaType.APPLICATION_JSON).build());
      }
    }
  }
}
