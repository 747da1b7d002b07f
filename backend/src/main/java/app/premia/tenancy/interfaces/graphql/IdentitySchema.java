package app.premia.tenancy.interfaces.graphql;

import app.premia.platform.graphql.RequestContext;
import app.premia.platform.graphql.SchemaContribution;
import app.premia.tenancy.application.Directory;
import app.premia.tenancy.application.Identity;
import app.premia.tenancy.application.SignedIn;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Contributes {@code identity.graphqls}: the viewer, sign-in/out, tenant switch, links. */
@ApplicationScoped
public class IdentitySchema implements SchemaContribution {

  @Inject Identity identity;
  @Inject Directory directory;

  /** The demo has no e-mail server: it shows reset links instead of sending them. */
  @Inject
  @ConfigProperty(name = "premia.demo", defaultValue = "false")
  boolean demo;

  @Override
  public String sdlResource() {
    return "graphql/identity.graphqls";
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query", type -> type.dataFetcher("viewer", env -> directory.viewer().orElse(null)));
    wiring.type(
        "Mutation",
        type ->
            type.dataFetcher("signIn", this::signIn)
                .dataFetcher("signOut", this::signOut)
                .dataFetcher("switchTenant", this::switchTenant)
                .dataFetcher("acceptInvitation", this::acceptInvitation)
                .dataFetcher("requestPasswordReset", this::requestPasswordReset)
                .dataFetcher("resetPassword", this::resetPassword));
  }

  private Map<String, Object> signIn(DataFetchingEnvironment env) {
    return signingIn(
        env,
        (input, correlationId) ->
            identity.signIn(
                (String) input.get("email"), (String) input.get("password"), correlationId));
  }

  private Map<String, Object> signOut(DataFetchingEnvironment env) {
    RequestContext request = request(env);
    identity.signOut(request.correlationId().value());
    SessionCookies.clear(request);
    return Payloads.ofErrors(List.of());
  }

  private Map<String, Object> switchTenant(DataFetchingEnvironment env) {
    return Payloads.of(
        "viewer",
        () -> identity.switchTenant(Payloads.id(env.getArgument("tenantId")).orElse(null)));
  }

  private Map<String, Object> acceptInvitation(DataFetchingEnvironment env) {
    return signingIn(
        env,
        (input, correlationId) ->
            identity.acceptInvitation(
                (String) input.get("token"),
                (String) input.get("displayName"),
                (String) input.get("password"),
                correlationId));
  }

  private Map<String, Object> requestPasswordReset(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    Optional<String> link =
        identity.requestPasswordReset(
            (String) input.get("email"), request(env).correlationId().value());
    Map<String, Object> payload = new LinkedHashMap<>();
    // there is no e-mail server: the demo shows the link instead of sending it
    payload.put("demoLink", demo ? link.orElse(null) : null);
    payload.put("errors", List.of());
    return payload;
  }

  private Map<String, Object> resetPassword(DataFetchingEnvironment env) {
    return signingIn(
        env,
        (input, correlationId) ->
            identity.resetPassword(
                (String) input.get("token"), (String) input.get("password"), correlationId));
  }

  /** A mutation that ends signed in: its payload carries the viewer, the response the cookie. */
  private static Map<String, Object> signingIn(
      DataFetchingEnvironment env, BiFunction<Map<String, Object>, String, SignedIn> useCase) {
    Map<String, Object> input = env.getArgument("input");
    RequestContext request = request(env);
    return Payloads.of(
        "viewer",
        () -> {
          SignedIn signedIn = useCase.apply(input, request.correlationId().value());
          SessionCookies.set(request, signedIn.sessionToken());
          return signedIn.viewer();
        });
  }

  private static RequestContext request(DataFetchingEnvironment env) {
    return env.getGraphQlContext().get(RequestContext.class);
  }
}
