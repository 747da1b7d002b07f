package app.premia.tenancy.interfaces.graphql;

import app.premia.platform.graphql.GraphQlResource;
import app.premia.platform.graphql.RequestContext;
import app.premia.tenancy.domain.UserSession;

/**
 * The session cookie: HttpOnly (scripts never see it), SameSite=Lax (not sent on cross-site posts;
 * the API also accepts only JSON bodies, which cross-site forms cannot send), Secure over HTTPS,
 * and as long-lived as the session itself.
 */
final class SessionCookies {

  private SessionCookies() {}

  static void set(RequestContext request, String token) {
    request.addSetCookie(cookie(token, UserSession.LIFETIME.toSeconds(), request.secure()));
  }

  static void clear(RequestContext request) {
    request.addSetCookie(cookie("", 0, request.secure()));
  }

  private static String cookie(String value, long maxAge, boolean secure) {
    return GraphQlResource.SESSION_COOKIE
        + "="
        + value
        + "; Path=/; Max-Age="
        + maxAge
        + "; HttpOnly; SameSite=Lax"
        + (secure ? "; Secure" : "");
  }
}
