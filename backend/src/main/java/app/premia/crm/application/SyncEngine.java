package app.premia.crm.application;

import app.premia.crm.api.CrmFactsChanged;
import app.premia.crm.domain.SyncEntity;
import app.premia.crm.domain.SyncMode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs sync passes and event drains, at most one pass per tenant at a time. A pass reads the
 * dictionaries, then the large entities in parallel lanes — one lane per Bitrix24 method, so the
 * same method never runs twice at once for a portal — and writes every chunk with its cursor in one
 * transaction ({@link SyncTransactions}). HTTP work happens outside transactions.
 */
@ApplicationScoped
public class SyncEngine {

  private static final Logger LOG = Logger.getLogger(SyncEngine.class.getName());

  static final List<SyncEntity> DICTIONARIES =
      List.of(
          SyncEntity.CURRENCY,
          SyncEntity.PIPELINE,
          SyncEntity.STAGE,
          SyncEntity.DEPARTMENT,
          SyncEntity.EMPLOYEE);

  /** Lanes of a pass: entities of one lane share a Bitrix24 method and run one after another. */
  static final List<List<SyncEntity>> LANES =
      List.of(
          List.of(SyncEntity.DEAL),
          List.of(SyncEntity.DEAL_STAGE_HISTORY, SyncEntity.LEAD_STAGE_HISTORY),
          List.of(SyncEntity.ACTIVITY),
          List.of(SyncEntity.LEAD),
          List.of(SyncEntity.CONTACT),
          List.of(SyncEntity.COMPANY));

  private static final int FETCH_BATCH = 50;

  @Inject SyncTransactions tx;
  @Inject PortalGateway gateway;
  @Inject Event<CrmFactsChanged> factsChanged;

  @Resource ManagedThreadFactory threadFactory;

  private ExecutorService workers;
  private final Map<UUID, SyncMode> running = new ConcurrentHashMap<>();
  private final Map<UUID, AtomicBoolean> draining = new ConcurrentHashMap<>();
  private final Map<UUID, AtomicBoolean> drainAgain = new ConcurrentHashMap<>();
  private final Map<UUID, Boolean> polling = new ConcurrentHashMap<>();

  @PostConstruct
  void init() {
    workers = Executors.newCachedThreadPool(threadFactory);
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
  }

  /** Starts a pass unless one is running for the tenant; says whether it started. */
  public boolean start(PortalTenant tenant, SyncMode mode) {
    if (running.putIfAbsent(tenant.tenantId(), mode) != null) {
      return false;
    }
    try {
      workers.submit(
          () -> {
            try {
              pass(tenant, mode);
            } catch (RuntimeException e) {
              LOG.log(
                  Level.WARNING,
                  "Sync pass " + mode + " failed for tenant " + tenant.tenantId(),
                  e);
            } finally {
              running.remove(tenant.tenantId());
            }
            changed(tenant, mode == SyncMode.FULL || mode == SyncMode.RECONCILE);
            drain(tenant);
          });
      return true;
    } catch (RuntimeException e) {
      running.remove(tenant.tenantId());
      throw e;
    }
  }

  /** The mode of the pass running for the tenant, or null. */
  public SyncMode running(UUID tenantId) {
    return running.get(tenantId);
  }

  /**
   * After an app installation: binds Premia's event handler and the offline queue, then starts the
   * first full pass. A failed binding leaves the sync working (events are only hints).
   */
  public void installed(PortalTenant tenant, String handlerUrl) {
    workers.submit(
        () -> {
          try {
            PortalRecord portal = tx.portal(tenant).filter(PortalRecord::connected).orElse(null);
            if (portal != null) {
              try (PortalSession session = open(tenant, portal)) {
                session.bindEvents(handlerUrl);
              }
            }
          } catch (RuntimeException e) {
            LOG.log(
                Level.WARNING,
                "Binding events failed for tenant " + tenant.tenantId() + ": " + safeMessage(e));
          }
          start(tenant, SyncMode.FULL);
        });
  }

