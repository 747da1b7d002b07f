package app.premia.platform.web;

import java.util.List;

/** Decides which requests are browser navigations to the single-page app. */
final class SpaRoutes {

  /** Paths owned by the server; never answered with the app. */
  private static final List<String> SERVER_PREFIXES =
      List.of("/graphql", "/api/", "/health", "/metrics", "/openapi", "/assets/", "/_error");

  private SpaRoutes() {}

  static boolean isClientRoute(String method, String path, String accept) {
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return false;
    }
    if (path.isEmpty() || path.equals("/")) {
      return true;
    }
    for (String prefix : SERVER_PREFIXES) {
      if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
        return false;
      }
    }
    String lastSegment = path.substring(path.lastIndexOf('/') + 1);
    if (lastSegment.contains(".")) {
      return false; // a file: served if it exists, 404 otherwise
    }
    return accept != null && accept.contains("text/html");
  }
}
