package app.premia.crm.interfaces.graphql;

import app.premia.crm.application.PortalConnections;
import app.premia.crm.application.Views;
import app.premia.crm.domain.SyncMode;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.graphql.RequestContext;
import app.premia.platform.graphql.SchemaContribution;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Contributes {@code crm.graphqls}: the tenant's Bitrix24 connection and sync progress. */
@ApplicationScoped
public class CrmSchema implements SchemaContribution {

  @Inject PortalConnections connections;

  @Override
  public String sdlResource() {
    return "graphql/crm.graphqls";
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        type ->
            type.dataFetcher(
                    "portalConnection", env -> sql(() -> connections.connection().orElse(null)))
                .dataFetcher("syncStatus", env -> sql(connections::status))
                .dataFetcher(
                    "quarantinedRows",
                    env -> {
                      Integer first = env.getArgument("first");
                      return sql(() -> connections.quarantine(first == null ? 50 : first));
                    }));
    wiring.type(
        "PortalConnection", type -> type.dataFetcher("sync", env -> sql(connections::status)));
    wiring.type(
        "Mutation",
        type ->
            type.dataFetcher("testPortalConnection", this::test)
                .dataFetcher("connectPortal", this::connect)
                .dataFetcher("startPortalInstall", this::startInstall)
                .dataFetcher("configurePortal", this::configure)
                .dataFetcher(
                    "syncPortal",
                    env -> {
                      Map<String, Object> input = env.getArgument("input");
                      SyncMode mode = SyncMode.valueOf((String) input.get("mode"));
                      return payload("portalConnection", () -> connections.syncNow(mode));
                    })
                .dataFetcher(
                    "disconnectPortal",
                    env ->
                        payload(
                            "portalConnection", () -> connections.disconnect(correlationId(env)))));
  }

  private Map<String, Object> test(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    return payload("probe", () -> connections.test((String) input.get("webhookUrl")));
  }

  private Map<String, Object> connect(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    return payload(
        "portalConnection",
        () ->
            connections.connect(
                (String) input.get("webhookUrl"),
                ints(input.get("pipelineIds")),
                (String) input.get("npsField"),
                correlationId(env)));
  }

  private Map<String, Object> startInstall(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    return payload(
        "installUrl",
        () ->
            connections.startInstall(
                (String) input.get("clientId"),
                (String) input.get("clientSecret"),
                ints(input.get("pipelineIds")),
                (String) input.get("npsField")));
  }

  private Map<String, Object> configure(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    return payload(
        "portalConnection",
        () ->
            connections.configure(
                ints(input.get("pipelineIds")),
                (String) input.get("npsField"),
                limits(input.get("limits")),
                Boolean.TRUE.equals(input.get("cloudLimits")),
                correlationId(env)));
  }

  @SuppressWarnings("unchecked")
  private static Views.LimitsView limits(Object value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> limits = (Map<String, Object>) value;
    return new Views.LimitsView(
        ((Number) limits.get("requestsPerSecond")).doubleValue(),
        ((Number) limits.get("burst")).intValue(),
        ((Number) limits.get("operatingSeconds")).doubleValue(),
        true);
  }

  @SuppressWarnings("unchecked")
  private static List<Integer> ints(Object value) {
    return value == null ? null : (List<Integer>) value;
  }

  @FunctionalInterface
  interface SqlSupplier<T> {
    T get() throws SQLException;
  }

  private static <T> T sql(SqlSupplier<T> work) {
    try {
      return work.get();
    } catch (SQLException e) {
      throw new IllegalStateException("Database error: " + e.getSQLState(), e);
    }
  }

  private static Map<String, Object> payload(String field, SqlSupplier<Object> work) {
    Map<String, Object> payload = new LinkedHashMap<>();
    try {
      payload.put(field, sql(work));
      payload.put("errors", List.of());
    } catch (BusinessRuleException e) {
      payload.put(field, null);
      payload.put("errors", e.errors());
    }
    return payload;
  }

  private static String correlationId(DataFetchingEnvironment env) {
    RequestContext request = env.getGraphQlContext().get(RequestContext.class);
    return request.correlationId().value();
  }
}
