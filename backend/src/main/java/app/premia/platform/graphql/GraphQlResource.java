package app.premia.platform.graphql;

import app.premia.platform.errors.CorrelationId;
import app.premia.platform.errors.ErrorCode;
import app.premia.platform.web.RequestIdFilter;
import graphql.ExecutionResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /graphql} following GraphQL over HTTP: JSON bodies only; {@code
 * application/graphql-response+json} answers with 400 when the request fails before execution
 * (syntax, validation, variables) and 200 otherwise; legacy {@code application/json} answers 200
 * for every well-formed request.
 */
@Path("")
@RequestScoped
public class GraphQlResource {

  static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
  private static final Logger LOG = Logger.getLogger(GraphQlResource.class.getName());

  @Inject GraphQlEngine engine;

  @Context HttpServletRequest servletRequest;

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response post(
      String body,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    CorrelationId correlationId = RequestIdFilter.correlationId(servletRequest);
    String responseType = GraphQlMediaTypes.responseType(accept);
    if (responseType == null) {
      return error(
          406,
          GRAPHQL_RESPONSE,
          "Accept application/graphql-response+json or application/json.",
          ErrorCode.BAD_REQUEST);
    }
    if (!GraphQlMediaTypes.isJson(contentType)) {
      return error(
          415,
          responseType,
          "Send the request as Content-Type: application/json.",
          ErrorCode.BAD_REQUEST);
    }
    try {
      GraphQlRequest request = GraphQlJson.parseRequest(body);
      ExecutionResult result = engine.execute(request, new RequestContext(correlationId));
      int status = GRAPHQL_RESPONSE.equals(responseType) && !result.isDataPresent() ? 400 : 200;
      return json(status, responseType, result.toSpecification());
    } catch (GraphQlHttpException e) {
      return error(e.status(), responseType, e.getMessage(), e.code());
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE, e, () -> "[correlationId=" + correlationId + "] GraphQL request failed");
      Map<String, Object> extensions = GraphQlErrors.internal(correlationId.value());
      return json(
          500,
          responseType,
          Map.of(
              "errors",
              List.of(
                  Map.of("message", GraphQlErrors.INTERNAL_MESSAGE, "extensions", extensions))));
    }
  }

  private static Response error(int status, String type, String message, ErrorCode code) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("extensions", Map.of("code", code.name()));
    return json(status, type, Map.of("errors", List.of(error)));
  }

  private static Response json(int status, String type, Map<String, Object> body) {
    return Response.status(status)
        .type(type + ";charset=utf-8")
        .entity(GraphQlJson.write(body))
        .build();
  }
}
