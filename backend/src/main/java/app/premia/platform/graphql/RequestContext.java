package app.premia.platform.graphql;

import app.premia.platform.errors.CorrelationId;
import java.util.Objects;

/**
 * What the engine knows about the request being executed; placed in the {@code GraphQLContext}
 * under this class. Issue #3 adds the authenticated principal and the tenant here.
 */
public record RequestContext(CorrelationId correlationId) {
  public RequestContext {
    Objects.requireNonNull(correlationId, "correlationId");
  }
}