  /** Runs one pass in the calling thread (the lanes still run in parallel). */
  void pass(PortalTenant tenant, SyncMode mode) {
    PortalRecord portal = tx.portal(tenant).filter(PortalRecord::connected).orElse(null);
    if (portal == null) {
      return;
    }
    try (PortalSession session = open(tenant, portal)) {
      // the portal's clock before anything is read: the next incremental window starts here, so
      // whatever changes while this pass runs is read again by the next one
      OffsetDateTime windowStart = session.portalTime();
      for (SyncEntity entity : DICTIONARIES) {
        dictionary(tenant, session, entity);
      }
      // every paged entity counted in one request (for the progress bars)
      Map<SyncEntity, Long> totals = counts(session, mode, tenant);
      if (!totals.isEmpty()) {
        tx.plan(tenant, mode, totals);
      }
      List<Future<?>> lanes = new ArrayList<>();
      for (List<SyncEntity> lane : LANES) {
        lanes.add(
            workers.submit(
                () -> {
                  for (SyncEntity entity : lane) {
                    entity(tenant, session, entity, mode, windowStart, totals.get(entity));
                  }
                  return null;
                }));
      }
      for (Future<?> lane : lanes) {
        try {
          lane.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof PortalException p
              && p.kind() == PortalException.Kind.NEEDS_REAUTH) {
            tx.markPortal(tenant, "NEEDS_REAUTH", p.getMessage());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    } catch (PortalException e) {
      if (e.kind() == PortalException.Kind.NEEDS_REAUTH) {
        tx.markPortal(tenant, "NEEDS_REAUTH", e.getMessage());
      }
      throw e;
    }
  }

  private PortalSession open(PortalTenant tenant, PortalRecord portal) {
    return gateway.open(
        portal.access(),
        portal.options(),
        (accessToken, refreshToken) -> tx.storeTokens(tenant, accessToken, refreshToken));
  }

  private PortalSession.Chunk dictionary(
      PortalTenant tenant, PortalSession session, SyncEntity entity) {
    tx.begin(tenant, entity, SyncMode.FULL);
    try {
      PortalSession.Chunk chunk = session.dictionary(entity);
      tx.replaceDictionary(tenant, entity, chunk);
      tx.finish(tenant, entity, SyncMode.FULL, null, null);
      return chunk;
    } catch (RuntimeException e) {
      tx.finish(tenant, entity, SyncMode.FULL, null, safeMessage(e));
      if (e instanceof PortalException p && p.kind() == PortalException.Kind.NEEDS_REAUTH) {
        throw e;
      }
      LOG.log(Level.WARNING, "Dictionary " + entity + " failed: " + safeMessage(e));
      return null;
    }
  }

  private void entity(
      PortalTenant tenant,
      PortalSession session,
      SyncEntity entity,
      SyncMode requested,
      OffsetDateTime windowStart,
      Long counted) {
    SyncTransactions.Pass pass = tx.begin(tenant, entity, requested);
    SyncMode mode = requested;
    if (mode == SyncMode.INCREMENTAL && !entity.appendOnly() && pass.modifiedSince() == null) {
      mode = SyncMode.FULL; // never fully read: there is no window to continue from
      pass = tx.begin(tenant, entity, SyncMode.FULL);
    }
    try {
      switch (mode) {
        case FULL -> {
          long total = counted != null ? counted : session.count(entity, null);
          tx.total(tenant, entity, total, pass.resumed() ? null : windowStart);
          read(tenant, session, entity, pass.cursorId(), null);
          tx.finish(tenant, entity, mode, null, null);
        }
        case INCREMENTAL -> {
          if (entity.appendOnly()) {
            read(tenant, session, entity, tx.maxId(tenant, entity), null);
          } else {
            long total = session.count(entity, pass.modifiedSince());
            tx.total(tenant, entity, total, null);
            read(tenant, session, entity, 0, pass.modifiedSince());
          }
          tx.finish(tenant, entity, mode, windowStart, null);
        }
        case RECONCILE -> {
          long[] ids = session.ids(entity);
          List<Long> missing = tx.reconcile(tenant, entity, ids);
          for (int from = 0; from < missing.size(); from += FETCH_BATCH) {
            List<Long> part = missing.subList(from, Math.min(missing.size(), from + FETCH_BATCH));
            tx.applyFetched(tenant, entity, part, session.fetch(entity, part), List.of());
          }
          tx.finish(tenant, entity, mode, pass.modifiedSince(), null);
        }
      }
    } catch (RuntimeException e) {
      tx.finish(tenant, entity, mode, null, safeMessage(e));
      LOG.log(Level.WARNING, "Sync of " + entity + " failed: " + safeMessage(e));
      if (e instanceof PortalException p && p.kind() == PortalException.Kind.NEEDS_REAUTH) {
        throw e;
      }
    }
  }

  static final int WRITES_IN_FLIGHT = 3;

  /**
   * Counts of the paged entities for a full pass, in one batch; empty for other passes (an
   * incremental pass counts per entity from its own window) or when the batch fails.
   */
  private static Map<SyncEntity, Long> counts(
      PortalSession session, SyncMode mode, PortalTenant tenant) {
    if (mode != SyncMode.FULL) {
      return Map.of();
    }
    List<SyncEntity> paged = new ArrayList<>();
    for (List<SyncEntity> lane : LANES) {
      paged.addAll(lane);
    }
    try {
      return session.counts(paged, null);
    } catch (PortalException e) {
      LOG.log(Level.INFO, "Counting in one batch failed, counting per entity: " + e.getMessage());
      return Map.of();
    }
  }

  /**
   * Reads an entity and writes it chunk by chunk. Writing overlaps the next request: one writer
   * thread per entity commits the chunks in order (each with its cursor), at most {@value
   * #WRITES_IN_FLIGHT} behind the reader, so a lane keeps the portal's request rate even when a
   * chunk's transaction takes a while.
   */
  private void read(
      PortalTenant tenant,
      PortalSession session,
      SyncEntity entity,
      long afterId,
      OffsetDateTime modifiedSince) {
    try (ChunkWriter writer = new ChunkWriter(threadFactory, WRITES_IN_FLIGHT)) {
      session.iterate(
          entity,
          afterId,
          modifiedSince,
          chunk ->
              writer.submit(
                  () -> tx.apply(tenant, entity, chunk, session.pacing().throttledMillis())));
      writer.finish();
    }
  }

  /**
   * Applies the waiting event hints of a tenant: re-reads each object and writes its current state
   * (or deletes it when the portal no longer has it). One drain per tenant at a time; a request to
   * drain during a drain makes it go round once more.
   */
  public void drainAsync(PortalTenant tenant) {
    workers.submit(() -> drain(tenant));
  }

  void drain(PortalTenant tenant) {
    AtomicBoolean busy = draining.computeIfAbsent(tenant.tenantId(), k -> new AtomicBoolean());
    AtomicBoolean again = drainAgain.computeIfAbsent(tenant.tenantId(), k -> new AtomicBoolean());
    again.set(true);
    if (!busy.compareAndSet(false, true)) {
      return;
    }
    try {
      while (again.getAndSet(false)) {
        drainOnce(tenant);
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Applying events failed for tenant " + tenant.tenantId() + ": " + safeMessage(e));
    } finally {
      busy.set(false);
    }
    changed(tenant, false);
  }

  /**
   * Tells the observers (KPI re-measurement) that the tenant's facts were written; their failure
   * never breaks the sync.
   */
  private void changed(PortalTenant tenant, boolean everything) {
    try {
      factsChanged.fire(new CrmFactsChanged(tenant.tenantId(), tenant.consultancyId(), everything));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "An observer of the facts of tenant " + tenant.tenantId() + " failed: " + safeMessage(e));
    }
  }

  private void drainOnce(PortalTenant tenant) {
    List<SyncTransactions.InboxItem> items = tx.inbox(tenant, 500);
    if (items.isEmpty()) {
      return;
    }
    PortalRecord portal = tx.portal(tenant).filter(PortalRecord::connected).orElse(null);
    if (portal == null) {
      return;
    }
    try (PortalSession session = open(tenant, portal)) {
      while (!items.isEmpty()) {
        Map<SyncEntity, List<SyncTransactions.InboxItem>> byEntity = new LinkedHashMap<>();
        for (SyncTransactions.InboxItem item : items) {
          byEntity.computeIfAbsent(item.entity(), k -> new ArrayList<>()).add(item);
        }
        for (Map.Entry<SyncEntity, List<SyncTransactions.InboxItem>> group : byEntity.entrySet()) {
          List<SyncTransactions.InboxItem> all = group.getValue();
          for (int from = 0; from < all.size(); from += FETCH_BATCH) {
            List<SyncTransactions.InboxItem> part =
                all.subList(from, Math.min(all.size(), from + FETCH_BATCH));
            List<Long> ids = part.stream().map(SyncTransactions.InboxItem::objectId).toList();
            PortalSession.Chunk chunk = session.fetch(group.getKey(), ids);
            tx.applyFetched(tenant, group.getKey(), ids, chunk, part);
          }
        }
        items = tx.inbox(tenant, 500);
      }
    }
  }

  /** Reads the offline event queue in the background, one reader per tenant at a time. */
  public void pollOfflineEventsAsync(PortalTenant tenant) {
    if (polling.putIfAbsent(tenant.tenantId(), Boolean.TRUE) != null) {
      return;
    }
    workers.submit(
        () -> {
          try {
            pollOfflineEvents(tenant);
          } catch (RuntimeException e) {
            LOG.log(
                Level.WARNING,
                "Offline events failed for tenant " + tenant.tenantId() + ": " + safeMessage(e));
          } finally {
            polling.remove(tenant.tenantId());
          }
        });
  }

  /** Reads the portal's offline event queue into the inbox, then confirms it (at least once). */
  void pollOfflineEvents(PortalTenant tenant) {
    PortalRecord portal = tx.portal(tenant).filter(PortalRecord::connected).orElse(null);
    if (portal == null || !"APP".equals(portal.mode())) {
      return;
    }
    try (PortalSession session = open(tenant, portal)) {
      for (int round = 0; round < 20; round++) {
        PortalSession.OfflineBatch batch = session.takeOfflineEvents();
        if (batch == null || batch.hints().isEmpty()) {
          break;
        }
        tx.enqueue(tenant, batch.hints());
        session.clearOfflineEvents(batch.processId());
      }
    }
    drain(tenant);
  }

  static String safeMessage(Throwable e) {
    if (e instanceof PortalException) {
      return e.getMessage();
    }
    return "Внутренняя ошибка синхронизации (" + e.getClass().getSimpleName() + ")";
  }
}
