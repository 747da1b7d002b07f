package app.premia.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** A token pair issued by the sandbox (install, control API or refresh). */
public record OAuthTokens(
    String accessToken,
    String refreshToken,
    long expiresIn,
    long expires,
    long userId,
    String memberId,
    String clientEndpoint,
    String serverEndpoint,
    String applicationToken) {

  /** The documented refresh answer of oauth.bitrix.info. */
  Map<String, Object> toOAuthResponse() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("access_token", accessToken);
    m.put("client_endpoint", clientEndpoint);
    m.put("domain", "oauth.bitrix.info");
    m.put("expires", expires);
    m.put("expires_in", expiresIn);
    m.put("member_id", memberId);
    m.put("refresh_token", refreshToken);
    m.put("scope", Portal.SCOPE);
    m.put("server_endpoint", serverEndpoint);
    m.put("status", "L");
    m.put("user_id", userId);
    return m;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = toOAuthResponse();
    m.put("application_token", applicationToken);
    return m;
  }
}
