package app.premia.platform.graphql;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The language a request's texts are written in ({@code ru} or {@code en}): taken from the SPA's
 * {@code Accept-Language} header (the UI's current language) and held for the thread that executes
 * the request, like {@link app.premia.platform.security.IdentityScope} holds the identity. Russian
 * unless the header's first language is English. Texts the server composes (explanations, readable
 * diffs, business-error messages of the contexts that support it) read {@link #current()}.
 */
public final class RequestLanguage {

  /** The default: Russian first. */
  public static final String DEFAULT = "ru";

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestLanguage() {}

  /**
   * {@code en} when the header's first (most preferred) language tag is English, else {@code ru}.
   */
  public static String fromHeader(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return DEFAULT;
    }
    String first = acceptLanguage.split(",", 2)[0].split(";", 2)[0].trim();
    return first.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : DEFAULT;
  }

  /** Runs the work with this language as the current one. */
  public static <T> T runIn(String language, Supplier<T> work) {
    Objects.requireNonNull(language, "language");
    String previous = CURRENT.get();
    CURRENT.set(language);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The current request's language; {@link #DEFAULT} outside a request. */
  public static String current() {
    String language = CURRENT.get();
    return language == null ? DEFAULT : language;
  }
}
