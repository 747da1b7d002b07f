package app.premia.platform.config;

import java.util.Locale;

/**
 * The configuration profile a server runs in. It decides only developer conveniences (GraphiQL,
 * schema introspection), never business behaviour.
 */
public enum RuntimeProfile {
  /** A developer's machine: GraphiQL and introspection on. */
  DEV,
  /** Automated tests. */
  TEST,
  /** Production: no developer tools. */
  PROD;

  /**
   * Parses a profile name as given in {@code PREMIA_PROFILE}.
   *
   * @throws IllegalArgumentException naming the accepted values when the name is unknown
   */
  public static RuntimeProfile parse(String name) {
    if (name == null || name.isBlank()) {
      return PROD;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Unknown profile '" + name + "': expected one of dev, test, prod", e);
    }
  }

  public boolean isDev() {
    return this == DEV;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
