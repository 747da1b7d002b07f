package app.premia.crm.application;

import app.premia.crm.domain.SyncMode;
import app.premia.platform.migration.DatabaseReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps every connected portal current: a tick every few seconds starts, per tenant, the pass that
 * is due — full when none finished yet, reconciliation when the last one is older than the
 * reconcile interval, incremental when the last pass is older than the incremental interval — and
 * reads installed apps' offline event queues. Events are hints; this is what makes the copy
 * complete.
 */
@ApplicationScoped
public class SyncScheduler {

  private static final Logger LOG = Logger.getLogger(SyncScheduler.class.getName());

  @Inject SyncEngine engine;
  @Inject SyncTransactions tx;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "premia.sync.schedule", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "premia.sync.tick", defaultValue = "PT15S")
  Duration tick;

  @Inject
  @ConfigProperty(name = "premia.sync.incremental-interval", defaultValue = "PT5M")
  Duration incrementalInterval;

  @Inject
  @ConfigProperty(name = "premia.sync.reconcile-interval", defaultValue = "PT6H")
  Duration reconcileInterval;

  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> ticking;

  /**
   * Passes that were running when the server stopped are marked failed (the next one resumes from
   * its cursor). Runs before the demo portals start their first pass.
   */
  void recover(@Observes @Priority(2800) DatabaseReady ready) {
    for (PortalTenant tenant : tx.activePortals()) {
      tx.interrupted(tenant);
    }
  }

  void onDatabaseReady(@Observes @Priority(3000) DatabaseReady ready) {
    if (!enabled || ticking != null) {
      return;
    }
    ticking =
        scheduler.scheduleWithFixedDelay(
            this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info(
        "Bitrix24 sync scheduled: tick "
            + tick
            + ", incremental every "
            + incrementalInterval
            + ", reconciliation every "
            + reconcileInterval);
  }

  @PreDestroy
  void stop() {
    if (ticking != null) {
      ticking.cancel(false);
    }
  }

  void tick() {
    try {
      for (PortalTenant tenant : tx.activePortals()) {
        try {
          dispatch(tenant);
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING,
              "Sync tick failed for tenant "
                  + tenant.tenantId()
                  + ": "
                  + SyncEngine.safeMessage(e));
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Sync tick failed", e);
    }
  }

  private void dispatch(PortalTenant tenant) {
    engine.pollOfflineEventsAsync(tenant);
    if (engine.running(tenant.tenantId()) != null) {
      return;
    }
    SyncTransactions.Due due = tx.due(tenant);
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (due.lastFullSync() == null) {
      engine.start(tenant, SyncMode.FULL);
    } else if (olderThan(
        due.lastReconciled() == null ? due.lastFullSync() : due.lastReconciled(),
        reconcileInterval,
        now)) {
      engine.start(tenant, SyncMode.RECONCILE);
    } else if (olderThan(due.lastPass(), incrementalInterval, now)) {
      engine.start(tenant, SyncMode.INCREMENTAL);
    }
  }

  private static boolean olderThan(OffsetDateTime at, Duration interval, OffsetDateTime now) {
    return at == null || at.plus(interval).isBefore(now);
  }
}
