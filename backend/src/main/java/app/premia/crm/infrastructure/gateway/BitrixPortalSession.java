package app.premia.crm.infrastructure.gateway;

import app.premia.crm.application.PortalException;
import app.premia.crm.application.PortalSession;
import app.premia.crm.domain.RejectedRow;
import app.premia.crm.domain.StageDictionary;
import app.premia.crm.domain.StageFact;
import app.premia.crm.domain.SyncEntity;
import app.premia.crm.domain.Translation;
import app.premia.crm.infrastructure.bitrix.BatchResponse;
import app.premia.crm.infrastructure.bitrix.BitrixClient;
import app.premia.crm.infrastructure.bitrix.BitrixException;
import app.premia.crm.infrastructure.bitrix.BitrixResponse;
import app.premia.crm.infrastructure.bitrix.ListQuery;
import app.premia.crm.infrastructure.bitrix.PacerStats;
import app.premia.crm.infrastructure.bitrix.QueryString;
import app.premia.crm.infrastructure.bitrix.translate.ActivityTranslator;
import app.premia.crm.infrastructure.bitrix.translate.CompanyTranslator;
import app.premia.crm.infrastructure.bitrix.translate.ContactTranslator;
import app.premia.crm.infrastructure.bitrix.translate.CurrencyTranslator;
import app.premia.crm.infrastructure.bitrix.translate.DealTranslator;
import app.premia.crm.infrastructure.bitrix.translate.DepartmentTranslator;
import app.premia.crm.infrastructure.bitrix.translate.LeadTranslator;
import app.premia.crm.infrastructure.bitrix.translate.PipelineTranslator;
import app.premia.crm.infrastructure.bitrix.translate.PortalUserTranslator;
import app.premia.crm.infrastructure.bitrix.translate.StageHistoryTranslator;
import app.premia.crm.infrastructure.bitrix.translate.StageTranslator;
import app.premia.crm.infrastructure.bitrix.translate.Translator;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One conversation with a portal: which Bitrix24 method and query reads each entity, translation of
 * every row at the edge, and the mapping of the client's failures to {@link PortalException}s with
 * safe Russian messages. Thread-safe: lanes of a pass share it.
 */
class BitrixPortalSession implements PortalSession {

  static final DateTimeFormatter FILTER_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

  /** How one paged entity is read. */
  record Source(String method, String modifiedField, int stageHistoryType, List<String> select) {
    boolean stageHistory() {
      return stageHistoryType > 0;
    }
  }

  private final BitrixClient client;
  private final Options options;
  private final AtomicReference<StageDictionary> stages = new AtomicReference<>();

  /** The last count per entity: sizes the chained batches of the iteration that follows it. */
  private final java.util.Map<SyncEntity, Long> counted =
      new java.util.concurrent.ConcurrentHashMap<>();

  private volatile OffsetDateTime portalTime;

  BitrixPortalSession(BitrixClient client, Options options) {
    this.client = client;
    this.options = options;
  }

  Source source(SyncEntity entity) {
    return switch (entity) {
      case DEAL -> new Source("crm.deal.list", "DATE_MODIFY", 0, List.of("*", "UF_*"));
      case LEAD -> new Source("crm.lead.list", "DATE_MODIFY", 0, List.of("*"));
      case CONTACT -> new Source("crm.contact.list", "DATE_MODIFY", 0, List.of("*"));
      case COMPANY -> new Source("crm.company.list", "DATE_MODIFY", 0, List.of("*"));
      case ACTIVITY -> new Source("crm.activity.list", "LAST_UPDATED", 0, List.of("*"));
      case DEAL_STAGE_HISTORY -> new Source("crm.stagehistory.list", null, 2, List.of());
      case LEAD_STAGE_HISTORY -> new Source("crm.stagehistory.list", null, 1, List.of());
      default -> throw new IllegalArgumentException(entity + " is a dictionary");
    };
  }

