package app.premia.platform.graphql;

import app.premia.platform.errors.ErrorCode;
import app.premia.platform.errors.PremiaException;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.InvalidSyntaxError;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.introspection.IntrospectionDisabledError;
import graphql.language.SourceLocation;
import graphql.validation.ValidationError;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives every error that leaves the engine an {@code extensions.code} from {@link ErrorCode}, and
 * makes sure no exception text reaches a client: an unexpected exception is logged with the
 * request's correlation id and answered with a generic message carrying that id.
 */
final class GraphQlErrors implements DataFetcherExceptionHandler {

  static final String INTERNAL_MESSAGE =
      "Internal server error. Quote the correlation id to support.";
  static final String UNAVAILABLE_MESSAGE =
      "The database is unavailable right now. Please try again in a minute.";
  private static final Logger LOG = Logger.getLogger(GraphQlErrors.class.getName());

  @Override
  public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
      DataFetcherExceptionHandlerParameters parameters) {
    Throwable exception = unwrap(parameters.getException());
    List<Object> path = parameters.getPath().toList();
    List<SourceLocation> locations =
        parameters.getSourceLocation() == null
            ? List.of()
            : List.of(parameters.getSourceLocation());
    GraphQLError error;
    if (exception instanceof PremiaException expected) {
      error =
          new ClientError(
              expected.getMessage(),
              locations,
              path,
              Map.of("code", expected.code().name()),
              ErrorType.DataFetchingException);
    } else if (isDatabaseUnavailable(exception)) {
      RequestContext request =
          parameters.getDataFetchingEnvironment().getGraphQlContext().get(RequestContext.class);
      String correlationId = request == null ? "none" : request.correlationId().value();
      // an outage, not a bug: one line, no stack trace; readiness already reports it
      LOG.warning(
          () ->
              "[correlationId="
                  + correlationId
                  + "] Database unavailable while fetching "
                  + parameters.getPath()
                  + ": "
                  + rootMessage(exception));
      Map<String, Object> extensions = new LinkedHashMap<>();
      extensions.put("code", ErrorCode.UNAVAILABLE.name());
      extensions.put("correlationId", correlationId);
      error =
          new ClientError(
              UNAVAILABLE_MESSAGE, locations, path, extensions, ErrorType.DataFetchingException);
    } else {
      RequestContext request =
          parameters.getDataFetchingEnvironment().getGraphQlContext().get(RequestContext.class);
      String correlationId = request == null ? "none" : request.correlationId().value();
      LOG.log(
          Level.SEVERE,
          exception,
          () ->
              "[correlationId="
                  + correlationId
                  + "] Unexpected error while fetching "
                  + parameters.getPath());
      error =
          new ClientError(
              INTERNAL_MESSAGE,
              locations,
              path,
              internal(correlationId),
              ErrorType.DataFetchingException);
    }
    return CompletableFuture.completedFuture(
        DataFetcherExceptionHandlerResult.newResult().error(error).build());
  }

  /**
   * Returns the error a client may see: codes added to graphql-java's own errors (syntax,
   * validation, coercion), and anything unforeseen replaced by a generic internal error.
   */
  static GraphQLError toClientError(GraphQLError error, RequestContext request) {
    if (error instanceof ClientError) {
      return error;
    }
    ErrorCode code = classify(error);
    if (code == ErrorCode.INTERNAL) {
      String correlationId = request.correlationId().value();
      LOG.severe(
          () ->
              "[correlationId=" + correlationId + "] Unexpected GraphQL error: " + describe(error));
      return new ClientError(
          INTERNAL_MESSAGE,
          error.getLocations(),
          error.getPath(),
          internal(correlationId),
          error.getErrorType());
    }
    Map<String, Object> extensions = new LinkedHashMap<>();
    if (error.getExtensions() != null) {
      extensions.putAll(error.getExtensions());
    }
    extensions.put("code", code.name());
    return new ClientError(
        error.getMessage(),
        error.getLocations(),
        error.getPath(),
        extensions,
        error.getErrorType());
  }

  static ErrorCode classify(GraphQLError error) {
    ErrorClassification type = error.getErrorType();
    if (error instanceof InvalidSyntaxError || type == ErrorType.InvalidSyntax) {
      return ErrorCode.BAD_REQUEST;
    }
    if (type == ErrorType.OperationNotSupported) {
      return ErrorCode.BAD_REQUEST;
    }
    if (error instanceof IntrospectionDisabledError) {
      return ErrorCode.FORBIDDEN;
    }
    if (error instanceof ValidationError) {
      return ErrorCode.VALIDATION_FAILED;
    }
    if (type == ErrorType.ValidationError) {
      // graphql-java reports variable values that fail coercion this way
      return ErrorCode.BAD_USER_INPUT;
    }
    return ErrorCode.INTERNAL;
  }

  static Map<String, Object> internal(String correlationId) {
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("code", ErrorCode.INTERNAL.name());
    extensions.put("correlationId", correlationId);
    return extensions;
  }

  private static String describe(GraphQLError error) {
    if (error instanceof ExceptionWhileDataFetching fetching) {
      return fetching.getException().toString();
    }
    return error.getErrorType() + ": " + error.getMessage();
  }

  /**
   * Whether the failure is the database being unreachable (SQLState class 08, or shutting down).
   */
  static boolean isDatabaseUnavailable(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable exception) {
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }

  private static Throwable unwrap(Throwable exception) {
    Throwable current = exception;
    while (current instanceof CompletionException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
