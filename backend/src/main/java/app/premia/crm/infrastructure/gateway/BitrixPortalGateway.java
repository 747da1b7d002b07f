package app.premia.crm.infrastructure.gateway;

import app.premia.crm.application.PortalAccess;
import app.premia.crm.application.PortalException;
import app.premia.crm.application.PortalGateway;
import app.premia.crm.application.PortalSession;
import app.premia.crm.infrastructure.bitrix.BitrixClient;
import app.premia.crm.infrastructure.bitrix.BitrixPortals;
import app.premia.crm.infrastructure.bitrix.ClientSettings;
import app.premia.crm.infrastructure.bitrix.PortalCredentials;
import app.premia.crm.infrastructure.bitrix.PortalMovedListener;
import app.premia.crm.infrastructure.bitrix.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link PortalGateway} over HTTP: one {@link BitrixPortals} registry for the whole server, so
 * every session of a portal shares its pacer (rate limit and operating budget) and its tokens.
 * Connection tests use a second registry that gives up quickly instead of retrying for minutes.
 */
@ApplicationScoped
public class BitrixPortalGateway implements PortalGateway {

  private final BitrixPortals portals = new BitrixPortals(ClientSettings.defaults());
  private final BitrixPortals quick =
      new BitrixPortals(
          ClientSettings.defaults()
              .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20))
              .withBackoff(2, Duration.ofMillis(300), Duration.ofSeconds(2))
              .withRateBackoff(3, Duration.ofSeconds(1), Duration.ofSeconds(4)));
  private final Map<String, RateLimits> limitsInUse = new ConcurrentHashMap<>();

  @Override
  public PortalSession open(
      PortalAccess access, PortalSession.Options options, PortalGateway.TokenListener tokens) {
    return open(portals, access, options, tokens);
  }

  @Override
  public PortalSession openForTest(PortalAccess access, PortalSession.Options options) {
    PortalCredentials credentials = credentials(access);
    RateLimits limits = limits(options);
    BitrixClient client = quick.client(credentials, limits, (k, p) -> {}, PortalMovedListener.NONE);
    return new BitrixPortalSession(client, options) {
      @Override
      public void close() {
        // The portal counts these requests in the same bucket as the sync's: book them in the
        // sync's pacer too, or its first burst would overrun the portal's threshold.
        long made = client.stats().requests();
        quick.forget(credentials.portalKey());
        BitrixClient shared =
            portals.client(credentials, limits, (k, p) -> {}, PortalMovedListener.NONE);
        limitsInUse.putIfAbsent(credentials.portalKey(), limits);
        try {
          for (long i = 0; i < made; i++) {
            shared.pacer().acquireRequest();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  private PortalSession open(
      BitrixPortals registry,
      PortalAccess access,
      PortalSession.Options options,
      PortalGateway.TokenListener tokens) {
    PortalCredentials credentials = credentials(access);
    RateLimits limits = limits(options);
    if (registry == portals) {
      RateLimits previous = limitsInUse.put(credentials.portalKey(), limits);
      if (previous != null && !previous.equals(limits)) {
        registry.forget(
            credentials.portalKey()); // the next client builds a pacer with the new limits
      }
    }
    app.premia.crm.infrastructure.bitrix.TokenListener listener =
        (key, pair) -> tokens.rotated(pair.accessToken(), pair.refreshToken());
    BitrixClient client = registry.client(credentials, limits, listener, PortalMovedListener.NONE);
    return new BitrixPortalSession(client, options);
  }

  static RateLimits limits(PortalSession.Options options) {
    RateLimits limits = options.enterprise() ? RateLimits.enterprise() : RateLimits.standard();
    PortalSession.CustomLimits custom = options.customLimits();
    if (custom != null) {
      limits =
          limits
              .withRate(custom.requestsPerSecond(), custom.burst())
              .withOperatingLimit(custom.operatingSeconds());
    }
    return limits;
  }

  static PortalCredentials credentials(PortalAccess access) {
    try {
      if (access instanceof PortalAccess.Webhook webhook) {
        return PortalCredentials.webhook(webhook.url());
      }
      PortalAccess.App app = (PortalAccess.App) access;
      return PortalCredentials.oauth(
          URI.create(app.clientEndpoint()),
          null,
          app.accessToken(),
          app.refreshToken(),
          URI.create(app.tokenUrl()),
          app.clientId(),
          app.clientSecret());
    } catch (IllegalArgumentException e) {
      throw new PortalException(
          PortalException.Kind.INVALID_ADDRESS,
          "Это не адрес входящего вебхука Битрикс24 (нужен вид"
              + " https://портал.bitrix24.ru/rest/1/код/): "
              + e.getMessage());
    }
  }
}
