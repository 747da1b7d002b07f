package app.premia.compensation.interfaces.graphql;

import static app.premia.compensation.application.PayrollFixture.APRIL;

import app.premia.compensation.application.PayrollFixture;
import app.premia.kpi.application.KpiFeedService;
import app.premia.platform.config.RuntimeProfile;
import app.premia.platform.errors.CorrelationId;
import app.premia.platform.graphql.GraphQlEngine;
import app.premia.platform.graphql.GraphQlRequest;
import app.premia.platform.graphql.RequestContext;
import app.premia.platform.graphql.SchemaContribution;
import app.premia.tenancy.api.TenantAccess;
import app.premia.tenancy.api.TenantAccess.CompensationCaller;
import graphql.ExecutionResult;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The real GraphQL engine over the compensation schemas against the real PostgreSQL of a {@link
 * PayrollFixture}, for the GraphQL ITs: each request runs as a given caller on its own connection
 * in the tenant, committed unless it answered errors (top-level or a payload's), as {@code
 * /graphql} does.
 */
final class CompensationGraphQl {

  private final PayrollFixture fixture;
  private final ThreadLocal<Connection> connection = new ThreadLocal<>();
  private final ThreadLocal<CompensationCaller> caller = new ThreadLocal<>();
  private final TenantAccess access =
      proxy(TenantAccess.class, "compensationCaller", a -> caller.get());
  private final EntityManager em = proxy(EntityManager.class, "unwrap", a -> connection.get());
  private final KpiFeedService feed = new KpiFeedService();
  private GraphQlEngine engine;

  CompensationGraphQl(PayrollFixture fixture) {
    this.fixture = fixture;
  }

  /** A proxy that answers one method and refuses every other. */
  @SuppressWarnings("unchecked")
  static <T> T proxy(Class<?> type, String method, Function<Object[], Object> answer) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, m, args) -> {
              if (m.getName().equals(method)) {
                return answer.apply(args);
              }
              throw new UnsupportedOperationException(m.getName());
            });
  }

  /** The schema with the harness's caller, connection, clock (10 April 2026) and KPI feed. */
  <S> S wired(S schema) throws Exception {
    CompensationPreviewGraphQlIT.inject(schema, "access", access);
    CompensationPreviewGraphQlIT.inject(schema, "em", em);
    CompensationPreviewGraphQlIT.inject(schema, "clock", APRIL);
    CompensationPreviewGraphQlIT.inject(schema, "feed", feed);
    return schema;
  }

  void engine(List<SchemaContribution> schemas) {
    engine = new GraphQlEngine(schemas, RuntimeProfile.TEST);
  }

  /** One request: its own transaction, committed unless it answered errors. */
  ExecutionResult as(CompensationCaller who, String query, Map<String, Object> variables)
      throws SQLException {
    try (Connection c = fixture.tenantConnection()) {
      connection.set(c);
      caller.set(who);
      try {
        ExecutionResult result =
            engine.execute(
                new GraphQlRequest(query, null, variables),
                new RequestContext(CorrelationId.generate()));
        if (result.getErrors().isEmpty() && !PayoutGraphQlIT.userErrors(result)) {
          c.commit();
        } else {
          c.rollback();
        }
        return result;
      } finally {
        connection.remove();
        caller.remove();
      }
    }
  }
}
