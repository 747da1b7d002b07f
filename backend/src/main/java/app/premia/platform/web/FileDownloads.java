package app.premia.platform.web;

import app.premia.platform.errors.ErrorCode;
import app.premia.platform.graphql.GraphQlResource;
import app.premia.platform.security.IdentityResolver;
import app.premia.platform.security.RequestIdentity;
import jakarta.enterprise.inject.Instance;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What the endpoints that answer with files (plan templates, payout exports, the regulations PDF)
 * share: the caller's identity from the session cookie (as {@code /graphql} resolves it), the
 * download headers, and errors in the GraphQL error shape {@code
 * {"errors":[{"message":…,"extensions":{"code":…}}]}}.
 */
public final class FileDownloads {

  private FileDownloads() {}

  /** The identity of the request's session cookie; anonymous without one. */
  public static RequestIdentity identity(
      HttpServletRequest request, Instance<IdentityResolver> resolver) {
    if (resolver.isUnsatisfied()) {
      return RequestIdentity.anonymous();
    }
    String token = null;
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (GraphQlResource.SESSION_COOKIE.equals(cookie.getName())) {
          token = cookie.getValue();
        }
      }
    }
    return resolver.get().resolve(token);
  }

  /** A file to save: its type, names and no caching. */
  public static Response file(byte[] body, String contentType, String name, String asciiName) {
    return Response.ok(body, contentType)
        .header("Content-Disposition", contentDisposition(name, asciiName))
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /**
   * {@code attachment} with an ASCII fallback name and the real (Russian) name per RFC 6266 / RFC
   * 5987: {@code attachment; filename="plan-2026-11.xlsx"; filename*=UTF-8''%D0%9F...}.
   */
  public static String contentDisposition(String name, String asciiName) {
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encoded;
  }

  /** The name with every non-ASCII character replaced (the header's fallback name). */
  public static String asciiName(String name) {
    StringBuilder out = new StringBuilder();
    for (char c : name.toCharArray()) {
      out.append(c < 128 && c != '"' && c != '\\' ? c : '_');
    }
    return out.toString();
  }

  /**
   * A refused download as its status: 401 without a session, 403 forbidden, 404 not found (another
   * tenant's id answers exactly like a missing one), 400 otherwise.
   */
  public static Response refusal(app.premia.platform.errors.PremiaException e) {
    return switch (e.code()) {
      case UNAUTHENTICATED -> error(401, e.code(), e.getMessage());
      case FORBIDDEN -> error(403, e.code(), e.getMessage());
      case NOT_FOUND -> error(404, e.code(), e.getMessage());
      default -> error(400, e.code(), e.getMessage());
    };
  }

  public static Response error(int status, ErrorCode code, String message) {
    String json =
        "{\"errors\":[{\"message\":\""
            + message.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\",\"extensions\":{\"code\":\""
            + code.name()
            + "\"}}]}";
    return Response.status(status)
        .type("application/json;charset=utf-8")
        .header("Cache-Control", "no-store")
        .entity(json)
        .build();
  }
}
