package app.premia.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** Outcome of {@link Portal#install(String)}: HTTP status of the callback and the issued tokens. */
public record InstallResult(boolean installed, int callbackStatus, OAuthTokens tokens) {
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("installed", installed);
    m.put("callbackStatus", callbackStatus);
    m.put("tokens", tokens.toMap());
    return m;
  }
}
