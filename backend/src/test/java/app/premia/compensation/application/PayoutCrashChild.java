package app.premia.compensation.application;

import app.premia.kpi.application.KpiFeedService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * "The application" of {@link PayoutCrashIT}: a JVM of its own that prepares one month's payout run
 * through the product's code ({@link Payouts#prepare} on a {@link PayoutStore} and a {@link
 * SchemeStore} over one runtime-role connection, one transaction) and commits, the way the server's
 * use case does it. The test kills it, or stops PostgreSQL under it, at a random moment.
 *
 * <p>It prints one marker a line on stdout so the test knows where it was when the fault hit:
 * {@code START}, {@code CONNECTED} (then the draft is computed in memory), {@code RUN_ROW}, {@code
 * STATEMENTS}, {@code LINES}, {@code TOTALS} (the steps of the write, see {@link
 * #announcingWrites}), {@code PREPARED <run id>} (everything written, not yet committed) and {@code
 * COMMITTED <run id>}. Exit status 0 only after the commit; any failure (a dropped connection above
 * all) prints its stack trace on stderr and exits 1, without retrying: what a crashed server leaves
 * behind is what the test wants to see.
 *
 * <p>Arguments: tenant id, preparing user id, the month's first day (ISO). The database comes from
 * {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD} (inherited from failsafe).
 */
public final class PayoutCrashChild {

  /** "Now" for the child: 10 April 2026 (UTC), so March 2026 is closed. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-10T09:00:00Z"), ZoneOffset.UTC);

  public static void main(String[] args) {
    marker("START");
    try {
      UUID tenant = UUID.fromString(args[0]);
      UUID preparer = UUID.fromString(args[1]);
      LocalDate month = LocalDate.parse(args[2]);
      try (Connection raw =
          DriverManager.getConnection(
              env("DB_URL"), env("DB_USER"), System.getenv("DB_PASSWORD"))) {
        raw.setAutoCommit(false);
        PayrollFixture.context(raw, tenant, null);
        raw.commit();
        marker("CONNECTED");
        Connection c = announcingWrites(raw);
        Payouts payouts =
            new Payouts(
                new PayoutStore(c, tenant),
                new SchemeStore(c, tenant),
                new KpiFeedService(),
                CLOCK);
        PayoutStore.RunRow run = payouts.prepare(month, preparer, "ru");
        marker("PREPARED " + run.id());
        raw.commit();
        marker("COMMITTED " + run.id());
      }
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  /**
   * The connection, printing a marker as each step of the write begins: {@code RUN_ROW} (the run's
   * row is inserted and locked, {@link PayoutStore#lockRun}), {@code STATEMENTS} and {@code LINES}
   * (each batch of {@link PayoutStore#writeDraft} is sent) and {@code TOTALS} (the run's totals are
   * set, the last statement before the commit). Everything else is passed through unchanged.
   */
  static Connection announcingWrites(Connection connection) {
    return proxy(
        Connection.class,
        connection,
        (method, args) -> {
          if (method.equals("prepareStatement") && args != null && args[0] instanceof String sql) {
            if (sql.startsWith("INSERT INTO pay_run ")) {
              marker("RUN_ROW");
            } else if (sql.startsWith("UPDATE pay_run SET revision")) {
              marker("TOTALS");
            } else if (sql.startsWith("INSERT INTO pay_statement ")) {
              return "STATEMENTS";
            } else if (sql.startsWith("INSERT INTO pay_statement_line ")) {
              return "LINES";
            }
          }
          return null;
        });
  }

  /** What a proxied call announces: null, or the marker of the statement it prepares. */
  interface Announcer {
    String announce(String method, Object[] args);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, Announcer announcer) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              String batch = announcer.announce(method.getName(), args);
              Object result;
              try {
                result = method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              if (batch != null) {
                // the statement announces itself when its first batch is sent
                PreparedStatement statement = (PreparedStatement) result;
                boolean[] announced = {false};
                return proxy(
                    PreparedStatement.class,
                    statement,
                    (m, a) -> {
                      if (m.equals("executeBatch") && !announced[0]) {
                        announced[0] = true;
                        marker(batch);
                      }
                      return null;
                    });
              }
              return result;
            });
  }

  static void marker(String text) {
    System.out.println(text);
    System.out.flush();
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set");
    }
    return value;
  }

  private PayoutCrashChild() {}
}
