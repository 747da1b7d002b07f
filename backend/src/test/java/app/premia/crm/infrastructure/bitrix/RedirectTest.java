package app.premia.crm.infrastructure.bitrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A renamed portal answers 302 from its old address (§1.3). The sandbox has no renames, so two tiny
 * loopback servers play the old and the new address.
 */
class RedirectTest {

  HttpServer oldAddress;
  HttpServer newAddress;
  final AtomicInteger oldHits = new AtomicInteger();
  final List<String> received = new CopyOnWriteArrayList<>();
  String redirectTo;

  @BeforeEach
  void servers() throws IOException {
    InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    newAddress = HttpServer.create(any, 0);
    newAddress.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " + body);
          byte[] answer = "{\"result\":\"2024-08-05T09:02:13+03:00\",\"time\":{}}".getBytes();
          ex.sendResponseHeaders(200, answer.length);
          ex.getResponseBody().write(answer);
          ex.close();
        });
    newAddress.start();
    oldAddress = HttpServer.create(any, 0);
    oldAddress.createContext(
        "/",
        ex -> {
          oldHits.incrementAndGet();
          ex.getRequestBody().readAllBytes();
          String method = ex.getRequestURI().getPath().replaceAll(".*/", "");
          ex.getResponseHeaders().set("Location", redirectTo + method);
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    oldAddress.start();
  }

  @AfterEach
  void stop() {
    oldAddress.stop(0);
    newAddress.stop(0);
  }

  @Test
  void movedPortal_isRePostedToTheNewAddress_andTheMoveReported() {
    String newBase =
        "http://127.0.0.1:" + newAddress.getAddress().getPort() + "/new/rest/1/abcd1234/";
    redirectTo = newBase;
    List<URI> moves = new CopyOnWriteArrayList<>();
    BitrixClient client =
        new BitrixPortals()
            .client(
                PortalCredentials.webhook(
                    "http://127.0.0.1:" + oldAddress.getAddress().getPort() + "/rest/1/abcd1234/"),
                RateLimits.standard(),
                TokenListener.NONE,
                (key, base) -> moves.add(base));
    JsonObject params = Json.createObjectBuilder().add("x", "y").build();
    client.call("server.time", params);
    assertEquals(List.of(URI.create(newBase)), moves);
    assertEquals(List.of("POST /new/rest/1/abcd1234/server.time {\"x\":\"y\"}"), received);
    client.call("server.time", params);
    assertEquals(1, oldHits.get(), "later calls go straight to the new address");
    assertEquals(URI.create(newBase), client.restBase());
    assertEquals(1, client.stats().redirects());
  }

  @Test
  void redirectToPlainHttpElsewhere_isRefused() {
    redirectTo = "http://evil.example.com/rest/1/abcd1234/";
    BitrixClient client =
        new BitrixPortals()
            .client(
                PortalCredentials.webhook(
                    "http://127.0.0.1:" + oldAddress.getAddress().getPort() + "/rest/1/abcd1234/"));
    BitrixException e = assertThrows(BitrixException.class, () -> client.call("server.time", null));
    assertEquals(BitrixException.Kind.REJECTED, e.kind());
  }
}