  private Translator<?> translator(SyncEntity entity) {
    return switch (entity) {
      case DEAL -> new DealTranslator(stages(), options.npsField());
      case LEAD -> new LeadTranslator(stages());
      case CONTACT -> new ContactTranslator();
      case COMPANY -> new CompanyTranslator();
      case ACTIVITY -> new ActivityTranslator();
      case DEAL_STAGE_HISTORY -> new StageHistoryTranslator(2);
      case LEAD_STAGE_HISTORY -> new StageHistoryTranslator(1);
      case CURRENCY -> new CurrencyTranslator();
      case PIPELINE -> new PipelineTranslator();
      case STAGE -> new StageTranslator();
      case DEPARTMENT -> new DepartmentTranslator();
      case EMPLOYEE -> new PortalUserTranslator();
    };
  }

  // ---- probing and dictionaries --------------------------------------------------------------

  @Override
  public Probe probe() {
    return guarded(
        () -> {
          JsonValue me = client.call("user.current", Json.createObjectBuilder().build()).result();
          String name = null;
          if (me instanceof JsonObject user) {
            name = (text(user, "NAME") + " " + text(user, "LAST_NAME")).trim();
          }
          boolean admin = false;
          try {
            admin =
                client.call("user.admin", Json.createObjectBuilder().build()).result()
                    == JsonValue.TRUE;
          } catch (BitrixException e) {
            // older portals or narrow scopes: not an administrator as far as we know
          }
          List<String> scopes = new ArrayList<>();
          JsonValue granted = client.call("scope", Json.createObjectBuilder().build()).result();
          if (granted instanceof JsonArray array) {
            for (JsonValue scope : array) {
              if (scope instanceof JsonString s) {
                scopes.add(s.getString());
              }
            }
          }
          return new Probe(
              domain(), null, name == null || name.isBlank() ? null : name, admin, scopes, null);
        });
  }

  /** The portal's address as people know it: host[:port] and any path before {@code /rest/}. */
  String domain() {
    String base = client.restBase().toString();
    int rest = base.indexOf("/rest/");
    String origin = rest < 0 ? base : base.substring(0, rest);
    return origin.replaceFirst("^https?://", "");
  }

  @Override
  public Chunk dictionary(SyncEntity entity) {
    return guarded(
        () -> {
          List<JsonObject> rows =
              switch (entity) {
                case CURRENCY -> client.listAll("crm.currency.list", ListQuery.of(empty()));
                case PIPELINE ->
                    client.listAll(
                        "crm.category.list",
                        ListQuery.of(Json.createObjectBuilder().add("entityTypeId", 2).build())
                            .withRowsPath("categories"));
                case STAGE -> stageRows();
                case DEPARTMENT ->
                    client.listAll("department.get", ListQuery.of(empty()).withStartParam("START"));
                case EMPLOYEE -> client.listAll("user.get", ListQuery.of(empty()));
                default -> throw new IllegalArgumentException(entity + " is not a dictionary");
              };
          Chunk chunk = translate(entity, rows);
          if (entity == SyncEntity.STAGE) {
            List<StageFact> facts = new ArrayList<>();
            chunk.facts().forEach(f -> facts.add((StageFact) f));
            stages.set(StageDictionary.of(facts));
          }
          return chunk;
        });
  }

  /** Lead statuses and the stages of every deal pipeline (not sources, types, industries...). */
  private List<JsonObject> stageRows() {
    List<JsonObject> stageRows = new ArrayList<>();
    for (JsonObject row : client.listAll("crm.status.list", ListQuery.of(empty()))) {
      JsonValue entityId = row.get("ENTITY_ID");
      String directory = entityId instanceof JsonString s ? s.getString() : "";
      if (directory.equals("STATUS") || directory.startsWith("DEAL_STAGE")) {
        stageRows.add(row);
      }
    }
    return stageRows;
  }

