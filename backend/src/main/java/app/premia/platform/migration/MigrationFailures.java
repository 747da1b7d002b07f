package app.premia.platform.migration;

import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns the exception chain of a failed migration into one line an operator can act on: what
 * failed, where, and which setting to check. No stack trace, no password.
 */
final class MigrationFailures {

  private MigrationFailures() {}

  static String describe(Throwable failure, String url, String ownerUser) {
    SQLException sql = find(failure, SQLException.class);
    String state = sql == null ? null : sql.getSQLState();
    String root = rootMessage(failure);
    if (state != null && state.startsWith("08")) {
      return "Cannot reach the database at "
          + url
          + ": "
          + root
          + " Check DB_URL and that PostgreSQL is running.";
    }
    if ("28P01".equals(state) || "28000".equals(state)) {
      return "The database refused the migration owner '"
          + ownerUser
          + "' at "
          + url
          + ": "
          + root
          + " Check DB_OWNER_USER and DB_OWNER_PASSWORD.";
    }
    if ("3D000".equals(state)) {
      return "The database in "
          + url
          + " does not exist: "
          + root
          + " Create it with infra/scripts/prepare-db.sh or fix DB_URL.";
    }
    return "Database migration failed at " + url + " as '" + ownerUser + "': " + chain(failure);
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    message = message.strip();
    return message.endsWith(".") ? message : message + ".";
  }

  /** The distinct messages of the chain, outermost first: Liquibase names the changeset. */
  private static String chain(Throwable failure) {
    Set<String> messages = new LinkedHashSet<>();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        messages.add(t.getMessage().strip().replaceAll("\\s+", " "));
      }
    }
    return messages.isEmpty() ? failure.getClass().getSimpleName() : String.join(" <- ", messages);
  }
}
