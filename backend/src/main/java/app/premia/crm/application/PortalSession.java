package app.premia.crm.application;

import app.premia.crm.domain.RejectedRow;
import app.premia.crm.domain.SyncEntity;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A conversation with one portal: paced, retried and translated. Facts come out as the records of
 * {@code app.premia.crm.domain}; rows that cannot be trusted come out as {@link RejectedRow}s.
 * Implementations are thread-safe; calls of the same Bitrix24 method are serialized per portal.
 */
public interface PortalSession extends AutoCloseable {

  /**
   * What a session needs to know about the tenant's portal.
   *
   * @param enterprise the portal is on an Enterprise plan (higher rate limit)
   * @param npsField the deal user field holding NPS answers (0–10)
   * @param pipelines deal pipelines to sync; empty means all
   */
  record Options(
      boolean enterprise, String npsField, Set<Integer> pipelines, CustomLimits customLimits) {
    public Options {
      pipelines = Set.copyOf(pipelines);
    }

    public Options(boolean enterprise, String npsField, Set<Integer> pipelines) {
      this(enterprise, npsField, pipelines, null);
    }
  }

  /**
   * Limits of a portal that are not a cloud plan's (Bitrix24 on-premise, where the administrator
   * sets them), replacing the plan's.
   *
   * @param requestsPerSecond the leaky bucket's drain
   * @param burst the bucket's threshold
   * @param operatingSeconds the operating-time budget per method per 10 minutes
   */
  record CustomLimits(double requestsPerSecond, int burst, double operatingSeconds) {}

  /**
   * What a connection test learns.
   *
   * @param domain the portal's address
   * @param memberId its stable id, when the access tells it (apps)
   * @param userName who the access acts as
   * @param admin whether that user is a portal administrator
   * @param scopes granted scopes
   * @param enterprise whether the portal's plan is Enterprise, when known
   */
  record Probe(
      String domain,
      String memberId,
      String userName,
      boolean admin,
      List<String> scopes,
      Boolean enterprise) {}

  /**
   * One page (or a run of pages) of translated rows, in id order.
   *
   * @param facts accepted records, of the entity's record type
   * @param rejected quarantined rows
   * @param lastId the highest id in this chunk (the resume cursor)
   */
  record Chunk(List<Object> facts, List<RejectedRow> rejected, long lastId) {}

  @FunctionalInterface
  interface ChunkSink {
    void accept(Chunk chunk);
  }

  /** Pacing counters of this portal so far, for progress and benchmarks. */
  record Pacing(
      long requests, long throttledMillis, long rejected503, long rejected429, long retries) {}

  Probe probe();

  /**
   * A whole dictionary: currencies, pipelines, stages, departments or employees. Reading the stages
   * also sets the catalog deals and leads are checked against (otherwise read on first need).
   */
  Chunk dictionary(SyncEntity entity);

  /** How many rows a paged entity has (optionally modified since), for progress. */
  long count(SyncEntity entity, OffsetDateTime modifiedSince);

  /**
   * {@link #count} of several paged entities in one request (a batch); entities whose count failed
   * are absent from the answer.
   */
  java.util.Map<SyncEntity, Long> counts(
      Collection<SyncEntity> entities, OffsetDateTime modifiedSince);

  /**
   * Every row with an id above {@code afterId} (and modified since, when given), in id order, in
   * chunks.
   */
  void iterate(SyncEntity entity, long afterId, OffsetDateTime modifiedSince, ChunkSink sink);

  /** Every id the portal has now, ascending (for reconciliation). */
  long[] ids(SyncEntity entity);

  /** The current state of these objects; ids absent from the answer no longer exist. */
  Chunk fetch(SyncEntity entity, Collection<Long> ids);

  /** The portal's clock as of its last answer (to start the next incremental window from). */
  OffsetDateTime portalTime();

  Pacing pacing();

  /**
   * Sends a portal user a system notification ({@code im.notify.system.add}); never repeated
   * blindly (a write).
   */
  void notifyUser(long userId, String message);

  /** Binds Premia's event handler (online) and the offline queue for the events it follows. */
  void bindEvents(String handlerUrl);

  /**
   * Reserves pending offline events ({@code clear=0}).
   *
   * @return the reservation; empty when nothing is pending
   */
  OfflineBatch takeOfflineEvents();

  /** Confirms a reservation ({@code event.offline.clear}) after its hints were queued. */
  void clearOfflineEvents(String processId);

  /**
   * Offline events reserved under one process id.
   *
   * @param processId the reservation
   * @param hints (event name, object id) pairs
   */
  record OfflineBatch(String processId, List<EventHint> hints) {}

  /**
   * "Object {@code id} of {@code event}'s kind changed".
   *
   * @param event e.g. ONCRMDEALUPDATE
   * @param objectId the object's id
   */
  record EventHint(String event, long objectId) {}

  @Override
  void close();
}
