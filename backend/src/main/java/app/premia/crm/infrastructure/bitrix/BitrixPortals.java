package app.premia.crm.infrastructure.bitrix;

import java.net.http.HttpClient;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide registry of portals Premia talks to: one {@link PortalPacer}, one token keeper
 * and one current address per portal key (the {@code member_id}, or for webhooks the portal's
 * origin and path), shared by every {@link BitrixClient} it hands out, and one {@link HttpClient}
 * (no automatic redirects, explicit connect timeout) for all of them.
 *
 * <p>The first client of a portal fixes its rate limits and tokens; later clients of the same key
 * share them (the keeper's tokens are the newest). Use {@link #forget(String)} after a tenant
 * re-authorized or changed plan.
 */
public final class BitrixPortals {

  private final ClientSettings settings;
  private final HttpClient http;
  private final ConcurrentHashMap<String, PortalState> portals = new ConcurrentHashMap<>();

  public BitrixPortals(ClientSettings settings) {
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  public BitrixPortals() {
    this(ClientSettings.defaults());
  }

  /** A client with standard-plan limits and no listeners. */
  public BitrixClient client(PortalCredentials credentials) {
    return client(credentials, RateLimits.standard(), TokenListener.NONE, PortalMovedListener.NONE);
  }

  /**
   * A client of the portal these credentials address.
   *
   * @param limits the portal's plan limits (used when this is the portal's first client)
   * @param tokens told about rotated OAuth tokens, to persist them
   * @param moves told about a new portal address, to persist it
   */
  public BitrixClient client(
      PortalCredentials credentials,
      RateLimits limits,
      TokenListener tokens,
      PortalMovedListener moves) {
    String key = credentials.portalKey();
    PortalState state =
        portals.computeIfAbsent(
            key,
            k -> {
              PortalPacer pacer = new PortalPacer(k, limits, settings.ticker());
              TokenKeeper keeper =
                  credentials instanceof PortalCredentials.OAuth oauth
                      ? new TokenKeeper(k, oauth, http, settings, pacer)
                      : null;
              return new PortalState(k, pacer, keeper, credentials.restBase());
            });
    return new BitrixClient(state, credentials, settings, http, tokens, moves);
  }

  /** The pacer of a portal that has a client, if any. */
  public Optional<PortalPacer> pacer(String portalKey) {
    return Optional.ofNullable(portals.get(portalKey)).map(s -> s.pacer);
  }

  /** Drops what is shared for a portal; its next client starts afresh. */
  public void forget(String portalKey) {
    portals.remove(portalKey);
  }
}