  private StageDictionary stages() {
    StageDictionary known = stages.get();
    if (known == null) {
      Chunk chunk = translate(SyncEntity.STAGE, stageRows());
      List<StageFact> facts = new ArrayList<>();
      chunk.facts().forEach(f -> facts.add((StageFact) f));
      known = StageDictionary.of(facts);
      stages.compareAndSet(null, known);
    }
    return known;
  }

  // ---- paged entities ------------------------------------------------------------------------

  private ListQuery query(SyncEntity entity, OffsetDateTime modifiedSince, List<String> select) {
    Source source = source(entity);
    JsonObjectBuilder filter = Json.createObjectBuilder();
    if (modifiedSince != null && source.modifiedField() != null) {
      filter.add(
          ">=" + source.modifiedField(),
          modifiedSince
              .truncatedTo(ChronoUnit.SECONDS)
              .withOffsetSameInstant(ZoneOffset.UTC)
              .format(FILTER_TIME));
    }
    Set<Integer> pipelines = options.pipelines();
    if (!pipelines.isEmpty()
        && (entity == SyncEntity.DEAL || entity == SyncEntity.DEAL_STAGE_HISTORY)) {
      var ids = Json.createArrayBuilder();
      pipelines.stream().sorted().forEach(ids::add);
      filter.add("@CATEGORY_ID", ids);
    }
    JsonObject built = filter.build();
    return source.stageHistory()
        ? ListQuery.stageHistory(source.stageHistoryType(), built.isEmpty() ? null : built, select)
        : ListQuery.classic(built.isEmpty() ? null : built, select);
  }

  @Override
  public long count(SyncEntity entity, OffsetDateTime modifiedSince) {
    return guarded(
        () -> {
          Source source = source(entity);
          long total = client.count(source.method(), query(entity, modifiedSince, List.of("ID")));
          counted.put(entity, total);
          return total;
        });
  }

  @Override
  public java.util.Map<SyncEntity, Long> counts(
      Collection<SyncEntity> entities, OffsetDateTime modifiedSince) {
    return guarded(
        () -> {
          java.util.Map<String, String> commands = new java.util.LinkedHashMap<>();
          java.util.Map<String, SyncEntity> keys = new java.util.LinkedHashMap<>();
          for (SyncEntity entity : entities) {
            Source source = source(entity);
            ListQuery q = query(entity, modifiedSince, List.of("ID"));
            JsonObject params =
                Json.createObjectBuilder(q.params())
                    .add("select", Json.createArrayBuilder().add(q.idField()))
                    .add(q.startParam(), 0)
                    .build();
            String key = "n" + keys.size();
            keys.put(key, entity);
            commands.put(key, QueryString.command(source.method(), params));
          }
          java.util.Map<SyncEntity, Long> totals = new java.util.EnumMap<>(SyncEntity.class);
          if (commands.isEmpty()) {
            return totals;
          }
          BatchResponse answer = client.batch(commands, false);
          keys.forEach(
              (key, entity) -> {
                Integer total = answer.totals().get(key);
                if (total != null && !answer.errors().containsKey(key)) {
                  totals.put(entity, total.longValue());
                  counted.put(entity, total.longValue());
                }
              });
          return totals;
        });
  }

  @Override
  public void iterate(
      SyncEntity entity, long afterId, OffsetDateTime modifiedSince, ChunkSink sink) {
    guarded(
        () -> {
          Source source = source(entity);
          Translator<?> translator = translator(entity);
          ListQuery q = query(entity, modifiedSince, source.select());
          Long expected = counted.remove(entity);
          if (expected != null) {
            q = q.withExpectedTotal((int) Math.min(Integer.MAX_VALUE, expected + 1));
          }
          client.iterate(
              source.method(),
              q,
              afterId,
              (rows, lastId) -> {
                Chunk translated = translate(entity, translator, rows);
                sink.accept(new Chunk(translated.facts(), translated.rejected(), lastId));
              });
          return null;
        });
  }

