package app.premia.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The control API under {@code /_sandbox/} (JSON in and out), mirroring the Java API. */
final class Control {
  private Control() {}

  static void handle(SandboxServer server, HttpExchange ex) throws IOException {
    String[] seg =
        java.util.Arrays.stream(ex.getRequestURI().getPath().split("/"))
            .filter(s -> !s.isEmpty())
            .toArray(String[]::new);
    String verb = ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
    Map<String, Object> body;
    try {
      body = SandboxServer.params(ex);
    } catch (IOException | RuntimeException e) {
      SandboxServer.send(
          ex, 400, Rest.error("INVALID_REQUEST", "Cannot parse body: " + e.getMessage()));
      return;
    }
    try {
      Object out = route(server, verb, seg, body);
      if (out == null) {
        SandboxServer.send(ex, 404, Rest.error("NOT_FOUND", "Unknown control path"));
      } else {
        SandboxServer.send(ex, 200, out);
      }
    } catch (Changes.ChangeException e) {
      Map<String, Object> m = Rest.error("INVALID_OP", e.getMessage());
      m.put("partial", e.partial.toMap());
      SandboxServer.send(ex, 400, m);
    } catch (IllegalArgumentException e) {
      SandboxServer.send(ex, 400, Rest.error("INVALID_REQUEST", String.valueOf(e.getMessage())));
    }
  }

  private static Object route(
      SandboxServer server, String verb, String[] seg, Map<String, Object> body) {
    // seg[0] = "_sandbox"
    if (seg.length == 2 && seg[1].equals("portals")) {
      if (verb.equals("GET")) {
        return server.describePortals();
      }
      if (verb.equals("POST")) {
        return server.createPortal(body).describe();
      }
      return null;
    }
    if (seg.length == 1 || (seg.length == 2 && seg[1].equals("health"))) {
      return Json.map("status", "UP", "portals", server.portals().size());
    }
    if (seg.length < 3 || !seg[1].equals("portals")) {
      return null;
    }
    Portal p = server.portal(seg[2]);
    if (p == null) {
      throw new IllegalArgumentException("portal not found: " + seg[2]);
    }
    String action = seg.length > 3 ? seg[3] : "";
    String sub = seg.length > 4 ? seg[4] : "";
    switch (action) {
      case "":
        return p.describe();
      case "snapshot":
        return p.snapshot(sub);
      case "limits":
        if (verb.equals("POST")) {
          p.limits(p.limits().merge(body));
        }
        return p.limits().toMap();
      case "faults":
        if (verb.equals("POST")) {
          p.faults(p.faults().merge(body));
        }
        return p.faults().toMap();
      case "stats":
        if (sub.equals("reset")) {
          p.resetStats();
        }
        return p.stats().toMap();
      case "tokens":
        if (sub.equals("expire")) {
          p.expireTokens();
          return Json.map("expired", true);
        }
        if (verb.equals("POST")) {
          return p.issueTokens().toMap();
        }
        return null;
      case "install":
        return p.install(Json.str(body.get("installUrl"))).toMap();
      case "uninstall":
        return Json.map("sent", p.uninstall());
      case "changes":
        Delivery d = Delivery.fromMap(Json.asMap(body.get("delivery")));
        if (sub.equals("random")) {
          return p.randomChanges(
                  (int) Json.asLong(body.get("count"), 10), Json.asLong(body.get("seed"), 1), d)
              .toMap();
        }
        List<Map<String, Object>> ops = new ArrayList<>();
        List<Object> raw = Json.asList(body.get("ops"));
        if (raw != null) {
          for (Object o : raw) {
            Map<String, Object> m = Json.asMap(o);
            if (m == null) {
              throw new IllegalArgumentException("ops must be objects");
            }
            ops.add(m);
          }
        }
        return p.applyChanges(ops, d).toMap();
      case "deliveries":
        if (sub.equals("await")) {
          long ms = Json.asLong(body.get("timeoutMs"), 30_000);
          return p.awaitDeliveries(Duration.ofMillis(ms)).toMap();
        }
        return p.deliveries().toMap();
      case "bindings":
        return p.bindings();
      case "offline":
        return p.offlineQueue();
      default:
        return null;
    }
  }
}
