package app.premia.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A browser-like GraphQL client with its own cookie jar, for tests that sign in. */
final class Session {

  static final String DEMO_PASSWORD = "Premia-demo-2026";

  private final URI base;
  private final HttpClient client;

  Session(URI base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** A session signed in as {@code email} with the demo password. */
  static Session signedIn(URI base, String email) {
    Session session = new Session(base);
    JsonObject result =
        session.run(
            "mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p})"
                + " { errors { code } } }",
            Map.of("e", email, "p", DEMO_PASSWORD));
    if (!result.getJsonObject("data").getJsonObject("signIn").getJsonArray("errors").isEmpty()) {
      throw new IllegalStateException("cannot sign in as " + email + ": " + result);
    }
    return session;
  }

  /** Switches to a tenant and fails the test if that was refused. */
  Session in(String tenantId) {
    JsonObject result =
        run(
            "mutation($t: ID!) { switchTenant(tenantId: $t) { errors { code } } }",
            Map.of("t", tenantId));
    if (!result
        .getJsonObject("data")
        .getJsonObject("switchTenant")
        .getJsonArray("errors")
        .isEmpty()) {
      throw new IllegalStateException("cannot switch to " + tenantId + ": " + result);
    }
    return this;
  }

  /** GETs a path of the server (a file download) with this session's cookies. */
  HttpResponse<byte[]> download(String pathAndQuery) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(pathAndQuery))
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonObject run(String query) {
    return run(query, Map.of());
  }

  JsonObject run(String query, Map<String, ?> variables) {
    return Json.createReader(new StringReader(raw(query, variables).body())).readObject();
  }

  HttpResponse<String> raw(String query, Map<String, ?> variables) {
    var vars = Json.createObjectBuilder();
    variables.forEach(
        (k, v) -> vars.add(k, v == null ? JsonValue.NULL : Json.createValue(v.toString())));
    String body =
        Json.createObjectBuilder().add("query", query).add("variables", vars).build().toString();
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/graphql"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/graphql-response+json, application/json;q=0.9")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
