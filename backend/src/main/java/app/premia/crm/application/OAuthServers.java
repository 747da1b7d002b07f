package app.premia.crm.application;

import app.premia.platform.config.RuntimeProfile;
import app.premia.platform.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses an install callback may point Premia at. The refresh request carries the client
 * secret, so the OAuth server is never taken from the callback blindly: only Bitrix24's own ({@code
 * oauth.bitrix.info}) and, outside production, loopback (the sandbox portal).
 */
@ApplicationScoped
public class OAuthServers {

  static final String BITRIX_OAUTH_HOST = "oauth.bitrix.info";

  @Inject Settings settings;

  /** The token URL for a callback's {@code server_endpoint}; empty when not allowed. */
  public Optional<String> tokenUrl(String serverEndpoint) {
    URI uri = parse(serverEndpoint);
    if (uri == null) {
      return Optional.empty();
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if ("https".equals(uri.getScheme()) && host.equals(BITRIX_OAUTH_HOST)) {
      return Optional.of("https://" + BITRIX_OAUTH_HOST + "/oauth/token/");
    }
    if (loopbackAllowed(uri)) {
      return Optional.of(uri.getScheme() + "://" + uri.getAuthority() + "/oauth/token/");
    }
    return Optional.empty();
  }

  /**
   * Whether a portal REST base may be called: https anywhere, http only to loopback outside prod.
   */
  public boolean acceptableEndpoint(String clientEndpoint) {
    URI uri = parse(clientEndpoint);
    if (uri == null) {
      return false;
    }
    return "https".equals(uri.getScheme()) || loopbackAllowed(uri);
  }

  private boolean loopbackAllowed(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return settings.profile() != RuntimeProfile.PROD
        && (host.equals("127.0.0.1") || host.equals("localhost"));
  }

  private static URI parse(String text) {
    if (text == null || text.isBlank() || text.length() > 500) {
      return null;
    }
    try {
      URI uri = URI.create(text.trim());
      if (uri.getHost() == null
          || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        return null;
      }
      return uri;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
