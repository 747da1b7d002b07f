package app.premia.crm.infrastructure.bitrix;

import app.premia.crm.infrastructure.bitrix.BitrixException.Kind;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The current OAuth tokens of one portal and the single-flight refresh: callers that saw an expired
 * token call {@link #refresh(long)} with the version they used; the first one refreshes, the others
 * wait on the lock and then find a newer version and return at once. After {@code invalid_grant}
 * the keeper is dead and every caller gets NEEDS_REAUTH without another request.
 */
final class TokenKeeper {

  private static final System.Logger LOG = System.getLogger(TokenKeeper.class.getName());

  record Token(String accessToken, long version) {
    @Override
    public String toString() {
      return "Token[*** v" + version + "]";
    }
  }

  private final String portalKey;
  private final PortalCredentials.OAuth credentials;
  private final HttpClient http;
  private final ClientSettings settings;
  private final PortalPacer pacer;
  private final ReentrantLock lock = new ReentrantLock(true);

  private volatile Token current;
  private volatile String refreshToken;
  private volatile BitrixException dead;

  TokenKeeper(
      String portalKey,
      PortalCredentials.OAuth credentials,
      HttpClient http,
      ClientSettings settings,
      PortalPacer pacer) {
    this.portalKey = portalKey;
    this.credentials = credentials;
    this.http = http;
    this.settings = settings;
    this.pacer = pacer;
    this.current = new Token(credentials.accessToken(), 0);
    this.refreshToken = credentials.refreshToken();
  }

  /** The secrets this keeper holds now, for redaction. */
  java.util.List<String> secrets() {
    return java.util.List.of(current.accessToken(), refreshToken);
  }

  Token current() {
    BitrixException d = dead;
    if (d != null) {
      throw d;
    }
    return current;
  }

  /**
   * Makes sure a token newer than {@code usedVersion} exists, refreshing if nobody did yet.
   *
   * @param onRotated told once about the new pair and endpoint, by the refreshing thread only
   */
  void refresh(long usedVersion, RotationListener onRotated) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      if (dead != null) {
        throw dead;
      }
      if (current.version() != usedVersion) {
        return; // someone else refreshed while we waited
      }
      JsonObject answer = requestNewPair();
      String access = string(answer, "access_token");
      String refresh = string(answer, "refresh_token");
      if (access == null || refresh == null) {
        throw new BitrixException(
            Kind.TRANSIENT, "oauth", null, 200, "token response without tokens", null);
      }
      long expiresIn =
          answer.containsKey("expires_in") ? nz(Jsons.asLong(answer.get("expires_in"))) : 0;
      String endpoint = string(answer, "client_endpoint");
      String member = string(answer, "member_id");
      refreshToken = refresh;
      current = new Token(access, current.version() + 1);
      pacer.countRefresh();
      LOG.log(System.Logger.Level.INFO, "Bitrix24 tokens refreshed for portal {0}", portalKey);
      URI endpointUri = null;
      if (endpoint != null && !endpoint.isBlank()) {
        try {
          endpointUri = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        } catch (IllegalArgumentException e) {
          endpointUri = null;
        }
      }
      onRotated.rotated(
          new TokenPair(
              access,
              refresh,
              expiresIn,
              member != null ? member : credentials.memberId(),
              endpointUri));
    } finally {
      lock.unlock();
    }
  }

  /** Called by the refreshing thread with the new pair. */
  interface RotationListener {
    void rotated(TokenPair pair);
  }

  private JsonObject requestNewPair() throws InterruptedException {
    String query =
        "grant_type=refresh_token"
            + "&client_id="
            + QueryString.escape(credentials.clientId(), "-_.~")
            + "&client_secret="
            + QueryString.escape(credentials.clientSecret(), "-_.~")
            + "&refresh_token="
            + QueryString.escape(refreshToken, "-_.~");
    String base = credentials.tokenUrl().toString();
    URI uri = URI.create(base + (base.contains("?") ? "&" : "?") + query);
    int attempts = Math.max(1, settings.maxAttempts());
    for (int attempt = 1; ; attempt++) {
      int status = 0;
      String detail;
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(uri)
                    .GET()
                    .timeout(settings.requestTimeout())
                    .header("Accept", "application/json")
                    .header("User-Agent", settings.userAgent())
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        status = r.statusCode();
        JsonObject body = Jsons.parseObject(r.body());
        if (body != null && body.containsKey("error")) {
          BitrixError error =
              new BitrixError(
                  Jsons.asString(body.get("error")), Jsons.asString(body.get("error_description")));
          String code = error.normalizedCode();
          if (code.equals("INVALID_GRANT")
              || code.equals("INVALID_CLIENT")
              || code.equals("WRONG_CLIENT")
              || code.equals("INVALID_REQUEST")) {
            dead =
                new BitrixException(
                    Kind.NEEDS_REAUTH,
                    "oauth",
                    error.code(),
                    status,
                    "the portal must re-authorize the application",
                    null);
            LOG.log(
                System.Logger.Level.WARNING,
                "Bitrix24 refresh refused for portal {0}: {1}; the tenant must re-authorize",
                portalKey,
                error.code());
            throw dead;
          }
          if (code.equals("PAYMENT_REQUIRED")) {
            throw new BitrixException(
                Kind.PAYMENT_REQUIRED, "oauth", error.code(), status, null, null);
          }
          if (status < 500) {
            throw new BitrixException(
                Kind.NEEDS_REAUTH, "oauth", error.code(), status, error.description(), null);
          }
          detail = error.code();
        } else if (status == 200 && body != null) {
          return body;
        } else {
          detail = "unreadable token response";
        }
      } catch (IOException e) {
        detail = e.getClass().getSimpleName();
      }
      if (attempt >= attempts) {
        throw new BitrixException(Kind.TRANSIENT, "oauth", null, status, detail, null);
      }
      pacer.countRetry();
      pacer.sleep(Backoff.delayNanos(attempt, settings.backoffBase(), settings.backoffCap()));
    }
  }

  private static String string(JsonObject o, String key) {
    return Jsons.asString(o.get(key));
  }

  private static long nz(Long l) {
    return l == null ? 0 : l;
  }
}
