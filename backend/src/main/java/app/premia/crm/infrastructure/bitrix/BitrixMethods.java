package app.premia.crm.infrastructure.bitrix;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Facts about method names: which are safe to repeat after an uncertain failure. */
public final class BitrixMethods {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
  private static final Set<String> READ_VERBS =
      Set.of("list", "get", "fields", "current", "info", "time", "count", "types", "search");
  private static final Set<String> READ_METHODS =
      Set.of("scope", "profile", "methods", "events", "user.admin", "app.info", "server.time");

  private BitrixMethods() {}

  /** Dotted lower-case names ({@code crm.deal.list}); anything else is refused before sending. */
  public static boolean isValidName(String method) {
    return method != null && method.length() <= 100 && NAME.matcher(method).matches();
  }

  /**
   * Whether repeating the method after a timeout, a dropped connection or a 5xx is harmless: reads
   * ({@code *.list}, {@code *.get}, {@code *.fields}, ...) are; writes ({@code im.notify.*}, {@code
   * log.blogpost.add}, {@code *.add}, {@code *.update}, {@code *.bind}, {@code event.offline.get}
   * which consumes the queue, ...) are not and are never retried blindly.
   */
  public static boolean isIdempotent(String method) {
    String m = method.toLowerCase(Locale.ROOT);
    if (READ_METHODS.contains(m)) {
      return true;
    }
    if (m.startsWith("im.notify")
        || m.startsWith("log.blogpost")
        || m.startsWith("event.offline")) {
      return false;
    }
    String last = m.substring(m.lastIndexOf('.') + 1);
    return READ_VERBS.contains(last) || last.startsWith("get") || last.startsWith("list");
  }
}
