package app.premia.crm.infrastructure.bitrix;

import app.premia.sandbox.Portal;
import app.premia.sandbox.PortalSpec;
import app.premia.sandbox.SandboxConfig;
import app.premia.sandbox.SandboxServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** One in-process Bitrix24 sandbox per test JVM, on a random loopback port. */
final class Sandbox {

  private static final AtomicInteger NAMES = new AtomicInteger();
  private static SandboxServer server;

  private Sandbox() {}

  static synchronized SandboxServer server() {
    if (server == null) {
      server = SandboxServer.start(SandboxConfig.builder().port(0).threads(8).build());
      SandboxServer s = server;
      Runtime.getRuntime().addShutdownHook(new Thread(s::close));
    }
    return server;
  }

  /** A fresh portal with a unique name. */
  static Portal portal(String prefix, int deals) {
    return server()
        .createPortal(
            PortalSpec.builder()
                .name(prefix + NAMES.incrementAndGet())
                .seed(42)
                .deals(deals)
                .build());
  }

  static URI tokenUrl() {
    return URI.create(server().baseUrl() + "/oauth/token/");
  }

  /** Settings that keep transient-failure tests fast. */
  static ClientSettings fastRetries() {
    return ClientSettings.defaults()
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
        .withBackoff(8, Duration.ofMillis(20), Duration.ofMillis(200));
  }

  static PortalCredentials.Webhook webhook(Portal p) {
    return PortalCredentials.webhook(p.webhookUrl());
  }

  static JsonObject json(String text) {
    return Json.createReader(new java.io.StringReader(text)).readObject();
  }
}
