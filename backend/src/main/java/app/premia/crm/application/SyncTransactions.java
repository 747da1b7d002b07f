package app.premia.crm.application;

import app.premia.crm.domain.RejectedRow;
import app.premia.crm.domain.SyncEntity;
import app.premia.crm.domain.SyncMode;
import app.premia.platform.security.IdentityScope;
import app.premia.platform.security.RequestIdentity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The sync's units of work, each in its own transaction as the system for one tenant (ADR 0014):
 * rows and the progress that describes them commit together, so an interrupted sync resumes from
 * exactly what was written. Called from the sync's worker threads, never from a request's
 * transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SyncTransactions {

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject SecretCipher cipher;

  /** Cursor and window of an entity's pass, as {@link #begin} found or reset them. */
  public record Pass(long cursorId, long fetched, OffsetDateTime modifiedSince, boolean resumed) {}

  /** A queued event hint. */
  public record InboxItem(SyncEntity entity, long objectId, OffsetDateTime receivedAt) {}

  private <T> T as(PortalTenant tenant, SqlWork<T> work) {
    return IdentityScope.runAs(
        RequestIdentity.systemFor(tenant.consultancyId(), tenant.tenantId()),
        () -> {
          try {
            return work.run(em.unwrap(Connection.class));
          } catch (SQLException e) {
            throw new IllegalStateException("Sync write failed: " + e.getMessage(), e);
          }
        });
  }

  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** Every tenant with an active connection (the global registry; no tenant data). */
  public List<PortalTenant> activePortals() {
    return IdentityScope.runAs(
        RequestIdentity.anonymous(),
        () -> {
          try (PreparedStatement s =
              em.unwrap(Connection.class)
                  .prepareStatement(
                      "SELECT owner_tenant_id, consultancy_id FROM portal_registry WHERE active"
                          + " ORDER BY registered_at")) {
            List<PortalTenant> tenants = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                tenants.add(
                    new PortalTenant(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
              }
            }
            return tenants;
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** The tenant's connection with its secrets, if it has one. */
  public Optional<PortalRecord> portal(PortalTenant tenant) {
    return as(tenant, c -> PortalRows.load(c, tenant.tenantId(), cipher));
  }

  public void storeTokens(PortalTenant tenant, String accessToken, String refreshToken) {
    as(
        tenant,
        c -> {
          PortalRows.storeTokens(c, tenant.tenantId(), cipher, accessToken, refreshToken, now());
          return null;
        });
  }

  public void markPortal(PortalTenant tenant, String status, String error) {
    as(
        tenant,
        c -> {
          PortalRows.mark(c, tenant.tenantId(), status, error, now());
          return null;
        });
  }

  /**
   * Starts an entity's pass. A full pass resumes an interrupted full pass from its cursor;
   * otherwise counters start from zero.
   */
  public Pass begin(PortalTenant tenant, SyncEntity entity, SyncMode mode) {
    return as(
        tenant,
        c -> {
          OffsetDateTime now = now();
          Pass previous = null;
          String previousPhase = null;
          String previousMode = null;
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT phase, mode, cursor_id, fetched, modified_since FROM crm_sync_state"
                      + " WHERE tenant_id = ? AND entity = ? FOR UPDATE")) {
            s.setObject(1, tenant.tenantId());
            s.setString(2, entity.name());
            try (ResultSet rs = s.executeQuery()) {
              if (rs.next()) {
                previousPhase = rs.getString(1);
                previousMode = rs.getString(2);
                previous =
                    new Pass(
                        rs.getLong(3), rs.getLong(4), rs.getObject(5, OffsetDateTime.class), false);
              }
            }
          }
          boolean resume =
              mode == SyncMode.FULL
                  && previous != null
                  && "FULL".equals(previousMode)
                  && !"DONE".equals(previousPhase)
                  && previous.cursorId() > 0;
          long cursor = resume ? previous.cursorId() : 0;
          long fetched = resume ? previous.fetched() : 0;
          OffsetDateTime since = previous == null ? null : previous.modifiedSince();
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO crm_sync_state (tenant_id, entity, phase, mode, fetched, total,"
                      + " quarantined, deleted, cursor_id, modified_since, throttled_ms, started_at,"
                      + " updated_at, finished_at, last_error)"
                      + " VALUES (?, ?, 'RUNNING', ?, ?, NULL, 0, 0, ?, ?, 0, ?, ?, NULL, NULL)"
                      + " ON CONFLICT (tenant_id, entity) DO UPDATE SET phase = 'RUNNING',"
                      + " mode = excluded.mode, fetched = excluded.fetched,"
                      + " total = CASE WHEN crm_sync_state.phase = 'PENDING'"
                      + " THEN crm_sync_state.total END,"
                      + " quarantined = CASE WHEN ? THEN crm_sync_state.quarantined ELSE 0 END,"
                      + " deleted = 0, cursor_id = excluded.cursor_id, throttled_ms = 0,"
                      + " started_at = CASE WHEN ? THEN crm_sync_state.started_at"
                      + " ELSE excluded.started_at END,"
                      + " updated_at = excluded.updated_at, finished_at = NULL, last_error = NULL,"
                      + " high_water = CASE WHEN ? THEN crm_sync_state.high_water END")) {
            s.setObject(1, tenant.tenantId());
            s.setString(2, entity.name());
            s.setString(3, mode.name());
            s.setLong(4, fetched);
            s.setLong(5, cursor);
            s.setObject(6, since);
            s.setObject(7, now);
            s.setObject(8, now);
            s.setBoolean(9, resume);
            s.setBoolean(10, resume);
            s.setBoolean(11, resume);
            s.executeUpdate();
          }
          return new Pass(cursor, fetched, since, resume);
        });
  }

  /**
   * Announces a pass: every paged entity shows as pending with the total it was counted at, so the
   * overall progress is right from the first second.
   */
  public void plan(PortalTenant tenant, SyncMode mode, java.util.Map<SyncEntity, Long> totals) {
    if (mode != SyncMode.FULL) {
      throw new IllegalArgumentException("only full passes are planned");
    }
    as(
        tenant,
        c -> {
          OffsetDateTime now = now();
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO crm_sync_state (tenant_id, entity, phase, mode, fetched, total,"
                      + " updated_at) VALUES (?, ?, 'PENDING', ?, 0, ?, ?)"
                      + " ON CONFLICT (tenant_id, entity) DO UPDATE SET phase = 'PENDING',"
                      + " mode = excluded.mode, total = excluded.total,"
                      // an interrupted full pass keeps its cursor (begin resumes it); else from 0
                      + " fetched = CASE WHEN crm_sync_state.phase = 'DONE'"
                      + " OR crm_sync_state.mode <> 'FULL' THEN 0 ELSE crm_sync_state.fetched END,"
                      + " cursor_id = CASE WHEN crm_sync_state.phase = 'DONE'"
                      + " OR crm_sync_state.mode <> 'FULL' THEN 0 ELSE crm_sync_state.cursor_id END,"
                      + " updated_at = excluded.updated_at, finished_at = NULL")) {
            for (java.util.Map.Entry<SyncEntity, Long> e : totals.entrySet()) {
              s.setObject(1, tenant.tenantId());
              s.setString(2, e.getKey().name());
              s.setString(3, mode.name());
              s.setLong(4, e.getValue());
              s.setObject(5, now);
              s.addBatch();
            }
            s.executeBatch();
          }
          return null;
        });
  }

  /**
   * Records how many rows the pass will read and, for a fresh pass, the portal time it began at:
   * the next incremental pass starts there (changes during a long full pass are not lost).
   */
  public void total(
      PortalTenant tenant, SyncEntity entity, long total, OffsetDateTime windowStart) {
    as(
        tenant,
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE crm_sync_state SET total = ?, updated_at = ?,"
                      + " high_water = coalesce(?, high_water)"
                      + " WHERE tenant_id = ? AND entity = ?")) {
            s.setLong(1, total);
            s.setObject(2, now());
            s.setObject(3, windowStart);
            s.setObject(4, tenant.tenantId());
            s.setString(5, entity.name());
            s.executeUpdate();
          }
          return null;
        });
  }

  /** Writes one chunk of a pass and moves its cursor, in one transaction. */
  public void apply(
      PortalTenant tenant, SyncEntity entity, PortalSession.Chunk chunk, long throttledMillis) {
    as(
        tenant,
        c -> {
          OffsetDateTime now = now();
          CrmFactsWriter.upsert(c, tenant.tenantId(), entity, chunk.facts(), now);
          CrmFactsWriter.quarantine(c, tenant.tenantId(), chunk.rejected(), now);
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE crm_sync_state SET fetched = fetched + ?, quarantined = quarantined + ?,"
                      + " cursor_id = greatest(cursor_id, ?), throttled_ms = ?, updated_at = ?"
                      + " WHERE tenant_id = ? AND entity = ?")) {
            s.setLong(1, chunk.facts().size() + chunk.rejected().size());
            s.setLong(2, chunk.rejected().size());
            s.setLong(3, chunk.lastId());
            s.setLong(4, throttledMillis);
            s.setObject(5, now);
            s.setObject(6, tenant.tenantId());
            s.setString(7, entity.name());
            s.executeUpdate();
          }
          return null;
        });
  }

  /** Replaces a whole dictionary: upserts what the portal has, deletes what it no longer has. */
  public void replaceDictionary(PortalTenant tenant, SyncEntity entity, PortalSession.Chunk chunk) {
    as(
        tenant,
        c -> {
          OffsetDateTime now = now();
          CrmFactsWriter.upsert(c, tenant.tenantId(), entity, chunk.facts(), now);
          CrmFactsWriter.quarantine(c, tenant.tenantId(), chunk.rejected(), now);
          int deleted =
              entity == SyncEntity.EMPLOYEE
                  ? 0 // employees stay: their history counts after they leave
                  : CrmFactsWriter.deleteNotSyncedSince(c, tenant.tenantId(), entity, now);
          int rows = chunk.facts().size() + chunk.rejected().size();
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE crm_sync_state SET fetched = ?, total = ?, quarantined = ?, deleted = ?,"
                      + " updated_at = ? WHERE tenant_id = ? AND entity = ?")) {
            s.setLong(1, rows);
            s.setLong(2, rows);
            s.setLong(3, chunk.rejected().size());
            s.setLong(4, deleted);
            s.setObject(5, now);
            s.setObject(6, tenant.tenantId());
            s.setString(7, entity.name());
            s.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Ends an entity's pass.
   *
   * @param nextSince where the next incremental pass starts (null keeps the current one)
   * @param error why it failed, or null when it succeeded
   */
  public void finish(
      PortalTenant tenant,
      SyncEntity entity,
      SyncMode mode,
      OffsetDateTime nextSince,
      String error) {
    as(
        tenant,
        c -> {
          OffsetDateTime now = now();
          boolean ok = error == null;
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE crm_sync_state SET phase = ?, finished_at = ?, updated_at = ?,"
                      + " last_error = ?, modified_since = coalesce(?, high_water, modified_since),"
                      + " last_full_sync_at = CASE WHEN ? THEN ? ELSE last_full_sync_at END,"
                      + " last_reconciled_at = CASE WHEN ? THEN ? ELSE last_reconciled_at END"
                      + " WHERE tenant_id = ? AND entity = ?")) {
            s.setString(1, ok ? "DONE" : "FAILED");
            s.setObject(2, now);
            s.setObject(3, now);
            s.setString(4, error == null ? null : cut(error, 2000));
            s.setObject(5, ok ? nextSince : null);
            s.setBoolean(6, ok && mode == SyncMode.FULL);
            s.setObject(7, now);
            s.setBoolean(8, ok && mode == SyncMode.RECONCILE);
            s.setObject(9, now);
            s.setObject(10, tenant.tenantId());
            s.setString(11, entity.name());
            s.executeUpdate();
          }
          return null;
        });
  }

  /** The highest stored id of an entity (stage history's cursor). */
  public long maxId(PortalTenant tenant, SyncEntity entity) {
    return as(tenant, c -> CrmFactsWriter.maxId(c, tenant.tenantId(), entity));
  }

  /**
   * Reconciles an entity against every id the portal has: deletes local rows the portal no longer
   * has and returns the ids missing locally (to be fetched).
   */
  public List<Long> reconcile(PortalTenant tenant, SyncEntity entity, long[] portalIds) {
    return as(
        tenant,
        c -> {
          int deleted = CrmFactsWriter.deleteMissing(c, tenant.tenantId(), entity, portalIds);
          List<Long> missing = CrmFactsWriter.missing(c, tenant.tenantId(), entity, portalIds);
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE crm_sync_state SET deleted = deleted + ?, total = ?, fetched = ?,"
                      + " updated_at = ? WHERE tenant_id = ? AND entity = ?")) {
            s.setLong(1, deleted);
            s.setLong(2, portalIds.length);
            s.setLong(3, portalIds.length);
            s.setObject(4, now());
            s.setObject(5, tenant.tenantId());
            s.setString(6, entity.name());
            s.executeUpdate();
          }
          return missing;
        });
  }

  /**
   * Applies the current state of objects fetched by id: upserts what came back, deletes what did
   * not, and removes the inbox hints that asked for them (unless a newer hint arrived meanwhile).
   */
  public void applyFetched(
      PortalTenant tenant,
      SyncEntity entity,
      Collection<Long> requested,
      PortalSession.Chunk chunk,
      List<InboxItem> handled) {
    as(
        tenant,
        c -> {
          OffsetDateTime now = now();
          CrmFactsWriter.upsert(c, tenant.tenantId(), entity, chunk.facts(), now);
          CrmFactsWriter.quarantine(c, tenant.tenantId(), chunk.rejected(), now);
          Set<Long> present = new HashSet<>();
          for (Object fact : chunk.facts()) {
            present.add(FactIds.id(fact));
          }
          for (RejectedRow row : chunk.rejected()) {
            try {
              present.add(Long.parseLong(row.rawId()));
            } catch (NumberFormatException e) {
              // a garbage id names no row of ours
            }
          }
          List<Long> gone = new ArrayList<>();
          for (Long id : requested) {
            if (!present.contains(id)) {
              gone.add(id);
            }
          }
          CrmFactsWriter.delete(c, tenant.tenantId(), entity, gone);
          if (!handled.isEmpty()) {
            try (PreparedStatement s =
                c.prepareStatement(
                    "DELETE FROM crm_event_inbox WHERE tenant_id = ? AND entity = ?"
                        + " AND object_id = ? AND received_at <= ?")) {
              for (InboxItem item : handled) {
                s.setObject(1, tenant.tenantId());
                s.setString(2, item.entity().name());
                s.setLong(3, item.objectId());
                s.setObject(4, item.receivedAt());
                s.addBatch();
              }
              s.executeBatch();
            }
          }
          return null;
        });
  }

  /** Queues event hints; a hint for an object already waiting only bumps it (coalescing). */
  public int enqueue(PortalTenant tenant, List<PortalSession.EventHint> hints) {
    return as(
        tenant,
        c -> {
          OffsetDateTime now = now();
          int queued = 0;
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO crm_event_inbox (tenant_id, entity, object_id, event, received_at,"
                      + " deliveries) VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (tenant_id, entity,"
                      + " object_id) DO UPDATE SET event = excluded.event,"
                      + " received_at = excluded.received_at,"
                      + " deliveries = crm_event_inbox.deliveries + 1")) {
            for (PortalSession.EventHint hint : hints) {
              Optional<SyncEntity> entity = EventNames.entityOf(hint.event());
              if (entity.isEmpty()) {
                continue;
              }
              s.setObject(1, tenant.tenantId());
              s.setString(2, entity.get().name());
              s.setLong(3, hint.objectId());
              s.setString(4, hint.event());
              s.setObject(5, now);
              s.addBatch();
              queued++;
            }
            if (queued > 0) {
              s.executeBatch();
            }
          }
          return queued;
        });
  }

  /** The oldest waiting hints. */
  public List<InboxItem> inbox(PortalTenant tenant, int limit) {
    return as(
        tenant,
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT entity, object_id, received_at FROM crm_event_inbox WHERE tenant_id = ?"
                      + " ORDER BY received_at, entity, object_id LIMIT ?")) {
            s.setObject(1, tenant.tenantId());
            s.setInt(2, limit);
            List<InboxItem> items = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                items.add(
                    new InboxItem(
                        SyncEntity.valueOf(rs.getString(1)),
                        rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class)));
              }
            }
            return items;
          }
        });
  }

  /**
   * When the tenant's passes last happened.
   *
   * @param lastFullSync when a full pass of deals last finished
   * @param lastReconciled the oldest reconciliation over the paged entities (null if any never was)
   * @param lastPass when any pass last finished
   */
  public record Due(
      OffsetDateTime lastFullSync, OffsetDateTime lastReconciled, OffsetDateTime lastPass) {}

  public Due due(PortalTenant tenant) {
    return as(
        tenant,
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT max(last_full_sync_at) FILTER (WHERE entity = 'DEAL'),"
                      + " CASE WHEN bool_and(last_reconciled_at IS NOT NULL)"
                      + " FILTER (WHERE entity IN ('DEAL','LEAD','CONTACT','COMPANY','ACTIVITY'))"
                      + " THEN min(last_reconciled_at) FILTER (WHERE entity IN"
                      + " ('DEAL','LEAD','CONTACT','COMPANY','ACTIVITY')) END,"
                      + " max(finished_at) FROM crm_sync_state WHERE tenant_id = ?")) {
            s.setObject(1, tenant.tenantId());
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              return new Due(
                  rs.getObject(1, OffsetDateTime.class),
                  rs.getObject(2, OffsetDateTime.class),
                  rs.getObject(3, OffsetDateTime.class));
            }
          }
        });
  }

  /**
   * The registry entry of an installed portal, by its member id (no tenant is known yet).
   *
   * @param tenant the portal's tenant
   * @param applicationTokenHash SHA-256 of the application token given at install
   * @param active whether the connection is in use
   */
  public record Registration(PortalTenant tenant, byte[] applicationTokenHash, boolean active) {}

  public Optional<Registration> registration(String memberId) {
    return IdentityScope.runAs(
        RequestIdentity.anonymous(),
        () -> {
          try (PreparedStatement s =
              em.unwrap(Connection.class)
                  .prepareStatement(
                      "SELECT owner_tenant_id, consultancy_id, application_token_hash, active"
                          + " FROM portal_registry WHERE member_id = ?")) {
            s.setString(1, memberId);
            try (ResultSet rs = s.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Registration(
                      new PortalTenant(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                      rs.getBytes(3),
                      rs.getBoolean(4)));
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * Connects a demo tenant to its sandbox portal by webhook, unless it already has a connection.
   *
   * @return whether it was connected now
   */
  public boolean connectDemoWebhook(PortalTenant tenant, String webhookUrl, String endpoint) {
    return as(
        tenant,
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT 1 FROM crm_portal WHERE tenant_id = ?")) {
            s.setObject(1, tenant.tenantId());
            try (ResultSet rs = s.executeQuery()) {
              if (rs.next()) {
                return false;
              }
            }
          }
          OffsetDateTime now = now();
          String domain = PortalConnections.domainOf(endpoint);
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO crm_portal (tenant_id, mode, status, domain, client_endpoint,"
                      + " secret_webhook, connected_at, updated_at)"
                      + " VALUES (?, 'WEBHOOK', 'CONNECTED', ?, ?, ?, ?, ?)")) {
            s.setObject(1, tenant.tenantId());
            s.setString(2, domain);
            s.setString(3, endpoint);
            s.setBytes(4, cipher.encrypt(webhookUrl, tenant.tenantId().toString()));
            s.setObject(5, now);
            s.setObject(6, now);
            s.executeUpdate();
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO portal_registry (owner_tenant_id, member_id, mode, consultancy_id,"
                      + " active, registered_at) VALUES (?, NULL, 'WEBHOOK', ?, true, ?)")) {
            s.setObject(1, tenant.tenantId());
            s.setObject(2, tenant.consultancyId());
            s.setObject(3, now);
            s.executeUpdate();
          }
          return true;
        });
  }

  /** Marks passes that were running when the server stopped as failed (the next one resumes). */
  public void interrupted(PortalTenant tenant) {
    as(
        tenant,
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE crm_sync_state SET phase = 'FAILED', updated_at = ?,"
                      + " last_error = 'Прервано остановкой сервера; продолжится автоматически.'"
                      + " WHERE tenant_id = ? AND phase = 'RUNNING'")) {
            s.setObject(1, now());
            s.setObject(2, tenant.tenantId());
            s.executeUpdate();
          }
          return null;
        });
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
