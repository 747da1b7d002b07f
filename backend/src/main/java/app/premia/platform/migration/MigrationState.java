package app.premia.platform.migration;

import java.time.Instant;

/**
 * Where the database migration stands. The server is ready only in {@link Phase#DONE}.
 *
 * @param phase what the migrator is doing
 * @param detail a one-line explanation for people (why it failed, how many changes ran)
 * @param appliedNow changesets applied by this start (0 on a restart against a current database)
 * @param at when this state was entered
 */
public record MigrationState(Phase phase, String detail, int appliedNow, Instant at) {

  /** The migrator's phases. */
  public enum Phase {
    PENDING,
    RUNNING,
    DONE,
    FAILED
  }

  public static MigrationState pending(Instant at) {
    return new MigrationState(Phase.PENDING, "not started", 0, at);
  }

  public boolean isDone() {
    return phase == Phase.DONE;
  }
}
