package app.premia.platform.migration;

import app.premia.platform.config.Settings;
import app.premia.platform.migration.MigrationState.Phase;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the schema up to date when the application starts, before it reports ready.
 *
 * <p>If the database cannot be reached or a change fails, the server still starts but stays not
 * ready: it logs one clear line per attempt (no stack trace; that goes to FINE) and retries with a
 * growing pause, so a database that comes up later is picked up without a restart.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class MigrationStartup {

  private static final Logger LOG = Logger.getLogger(MigrationStartup.class.getName());
  private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  private static final Duration LAST_RETRY = Duration.ofSeconds(60);

  @Inject Settings settings;
  @Inject MigrationStatus status;
  @Inject Clock clock;
  @Inject Event<DatabaseReady> ready;

  @Resource ManagedScheduledExecutorService scheduler;

  private volatile ScheduledFuture<?> retry;
  private Duration nextPause = FIRST_RETRY;

  @PostConstruct
  void start() {
    attempt();
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> pending = retry;
    if (pending != null) {
      pending.cancel(false);
    }
  }

  /** Runs the migrator once and records the outcome; schedules a retry on failure. */
  void attempt() {
    status.set(new MigrationState(Phase.RUNNING, "migrating", 0, clock.instant()));
    try {
      MigrationReport report = migrator().migrate();
      String detail =
          report.appliedNow() == 0
              ? "database is up to date (" + report.appliedTotal() + " changesets), nothing to run"
              : "applied "
                  + report.appliedNow()
                  + " changesets ("
                  + report.appliedTotal()
                  + " in all)";
      LOG.info(() -> "Premia database migration: " + detail);
      announceReady(report);
      status.set(new MigrationState(Phase.DONE, detail, report.appliedNow(), clock.instant()));
    } catch (MigrationException e) {
      status.set(new MigrationState(Phase.FAILED, e.getMessage(), 0, clock.instant()));
      LOG.severe(
          () ->
              "Premia is NOT READY. "
                  + e.getMessage()
                  + " Retrying in "
                  + nextPause.toSeconds()
                  + " s.");
      LOG.log(Level.FINE, "Migration failure detail", e);
      scheduleRetry();
    }
  }

  /** Tells observers (demo data) that the schema is current; their failure is logged, not fatal. */
  private void announceReady(MigrationReport report) {
    try {
      ready.fire(new DatabaseReady(report.appliedNow()));
    } catch (RuntimeException e) {
      // e.g. demo seeding failed: the schema is fine and the server stays useful; say so loudly
      LOG.log(Level.SEVERE, "Work after migration failed: " + e, e);
    }
  }

  /** Runs the migrator again now; used by tests to prove a restart executes nothing. */
  public MigrationReport migrateAgain() {
    return migrator().migrate();
  }

  private DatabaseMigrator migrator() {
    return new DatabaseMigrator(
        settings.databaseUrl(),
        settings.ownerUser(),
        settings.ownerPassword(),
        settings.runtimeUser());
  }

  private void scheduleRetry() {
    Duration pause = nextPause;
    nextPause =
        pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : pause.multipliedBy(2);
    retry = scheduler.schedule(this::attempt, pause.toMillis(), TimeUnit.MILLISECONDS);
  }
}
