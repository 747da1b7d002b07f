package app.premia.crm.infrastructure.bitrix;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Premia authenticates to one portal: an incoming webhook (one permanent secret URL) or an
 * OAuth application (access and refresh token). {@code toString} never shows a secret, and neither
 * do the messages of the exceptions thrown here.
 */
public sealed interface PortalCredentials {

  /** Where REST methods are appended: {@code https://host[/prefix]/rest/[<user>/<code>/]}. */
  URI restBase();

  /**
   * The key under which clients of the same portal share pacing and tokens: {@code member:<id>}
   * when the member id is known, else the portal's origin and path prefix (no secret in either).
   */
  String portalKey();

  /**
   * Reads an incoming-webhook URL as pasted by an administrator: {@code
   * <scheme>://<host>[:port][/prefix]/rest/<userId>/<code>/}, optionally followed by a method name
   * ({@code crm.deal.list}, {@code crm.deal.list.json}). HTTPS is required except for loopback
   * hosts (127.0.0.1, localhost, ::1).
   *
   * @throws IllegalArgumentException with a message that does not repeat the URL
   */
  static Webhook webhook(String pasted) {
    return Webhook.parse(pasted);
  }

  /**
   * OAuth credentials of an installed application.
   *
   * @param clientEndpoint the portal's REST endpoint, {@code https://<portal>/rest/}
   * @param memberId the portal's stable id (may be null; then the endpoint keys the portal)
   * @param tokenUrl the OAuth server's token URL, {@code https://oauth.bitrix.info/oauth/token/}
   */
  static OAuth oauth(
      URI clientEndpoint,
      String memberId,
      String accessToken,
      String refreshToken,
      URI tokenUrl,
      String clientId,
      String clientSecret) {
    return new OAuth(
        clientEndpoint, memberId, accessToken, refreshToken, tokenUrl, clientId, clientSecret);
  }

  /** An incoming webhook; {@code restBase} ends with {@code /rest/<userId>/<code>/}. */
  record Webhook(URI restBase, long userId, String code) implements PortalCredentials {

    private static final Pattern PATH =
        Pattern.compile(
            "(?<prefix>(?:/[^/]+)*?)/rest/(?<user>[0-9]{1,12})/(?<code>[A-Za-z0-9_-]{4,128})"
                + "(?:/(?<method>[A-Za-z][A-Za-z0-9_.]*)?)?/?");

    public Webhook {
      Objects.requireNonNull(restBase, "restBase");
      Objects.requireNonNull(code, "code");
    }

    static Webhook parse(String pasted) {
      String usage =
          "Expected an incoming webhook URL like https://<portal>/rest/<user id>/<code>/";
      if (pasted == null || pasted.isBlank()) {
        throw new IllegalArgumentException("The webhook URL is empty. " + usage);
      }
      URI uri;
      try {
        uri = new URI(pasted.strip());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("The webhook URL is not a valid URL. " + usage);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http")) {
        throw new IllegalArgumentException("The webhook URL must start with https://. " + usage);
      }
      String host = uri.getHost();
      if (host == null || host.isEmpty()) {
        throw new IllegalArgumentException("The webhook URL has no host name. " + usage);
      }
      if (uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            "The webhook URL must not contain a user name or password. " + usage);
      }
      if (scheme.equals("http") && !isLoopback(host)) {
        throw new IllegalArgumentException(
            "The webhook URL must use https:// (plain http is accepted only for 127.0.0.1 and"
                + " localhost). "
                + usage);
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "The webhook URL must not contain '?' or '#' parts. " + usage);
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      Matcher m = PATH.matcher(path);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "The address of "
                + host
                + " is not an incoming webhook: the path must be /rest/<user id>/<code>/. "
                + usage);
      }
      String base =
          scheme
              + "://"
              + host
              + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
              + m.group("prefix")
              + "/rest/"
              + m.group("user")
              + "/"
              + m.group("code")
              + "/";
      return new Webhook(URI.create(base), Long.parseLong(m.group("user")), m.group("code"));
    }

    @Override
    public String portalKey() {
      String path = restBase.getRawPath();
      return origin(restBase) + path.substring(0, path.lastIndexOf("/rest/"));
    }

    @Override
    public String toString() {
      return "Webhook[" + portalKey() + ", user " + userId + ", code ***]";
    }
  }

  /** OAuth credentials; the tokens here are the ones Premia last persisted. */
  record OAuth(
      URI clientEndpoint,
      String memberId,
      String accessToken,
      String refreshToken,
      URI tokenUrl,
      String clientId,
      String clientSecret)
      implements PortalCredentials {

    public OAuth {
      Objects.requireNonNull(clientEndpoint, "clientEndpoint");
      Objects.requireNonNull(accessToken, "accessToken");
      Objects.requireNonNull(refreshToken, "refreshToken");
      Objects.requireNonNull(tokenUrl, "tokenUrl");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      clientEndpoint = requireSecureBase(clientEndpoint, "client endpoint");
      requireSecure(tokenUrl, "OAuth token URL");
    }

    @Override
    public URI restBase() {
      return clientEndpoint;
    }

    @Override
    public String portalKey() {
      if (memberId != null && !memberId.isBlank()) {
        return "member:" + memberId;
      }
      String path = clientEndpoint.getRawPath();
      int rest = path.lastIndexOf("/rest/");
      return origin(clientEndpoint) + (rest >= 0 ? path.substring(0, rest) : path);
    }

    @Override
    public String toString() {
      return "OAuth["
          + portalKey()
          + ", client "
          + clientId
          + ", access token ***, refresh token ***, client secret ***]";
    }
  }

  /** Whether a host is this machine (plain http is tolerated only there, for tests). */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]") || h.equals("::1");
  }

  private static String origin(URI uri) {
    return uri.getScheme().toLowerCase(Locale.ROOT)
        + "://"
        + uri.getHost()
        + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
  }

  private static URI requireSecureBase(URI uri, String what) {
    requireSecure(uri, what);
    String s = uri.toString();
    return s.endsWith("/") ? uri : URI.create(s + "/");
  }

  private static void requireSecure(URI uri, String what) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null
        || !(scheme.equals("https") || (scheme.equals("http") && isLoopback(uri.getHost())))) {
      throw new IllegalArgumentException(
          "The " + what + " must be an https:// URL (http only for 127.0.0.1 and localhost)");
    }
  }
}
