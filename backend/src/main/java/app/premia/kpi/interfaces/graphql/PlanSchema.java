package app.premia.kpi.interfaces.graphql;

import app.premia.platform.graphql.SchemaContribution;
import graphql.schema.idl.RuntimeWiring;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Contributes {@code plans.graphqls}. Its fields are wired by {@link KpiSchema}, which shares the
 * per-request state and data loaders with the KPI fields (plans show actuals and attainment).
 */
@ApplicationScoped
public class PlanSchema implements SchemaContribution {

  @Override
  public String sdlResource() {
    return "graphql/plans.graphqls";
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {}
}
