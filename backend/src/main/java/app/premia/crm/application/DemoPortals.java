package app.premia.crm.application;

import app.premia.crm.domain.SyncMode;
import app.premia.platform.migration.DatabaseReady;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo mode ({@code PREMIA_DEMO=true} with {@code PREMIA_SANDBOX_URL}): connects the demo client
 * companies «Альфа» and «Бета» to their sandbox portals by webhook and starts their first sync.
 * «Гамма» stays unconnected, for trying the connect wizard. Runs after the tenancy demo data.
 */
@ApplicationScoped
public class DemoPortals {

  private static final Logger LOG = Logger.getLogger(DemoPortals.class.getName());

  /** Sandbox portal name → demo tenant key (tenant ids derive from the key like DemoData's). */
  static final Map<String, String> CONNECTED = Map.of("alfa", "alfa", "beta", "beta");

  @Inject
  @ConfigProperty(name = "premia.demo", defaultValue = "false")
  boolean demo;

  @Inject
  @ConfigProperty(name = "premia.sandbox.url")
  Optional<String> sandboxUrl;

  @Inject SyncTransactions tx;
  @Inject SyncEngine engine;

  void onDatabaseReady(@Observes @Priority(2900) DatabaseReady ready) {
    if (!demo || sandboxUrl.isEmpty() || sandboxUrl.get().isBlank()) {
      return;
    }
    JsonArray portals = sandboxPortals(sandboxUrl.get().replaceAll("/+$", ""));
    if (portals == null) {
      LOG.warning(
          "Demo: the sandbox portal at "
              + sandboxUrl.get()
              + " did not answer; demo"
              + " companies stay unconnected");
      return;
    }
    UUID consultancy = demoId("consultancy:integrator");
    for (JsonObject portal : portals.getValuesAs(JsonObject.class)) {
      String key = CONNECTED.get(portal.getString("name", ""));
      if (key == null) {
        continue;
      }
      PortalTenant tenant = new PortalTenant(demoId("tenant:" + key), consultancy);
      String url = portal.getString("webhookUrl");
      if (tx.connectDemoWebhook(tenant, url, PortalConnections.endpointOf(url))) {
        engine.start(tenant, SyncMode.FULL);
        LOG.info(
            "Demo: tenant " + key + " connected to sandbox portal " + portal.getString("name"));
      }
    }
  }

  static UUID demoId(String name) {
    return UUID.nameUUIDFromBytes(("premia-demo:" + name).getBytes(StandardCharsets.UTF_8));
  }

  private static JsonArray sandboxPortals(String base) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/_sandbox/portals"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
          }
        }
      } catch (java.io.IOException e) {
        // not up yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }
}
