package app.premia.platform.graphql;

import graphql.ExecutionResult;
import java.util.Collection;
import java.util.Map;

/**
 * Mutation payloads carry business errors as data ({@code errors: [UserError!]!}). A request whose
 * payload reports one must not leave half its work behind: the endpoint rolls the transaction back.
 */
final class GraphQlPayloads {

  private GraphQlPayloads() {}

  /** Whether any mutation payload at the top of the result has a non-empty {@code errors} list. */
  static boolean hasUserErrors(ExecutionResult result) {
    if (!(result.getData() instanceof Map<?, ?> data)) {
      return false;
    }
    for (Object field : data.values()) {
      if (field instanceof Map<?, ?> payload
          && payload.get("errors") instanceof Collection<?> errors
          && !errors.isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
