package app.premia.platform.graphql;

import app.premia.platform.errors.CorrelationId;
import app.premia.platform.errors.ErrorCode;
import app.premia.platform.persistence.Transactions;
import app.premia.platform.security.IdentityResolver;
import app.premia.platform.security.IdentityScope;
import app.premia.platform.security.RequestIdentity;
import app.premia.platform.web.RequestIdFilter;
import graphql.ExecutionResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
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

  /** Name of the session cookie; see {@link IdentityResolver}. */
  public static final String SESSION_COOKIE = "premia_session";

  @Inject GraphQlEngine engine;
  @Inject Transactions transactions;
  @Inject Instance<IdentityResolver> identityResolver;

  @Context HttpServletRequest servletRequest;

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response post(
      String body,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
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
      RequestContext context = new RequestContext(correlationId, servletRequest.isSecure());
      RequestIdentity identity = resolveIdentity();
      // One request = one transaction, run for the identity its session proves: the tenant is set
      // from it (twice) when the transaction first touches the database.
      ExecutionResult result =
          RequestLanguage.runIn(
              RequestLanguage.fromHeader(acceptLanguage),
              () ->
                  IdentityScope.runAs(
                      identity,
                      () ->
                          transactions.required(
                              () -> {
                                ExecutionResult executed = engine.execute(request, context);
                                if (!executed.getErrors().isEmpty()
                                    || GraphQlPayloads.hasUserErrors(executed)) {
                                  transactions.markRollbackOnly();
                                }
                                return executed;
                              })));
      int status = GRAPHQL_RESPONSE.equals(responseType) && !result.isDataPresent() ? 400 : 200;
      Response.ResponseBuilder response =
          jsonBuilder(status, responseType, result.toSpecification());
      if (result.getErrors().isEmpty() && !GraphQlPayloads.hasUserErrors(result)) {
        // only what was committed: a rolled-back sign-in has no session to point at
        context.setCookies().forEach(cookie -> response.header(HttpHeaders.SET_COOKIE, cookie));
      }
      return response.build();
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

  private RequestIdentity resolveIdentity() {
    if (identityResolver.isUnsatisfied()) {
      return RequestIdentity.anonymous();
    }
    String token = null;
    Cookie[] cookies = servletRequest.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (SESSION_COOKIE.equals(cookie.getName())) {
          token = cookie.getValue();
        }
      }
    }
    return identityResolver.get().resolve(token);
  }

  private static Response json(int status, String type, Map<String, Object> body) {
    return jsonBuilder(status, type, body).build();
  }

  private static Response.ResponseBuilder jsonBuilder(
      int status, String type, Map<String, Object> body) {
    return Response.status(status)
        .type(type + ";charset=utf-8")
        .header("Cache-Control", "no-store")
        .entity(GraphQlJson.write(body));
  }
}