  @Override
  public long[] ids(SyncEntity entity) {
    return guarded(
        () -> {
          Source source = source(entity);
          List<Long> ids = new ArrayList<>();
          client.iterate(
              source.method(),
              query(entity, null, List.of("ID")),
              0,
              (rows, lastId) -> {
                for (JsonObject row : rows) {
                  JsonValue id = row.get("ID");
                  String text =
                      id instanceof JsonString s ? s.getString() : id == null ? "" : id.toString();
                  if (text.matches("[0-9]{1,18}")) {
                    ids.add(Long.parseLong(text));
                  }
                }
              });
          return ids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        });
  }

  @Override
  public Chunk fetch(SyncEntity entity, Collection<Long> ids) {
    return guarded(
        () -> {
          Source source = source(entity);
          List<JsonObject> rows =
              client.listByIds(source.method(), query(entity, null, source.select()), ids);
          return translate(entity, rows);
        });
  }

  @Override
  public OffsetDateTime portalTime() {
    return guarded(
        () -> {
          BitrixResponse response = client.call("server.time", empty());
          if (response.result() instanceof JsonString s) {
            try {
              portalTime = OffsetDateTime.parse(s.getString());
            } catch (java.time.format.DateTimeParseException e) {
              // an odd clock answer: keep the previous reading
            }
          }
          return portalTime;
        });
  }

  @Override
  public Pacing pacing() {
    PacerStats stats = client.stats();
    return new Pacing(
        stats.requests(),
        stats.throttledMillis(),
        stats.rateLimited(),
        stats.operatingLimited(),
        stats.retries());
  }

  // ---- events ---------------------------------------------------------------------------------

  @Override
  public void notifyUser(long userId, String message) {
    guarded(
        () ->
            client.call(
                "im.notify.system.add",
                Json.createObjectBuilder().add("USER_ID", userId).add("MESSAGE", message).build(),
                false));
  }

  @Override
  public void bindEvents(String handlerUrl) {
    guarded(
        () -> {
          List<String> events = new ArrayList<>(app.premia.crm.application.EventNames.FOLLOWED);
          for (String event : events) {
            bind(Json.createObjectBuilder().add("event", event).add("handler", handlerUrl).build());
            bind(
                Json.createObjectBuilder()
                    .add("event", event)
                    .add("event_type", "offline")
                    .build());
          }
          bind(
              Json.createObjectBuilder()
                  .add("event", "ONAPPUNINSTALL")
                  .add("handler", handlerUrl)
                  .build());
          return null;
        });
  }

  private void bind(JsonObject params) {
    try {
      client.call("event.bind", params, false);
    } catch (BitrixException e) {
      if (e.kind() == BitrixException.Kind.AUTH || e.kind() == BitrixException.Kind.NEEDS_REAUTH) {
        throw e;
      }
      // already bound ("Unable to set event handler") or not offered: the rest still binds
    }
  }

  @Override
  public OfflineBatch takeOfflineEvents() {
    return guarded(
        () -> {
          JsonValue result =
              client
                  .call(
                      "event.offline.get",
                      Json.createObjectBuilder().add("clear", 0).add("limit", 50).build(),
                      false)
                  .result();
          if (!(result instanceof JsonObject body)) {
            return null;
          }
          JsonValue processId = body.get("process_id");
          List<EventHint> hints = new ArrayList<>();
          JsonValue events = body.get("events");
          if (events instanceof JsonArray array) {
            for (JsonValue value : array) {
              if (value instanceof JsonObject event) {
                EventHint hint = hint(event);
                if (hint != null) {
                  hints.add(hint);
                }
              }
            }
          }
          String pid = processId instanceof JsonString s ? s.getString() : null;
          if (pid == null) {
            return hints.isEmpty() ? null : new OfflineBatch(null, hints);
          }
          return new OfflineBatch(pid, hints);
        });
  }

  private static EventHint hint(JsonObject event) {
    String name = text(event, "EVENT_NAME");
    JsonValue data = event.get("EVENT_DATA");
    if (name.isEmpty() || !(data instanceof JsonObject body)) {
      return null;
    }
    JsonValue fields = body.get("FIELDS");
    if (!(fields instanceof JsonObject f)) {
      return null;
    }
    String id = text(f, "ID");
    if (!id.matches("[0-9]{1,18}")) {
      return null;
    }
    return new EventHint(name, Long.parseLong(id));
  }

