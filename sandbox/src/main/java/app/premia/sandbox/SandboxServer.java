package app.premia.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox HTTP server (JDK HttpServer on 127.0.0.1): REST for every portal, the shared OAuth
 * server and the control API under {@code /_sandbox/}.
 */
public final class SandboxServer implements AutoCloseable {
  static {
    // without TCP_NODELAY, Nagle + delayed ACK add ~40 ms to every keep-alive answer
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer http;
  private final ExecutorService pool;
  private final HttpClient client;
  private final Map<String, Portal> portals = new ConcurrentHashMap<>();
  private final String baseUrl;

  private SandboxServer(SandboxConfig config) throws IOException {
    http =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByName("127.0.0.1"), config.port()), 128);
    AtomicInteger n = new AtomicInteger();
    pool =
        Executors.newFixedThreadPool(
            Math.max(2, config.threads()),
            r -> {
              Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    http.setExecutor(pool);
    http.createContext("/", this::handle);
    http.start();
    baseUrl = "http://127.0.0.1:" + http.getAddress().getPort();
    client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** Starts a server bound to 127.0.0.1 ({@code port(0)} picks a free port). */
  public static SandboxServer start(SandboxConfig config) {
    try {
      return new SandboxServer(config);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start sandbox on port " + config.port(), e);
    }
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>} */
  public String baseUrl() {
    return baseUrl;
  }

  HttpClient httpClient() {
    return client;
  }

  /** Generates a portal (deterministic from the spec) and serves it. */
  public Portal createPortal(PortalSpec spec) {
    synchronized (portals) {
      if (portals.containsKey(spec.name())) {
        throw new IllegalArgumentException("portal exists: " + spec.name());
      }
      Portal p = new Portal(this, spec);
      portals.put(spec.name(), p);
      return p;
    }
  }

  public Portal portal(String name) {
    return portals.get(name);
  }

  public Collection<Portal> portals() {
    List<Portal> l = new ArrayList<>(portals.values());
    l.sort((a, b) -> a.name().compareTo(b.name()));
    return l;
  }

  @Override
  public void close() {
    http.stop(0);
    pool.shutdownNow();
    for (Portal p : portals.values()) {
      p.events.close();
    }
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  private void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getRawPath();
      if (path.startsWith("/_sandbox/") || path.equals("/_sandbox")) {
        Control.handle(this, ex);
      } else if (path.startsWith("/oauth/token")) {
        oauthToken(ex);
      } else {
        rest(ex, path);
      }
    } catch (RuntimeException e) {
      send(ex, 500, Rest.error("INTERNAL_SERVER_ERROR", "Sandbox error: " + e));
    } finally {
      ex.close();
    }
  }

  static void send(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = Json.write(body);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  private static void sendHtml(HttpExchange ex, int status, String html) throws IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  static byte[] readBody(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  /** Query + body parameters: JSON bodies and PHP-style form bodies. */
  static Map<String, Object> params(HttpExchange ex) throws IOException {
    Map<String, Object> params = PhpForm.parse(ex.getRequestURI().getRawQuery());
    byte[] body = readBody(ex);
    if (body.length == 0) {
      return params;
    }
    String ct = ex.getRequestHeaders().getFirst("Content-Type");
    String text = new String(body, StandardCharsets.UTF_8);
    boolean json =
        (ct != null && ct.toLowerCase(Locale.ROOT).contains("json"))
            || (ct == null && text.trim().startsWith("{"));
    if (json) {
      Object parsed = Json.read(body);
      Map<String, Object> m = Json.asMap(parsed);
      if (m == null) {
        throw new RestError(400, "INVALID_REQUEST", "JSON body must be an object");
      }
      params.putAll(m);
    } else {
      params.putAll(PhpForm.parse(text));
    }
    return params;
  }

  private void rest(HttpExchange ex, String rawPath) throws IOException {
    String[] seg =
        java.util.Arrays.stream(rawPath.split("/"))
            .filter(s -> !s.isEmpty())
            .toArray(String[]::new);
    if (seg.length < 2 || !seg[1].equals("rest")) {
      send(ex, 404, Rest.error("NOT_FOUND", "Unknown path"));
      return;
    }
    Portal p = portals.get(seg[0]);
    if (p == null) {
      send(ex, 404, Rest.error("PORTAL_NOT_FOUND", "Portal not found"));
      return;
    }
    p.stats.requests.incrementAndGet();
    String fault = p.drawFault();
    if ("drop".equals(fault)) {
      readBody(ex);
      return; // ex.close() in handle() before headers were sent closes the connection
    }
    if ("500".equals(fault)) {
      readBody(ex);
      send(ex, 500, Rest.error("INTERNAL_SERVER_ERROR", "Internal server error"));
      return;
    }
    if ("502".equals(fault)) {
      readBody(ex);
      sendHtml(
          ex,
          502,
          "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad"
              + " Gateway</h1></center><hr><center>nginx</center></body></html>");
      return;
    }
    if ("slow".equals(fault)) {
      try {
        Thread.sleep(p.faults().slowDelay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!p.bucket.tryAcquire(p.limits())) {
      readBody(ex);
      p.stats.rejected503.incrementAndGet();
      send(ex, 503, Rest.error("QUERY_LIMIT_EXCEEDED", "Too many requests"));
      return;
    }
    Map<String, Object> params;
    try {
      params = params(ex);
    } catch (RestError e) {
      send(ex, e.status, Rest.error(e.code, e.getMessage()));
      return;
    } catch (IOException | RuntimeException e) {
      send(ex, 400, Rest.error("INVALID_REQUEST", "Cannot parse the request: " + e.getMessage()));
      return;
    }
    Rest.Principal who;
    String method;
    if (seg.length >= 4 && seg[2].matches("\\d+")) {
      // webhook: /{portal}/rest/{userId}/{code}/{method}
      long userId = Long.parseLong(seg[2]);
      if (userId != 1 || !seg[3].equals(p.webhookCode())) {
        send(ex, 401, Rest.error("INVALID_CREDENTIALS", "Invalid request credentials"));
        return;
      }
      if (seg.length < 5) {
        send(ex, 404, Rest.error("ERROR_METHOD_NOT_FOUND", "Method not found!"));
        return;
      }
      who = new Rest.Principal(userId, false, "webhook:" + userId + ":" + seg[3]);
      method = Rest.normalizeMethod(seg[4]);
    } else if (seg.length == 3) {
      method = Rest.normalizeMethod(seg[2]);
      Object auth = params.get("auth");
      if (auth == null || auth.toString().isEmpty()) {
        send(ex, 401, Rest.error("NO_AUTH_FOUND", "Wrong authorization data"));
        return;
      }
      Portal.AccessToken t = p.accessTokens.get(auth.toString());
      if (t == null) {
        send(ex, 401, Rest.error("invalid_token", "Unable to get application by token"));
        return;
      }
      if (t.expiresAtMillis <= System.currentTimeMillis()) {
        send(ex, 401, Rest.error("expired_token", "The access token provided has expired."));
        return;
      }
      who = new Rest.Principal(t.userId, true, "app:" + p.clientId());
    } else {
      send(ex, 404, Rest.error("ERROR_METHOD_NOT_FOUND", "Method not found!"));
      return;
    }
    params.remove("auth");
    Rest.Reply reply = Rest.single(p, who, method, params);
    send(ex, reply.status(), reply.body());
  }

  // ---- OAuth server ----------------------------------------------------------------------------

  private void oauthToken(HttpExchange ex) throws IOException {
    Map<String, Object> q;
    try {
      q = params(ex);
    } catch (IOException | RuntimeException e) {
      send(ex, 400, Rest.error("invalid_request", "Malformed request"));
      return;
    }
    String grant = Json.str(q.get("grant_type"));
    String clientId = Json.str(q.get("client_id"));
    String secret = Json.str(q.get("client_secret"));
    if (grant == null || clientId == null || secret == null) {
      send(ex, 400, Rest.error("invalid_request", "Required parameters are missing"));
      return;
    }
    Portal p = null;
    for (Portal x : portals.values()) {
      if (x.clientId().equals(clientId)) {
        p = x;
      }
    }
    if (p == null || !p.clientSecret().equals(secret)) {
      send(ex, 400, Rest.error("invalid_client", "Invalid client credentials"));
      return;
    }
    if (!grant.equals("refresh_token")) {
      send(ex, 400, Rest.error("invalid_request", "Unsupported grant_type " + grant));
      return;
    }
    String refresh = Json.str(q.get("refresh_token"));
    if (refresh == null || refresh.isEmpty()) {
      send(ex, 400, Rest.error("invalid_request", "refresh_token is missing"));
      return;
    }
    OAuthTokens t = p.refresh(refresh);
    if (t == null) {
      send(ex, 400, Rest.error("invalid_grant", "Invalid refresh token"));
      return;
    }
    send(ex, 200, t.toOAuthResponse());
  }

  /** Portal creation from the control API / command line. */
  Portal createPortal(Map<String, Object> m) {
    PortalSpec.Builder b = PortalSpec.builder().name(Json.str(m.get("name")));
    if (m.get("seed") != null) {
      b.seed(Json.asLong(m.get("seed"), 1));
    }
    if (m.get("deals") != null) {
      b.deals((int) Json.asLong(m.get("deals"), 1000));
    }
    if (m.get("managers") != null) {
      b.managers((int) Json.asLong(m.get("managers"), 0));
    }
    if (m.get("plan") != null) {
      b.plan(Plan.valueOf(m.get("plan").toString().toUpperCase(Locale.ROOT)));
    }
    if (m.get("anchorDate") != null) {
      b.anchorDate(LocalDate.parse(m.get("anchorDate").toString()));
    }
    return createPortal(b.build());
  }

  List<Map<String, Object>> describePortals() {
    List<Map<String, Object>> l = new ArrayList<>();
    for (Portal p : portals()) {
      l.add(p.describe());
    }
    return l;
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
