package app.premia.platform.graphql;

import java.util.Map;
import java.util.Objects;

/**
 * One GraphQL-over-HTTP request: the document, the operation to run, and its variables.
 *
 * @param query the GraphQL document
 * @param operationName which operation of the document to run; null when it has only one
 * @param variables variable values, already converted from JSON to Java values
 */
public record GraphQlRequest(String query, String operationName, Map<String, Object> variables) {
  public GraphQlRequest {
    Objects.requireNonNull(query, "query");
    variables = variables == null ? Map.of() : variables;
  }
}
