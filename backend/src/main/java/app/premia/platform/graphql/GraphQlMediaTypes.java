package app.premia.platform.graphql;

import java.util.Locale;

/** Content negotiation for GraphQL over HTTP. */
final class GraphQlMediaTypes {

  private GraphQlMediaTypes() {}

  /**
   * The media type to answer with: the GraphQL response type when the client accepts it (or
   * anything), plain JSON for legacy clients, null when neither is acceptable.
   */
  static String responseType(String accept) {
    if (accept == null || accept.isBlank()) {
      return "application/json";
    }
    String normalized = accept.toLowerCase(Locale.ROOT);
    boolean json = false;
    for (String part : normalized.split(",")) {
      String type = part.split(";", 2)[0].strip();
      if (type.equals(GraphQlResource.GRAPHQL_RESPONSE)
          || type.equals("*/*")
          || type.equals("application/*")) {
        return GraphQlResource.GRAPHQL_RESPONSE;
      }
      json |= type.equals("application/json");
    }
    return json ? "application/json" : null;
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json");
  }
}
