package app.premia.kpi.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** KPI endpoints that are files rather than GraphQL: the plan template. */
@ApplicationPath("api/kpi")
public class KpiRestApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(PlanTemplateResource.class);
  }
}
