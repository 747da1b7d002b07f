package app.premia.platform.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error as the client receives it: message, locations, path and {@code extensions} holding our
 * {@code code} (and {@code correlationId} for internal errors) — without graphql-java's own {@code
 * classification}, which is an implementation detail.
 */
record ClientError(
    String message,
    List<SourceLocation> locations,
    List<Object> path,
    Map<String, Object> extensions,
    ErrorClassification errorType)
    implements GraphQLError {

  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public List<SourceLocation> getLocations() {
    return locations;
  }

  @Override
  public List<Object> getPath() {
    return path;
  }

  @Override
  public Map<String, Object> getExtensions() {
    return extensions;
  }

  @Override
  public ErrorClassification getErrorType() {
    return errorType;
  }

  @Override
  public Map<String, Object> toSpecification() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    if (locations != null && !locations.isEmpty()) {
      error.put(
          "locations",
          locations.stream()
              .map(l -> Map.of("line", l.getLine(), "column", l.getColumn()))
              .toList());
    }
    if (path != null && !path.isEmpty()) {
      error.put("path", path);
    }
    error.put("extensions", extensions);
    return error;
  }
}