  @Override
  public void clearOfflineEvents(String processId) {
    if (processId == null) {
      return;
    }
    guarded(
        () -> {
          client.call(
              "event.offline.clear",
              Json.createObjectBuilder().add("process_id", processId).build(),
              false);
          return null;
        });
  }

  @Override
  public void close() {
    // the client keeps no per-session resources; pacing and tokens live with the portal
  }

  // ---- translation ----------------------------------------------------------------------------

  private Chunk translate(SyncEntity entity, List<JsonObject> rows) {
    return translate(entity, translator(entity), rows);
  }

  private static Chunk translate(
      SyncEntity entity, Translator<?> translator, List<JsonObject> rows) {
    List<Object> facts = new ArrayList<>(rows.size());
    List<RejectedRow> rejected = new ArrayList<>();
    for (JsonObject row : rows) {
      Translation<?> translation = translator.translate(row);
      if (translation instanceof Translation.Accepted<?> accepted) {
        facts.add(accepted.value());
      } else if (translation instanceof Translation.Quarantined<?> quarantined) {
        rejected.add(
            new RejectedRow(
                entity,
                quarantined.rawId(),
                quarantined.reason().name()
                    + (quarantined.detail() == null ? "" : ": " + quarantined.detail()),
                quarantined.rawExcerpt()));
      }
    }
    return new Chunk(facts, rejected, 0); // the caller sets the cursor when there is one
  }

  private static String text(JsonObject object, String field) {
    JsonValue value = object.get(field);
    if (value instanceof JsonString s) {
      return s.getString();
    }
    return value == null || value == JsonValue.NULL ? "" : value.toString();
  }

  private static JsonObject empty() {
    return Json.createObjectBuilder().build();
  }

  // ---- failures -------------------------------------------------------------------------------

  @FunctionalInterface
  interface Work<T> {
    T run();
  }

  private static <T> T guarded(Work<T> work) {
    try {
      return work.run();
    } catch (BitrixException e) {
      throw translate(e);
    } catch (IllegalArgumentException e) {
      throw new PortalException(PortalException.Kind.REFUSED, "Портал ответил непонятно.", e);
    }
  }

  static PortalException translate(BitrixException e) {
    String code =
        e.errorCode() == null || e.errorCode().isBlank() ? "" : " (" + e.errorCode() + ")";
    return switch (e.kind()) {
      case AUTH, NEEDS_REAUTH ->
          new PortalException(
              PortalException.Kind.NEEDS_REAUTH,
              "Портал не принимает доступ Premia"
                  + code
                  + ": подключите портал заново (вебхук изменён или приложение удалено).",
              e);
      case SCOPE, ACCESS_DENIED ->
          new PortalException(
              PortalException.Kind.REFUSED,
              "Не хватает прав доступа"
                  + code
                  + ": выдайте вебхуку или приложению права crm,"
                  + " user, department.",
              e);
      case PAYMENT_REQUIRED ->
          new PortalException(
              PortalException.Kind.REFUSED, "Тариф портала не разрешает REST API" + code + ".", e);
      case PORTAL_DELETED ->
          new PortalException(PortalException.Kind.REFUSED, "Портал удалён" + code + ".", e);
      case METHOD_NOT_FOUND, REJECTED, NOT_FOUND, BLOCKED ->
          new PortalException(
              PortalException.Kind.REFUSED, "Портал отказал в запросе" + code + ".", e);
      case TRANSIENT, RATE_LIMITED, OPERATION_LIMITED, OUTCOME_UNKNOWN, INTERRUPTED ->
          new PortalException(
              PortalException.Kind.UNREACHABLE,
              "Портал недоступен или не отвечает" + code + "; попробуем ещё раз позже.",
              e);
    };
  }
}
