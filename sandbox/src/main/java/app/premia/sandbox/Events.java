package app.premia.sandbox;

import app.premia.sandbox.Rest.Outcome;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Event bindings, the offline event queue and online deliveries (form-encoded POSTs to loopback
 * handlers, no retries) of one portal.
 */
final class Events {
  static final Set<String> EVENTS =
      Set.of(
          "ONCRMDEALADD",
          "ONCRMDEALUPDATE",
          "ONCRMDEALDELETE",
          "ONCRMDEALMOVETOCATEGORY",
          "ONCRMLEADADD",
          "ONCRMLEADUPDATE",
          "ONCRMLEADDELETE",
          "ONCRMCONTACTADD",
          "ONCRMCONTACTUPDATE",
          "ONCRMCONTACTDELETE",
          "ONCRMCOMPANYADD",
          "ONCRMCOMPANYUPDATE",
          "ONCRMCOMPANYDELETE",
          "ONCRMACTIVITYADD",
          "ONCRMACTIVITYUPDATE",
          "ONCRMACTIVITYDELETE",
          "ONCRMDEALUSERFIELDADD",
          "ONCRMDEALUSERFIELDUPDATE",
          "ONCRMDEALUSERFIELDDELETE",
          "ONCRMDEALUSERFIELDSETENUMVALUES",
          "ONUSERADD",
          "ONAPPINSTALL",
          "ONAPPUNINSTALL",
          "ONAPPUPDATE",
          "ONAPPPAYMENT",
          "ONAPPTEST",
          "ONOFFLINEEVENT");

  private final Portal portal;
  private final SandboxServer server;

  record Binding(long id, String event, String handler, String authType, boolean offline) {}

  private final List<Binding> bindings = new ArrayList<>();
  private long bindingSeq = 200;

  static final class OfflineRec {
    long id;
    String event;
    String objectId;
    long ts;
    String messageId;
    String processId;
    boolean error;
    Map<String, Object> fields;
    long userId;
  }

  private final LinkedHashMap<Long, OfflineRec> offline = new LinkedHashMap<>();
  private final Map<String, OfflineRec> pendingByObject = new java.util.HashMap<>();
  private long offlineSeq = 0;

  // delivery counters
  private long planned;
  private long attempted;
  private long succeeded;
  private long failed;
  private final ExecutorService sender;

  Events(Portal portal, SandboxServer server) {
    this.portal = portal;
    this.server = server;
    this.sender =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "sandbox-delivery-" + portal.name());
              t.setDaemon(true);
              return t;
            });
  }

  void close() {
    sender.shutdownNow();
  }

  // ---- bindings
  // ----------------------------------------------------------------------------------

  synchronized Outcome bind(Map<String, Object> params) {
    String event = upper(params.get("event"));
    if (event == null || !EVENTS.contains(event)) {
      throw new RestError(400, "ERROR_EVENT_NOT_FOUND", "Event not found");
    }
    boolean off = "offline".equalsIgnoreCase(String.valueOf(params.get("event_type")));
    String handler = params.get("handler") == null ? "" : params.get("handler").toString();
    if (!off && handler.isBlank()) {
      throw new RestError(400, "ERROR_HANDLER_URL", "Handler URL is empty");
    }
    if (off) {
      handler = "";
    }
    for (Binding b : bindings) {
      if (b.event().equals(event) && b.handler().equals(handler) && b.offline() == off) {
        throw new RestError(400, "ERROR_CORE", "Unable to set event handler");
      }
    }
    String authType = params.get("auth_type") == null ? "0" : params.get("auth_type").toString();
    bindings.add(new Binding(++bindingSeq, event, handler, authType, off));
    return Outcome.of(true);
  }

  synchronized Outcome unbind(Map<String, Object> params) {
    String event = upper(params.get("event"));
    Object handler = params.get("handler");
    Object type = params.get("event_type");
    int n = 0;
    for (Iterator<Binding> it = bindings.iterator(); it.hasNext(); ) {
      Binding b = it.next();
      if (event != null && !b.event().equals(event)) {
        continue;
      }
      if (handler != null && !b.handler().equals(handler.toString())) {
        continue;
      }
      if (type != null && b.offline() != "offline".equalsIgnoreCase(type.toString())) {
        continue;
      }
      it.remove();
      n++;
    }
    return Outcome.of(Json.map("count", n));
  }

  synchronized List<Map<String, Object>> get() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Binding b : bindings) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("event", b.event());
      m.put("handler", b.handler());
      m.put("auth_type", b.authType());
      m.put("offline", b.offline() ? 1 : 0);
      out.add(m);
    }
    return out;
  }

  List<Map<String, Object>> bindingsView() {
    return get();
  }

  private static String upper(Object o) {
    return o == null ? null : o.toString().trim().toUpperCase(Locale.ROOT);
  }

  // ---- offline queue -------------------------------------------------------------------------

  private static final Schema OFFLINE_SCHEMA = offlineSchema();

  private static Schema offlineSchema() {
    return new Schema(
        "offline",
        List.of(
            new Schema.Field("ID", Schema.Type.ID, false, ""),
            new Schema.Field("TIMESTAMP_X", Schema.Type.DATETIME, false, ""),
            new Schema.Field("EVENT_NAME", Schema.Type.STRING, false, ""),
            new Schema.Field("MESSAGE_ID", Schema.Type.STRING, false, "")),
        List.of("*"));
  }

  /** Queues an offline record (latest state per object) when an offline binding exists. */
  synchronized void enqueueOffline(String event, Map<String, Object> fields, long ts, long userId) {
    boolean bound = false;
    for (Binding b : bindings) {
      if (b.offline() && b.event().equals(event)) {
        bound = true;
        break;
      }
    }
    if (!bound) {
      return;
    }
    String key = event + "|" + fields.get("ID");
    OfflineRec old = pendingByObject.remove(key);
    if (old != null) {
      offline.remove(old.id);
    }
    OfflineRec r = new OfflineRec();
    r.id = ++offlineSeq;
    r.event = event;
    r.objectId = String.valueOf(fields.get("ID"));
    r.ts = ts;
    r.messageId = Ids.sha256Hex(portal.memberId() + ":" + key + ":" + r.id, 32);
    r.fields = fields;
    r.userId = userId;
    offline.put(r.id, r);
    pendingByObject.put(key, r);
  }

  private static Map<String, Object> render(OfflineRec r, boolean withProcess) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", Long.toString(r.id));
    m.put("TIMESTAMP_X", Ts.format(r.ts));
    m.put("EVENT_NAME", r.event);
    m.put("EVENT_DATA", Json.map("FIELDS", r.fields));
    m.put("EVENT_ADDITIONAL", Json.map("user_id", Long.toString(r.userId)));
    m.put("MESSAGE_ID", r.messageId);
    if (withProcess) {
      m.put("PROCESS_ID", r.processId);
      m.put("ERROR", r.error ? 1 : 0);
    }
    return m;
  }

  private static Row asRow(OfflineRec r) {
    return new Row(r.id, new Object[] {Long.toString(r.id), Ts.of(r.ts), r.event, r.messageId});
  }

  private List<OfflineRec> select(Map<String, Object> params, boolean unreservedOnly) {
    List<ListQuery.Cond> conds =
        ListQuery.compile(OFFLINE_SCHEMA, Rest.filterParam(params, "filter", "FILTER"), false);
    boolean wantError = Json.truthy(params.get("error"));
    List<OfflineRec> out = new ArrayList<>();
    for (OfflineRec r : offline.values()) {
      if (unreservedOnly && (r.processId != null || r.error != wantError)) {
        continue;
      }
      Row row = asRow(r);
      boolean ok = true;
      for (ListQuery.Cond c : conds) {
        if (!c.test(row)) {
          ok = false;
          break;
        }
      }
      if (ok) {
        out.add(r);
      }
    }
    Map<String, Object> order = Json.asMap(params.get("order"));
    if (order != null && !order.isEmpty()) {
      List<ListQuery.Order> ord = ListQuery.compileOrder(OFFLINE_SCHEMA, order, false);
      java.util.Comparator<Row> cmp = ListQuery.comparator(OFFLINE_SCHEMA, ord);
      out.sort((a, b) -> cmp.compare(asRow(a), asRow(b)));
    } else {
      out.sort(
          java.util.Comparator.comparingLong((OfflineRec r) -> r.ts).thenComparingLong(r -> r.id));
    }
    return out;
  }

  synchronized Outcome offlineGet(Map<String, Object> params) {
    Object pid = params.get("process_id");
    if (pid != null && !pid.toString().isEmpty()) {
      List<Map<String, Object>> events = new ArrayList<>();
      for (OfflineRec r : offline.values()) {
        if (pid.toString().equals(r.processId)) {
          events.add(render(r, false));
        }
      }
      return Outcome.of(Json.map("process_id", pid.toString(), "events", events));
    }
    boolean clear = params.get("clear") == null || Json.truthy(params.get("clear"));
    int limit = (int) Math.max(1, Math.min(1000, Json.asLong(params.get("limit"), 50)));
    List<OfflineRec> picked = select(params, true);
    if (picked.size() > limit) {
      picked = picked.subList(0, limit);
    }
    String processId = clear ? null : Ids.token().substring(0, 16);
    List<Map<String, Object>> events = new ArrayList<>();
    for (OfflineRec r : List.copyOf(picked)) {
      pendingByObject.remove(r.event + "|" + r.objectId, r);
      if (clear) {
        offline.remove(r.id);
      } else {
        r.processId = processId;
      }
      events.add(render(r, false));
    }
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("process_id", processId);
    res.put("events", events);
    return new Outcome(res, null, null, events.size(), 0);
  }

  synchronized Outcome offlineClear(Map<String, Object> params) {
    Object pid = params.get("process_id");
    if (pid == null || pid.toString().isEmpty()) {
      throw new RestError(400, "PROCESS_ID_EMPTY", "Process ID is empty");
    }
    Set<String> ids = toSet(params.get("id"));
    Set<String> msgs = toSet(params.get("message_id"));
    offline
        .values()
        .removeIf(
            r ->
                pid.toString().equals(r.processId)
                    && (ids == null || ids.contains(Long.toString(r.id)))
                    && (msgs == null || msgs.contains(r.messageId)));
    return Outcome.of(true);
  }

  synchronized Outcome offlineError(Map<String, Object> params) {
    Object pid = params.get("process_id");
    if (pid == null || pid.toString().isEmpty()) {
      throw new RestError(400, "PROCESS_ID_EMPTY", "Process ID is empty");
    }
    Set<String> msgs = toSet(params.get("message_id"));
    for (OfflineRec r : offline.values()) {
      if (pid.toString().equals(r.processId) && (msgs == null || msgs.contains(r.messageId))) {
        r.error = true;
        r.processId = null;
      }
    }
    return Outcome.of(true);
  }

  synchronized Outcome offlineList(Map<String, Object> params) {
    List<OfflineRec> all = select(params, false);
    long start = Math.max(0, Rest.parseStart(params.get("start")));
    List<Map<String, Object>> page = new ArrayList<>();
    for (int i = (int) Math.min(start, all.size()); i < all.size() && page.size() < 50; i++) {
      page.add(render(all.get(i), true));
    }
    Long next = all.size() > start + 50 ? start + 50 : null;
    return new Outcome(page, (long) all.size(), next, page.size(), all.size());
  }

  synchronized List<Map<String, Object>> offlineView() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (OfflineRec r : offline.values()) {
      out.add(render(r, true));
    }
    return out;
  }

  private static Set<String> toSet(Object v) {
    List<Object> l = Json.asList(v);
    if (l == null || l.isEmpty()) {
      return null;
    }
    Set<String> s = new java.util.HashSet<>();
    for (Object o : l) {
      s.add(o.toString());
    }
    return s;
  }

  // ---- online deliveries -----------------------------------------------------------------------

  /** One event produced by a change. */
  record Fired(String event, Map<String, Object> fields) {}

  record Planned(Binding binding, Fired fired) {}

  record PlanResult(int planned, int dropped) {}

  /** Plans and schedules the online deliveries of a change request. */
  PlanResult dispatch(List<Fired> fired, Delivery delivery) {
    List<Planned> base = new ArrayList<>();
    synchronized (this) {
      if (!portal.installed()) {
        return new PlanResult(0, 0);
      }
      for (Fired f : fired) {
        for (Binding b : bindings) {
          if (!b.offline() && b.event().equals(f.event())) {
            base.add(new Planned(b, f));
          }
        }
      }
    }
    SplittableRandom rng = new SplittableRandom(delivery.seed());
    List<Planned> copies = new ArrayList<>();
    int dropped = 0;
    for (Planned pl : base) {
      int n =
          delivery.duplicatesMin()
              + rng.nextInt(delivery.duplicatesMax() - delivery.duplicatesMin() + 1);
      for (int i = 0; i < n; i++) {
        if (rng.nextDouble() < delivery.dropRate()) {
          dropped++;
        } else {
          copies.add(pl);
        }
      }
    }
    if (delivery.shuffle()) {
      for (int i = copies.size() - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        Planned t = copies.get(i);
        copies.set(i, copies.get(j));
        copies.set(j, t);
      }
    }
    synchronized (this) {
      planned += copies.size();
    }
    long notBefore = System.currentTimeMillis() + Math.max(0, delivery.delayMs());
    String appToken = portal.applicationToken;
    for (Planned pl : copies) {
      sender.execute(() -> deliver(pl, notBefore, appToken));
    }
    return new PlanResult(copies.size(), dropped);
  }

  private void deliver(Planned pl, long notBefore, String appToken) {
    boolean ok = false;
    try {
      long wait = notBefore - System.currentTimeMillis();
      if (wait > 0) {
        Thread.sleep(wait);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("event", pl.fired().event());
      body.put("event_handler_id", Long.toString(pl.binding().id()));
      body.put("data", Json.map("FIELDS", pl.fired().fields()));
      body.put("ts", Long.toString(System.currentTimeMillis() / 1000));
      body.put("auth", authBlock(appToken, null));
      ok = post(pl.binding().handler(), body) / 100 == 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      ok = false;
    } finally {
      synchronized (this) {
        attempted++;
        if (ok) {
          succeeded++;
        } else {
          failed++;
        }
        notifyAll();
      }
    }
  }

  private Map<String, Object> authBlock(String appToken, OAuthTokens tokens) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("domain", portal.domain());
    if (tokens != null) {
      a.put("access_token", tokens.accessToken());
      a.put("refresh_token", tokens.refreshToken());
      a.put("expires_in", Long.toString(tokens.expiresIn()));
      a.put("scope", Portal.SCOPE);
      a.put("status", "L");
    }
    a.put("server_endpoint", portal.serverEndpoint());
    a.put("client_endpoint", portal.clientEndpoint());
    a.put("member_id", portal.memberId());
    a.put("application_token", appToken);
    return a;
  }

  /** POSTs a form body to a loopback URL; -1 when refused or unreachable. */
  int post(String url, Map<String, Object> body) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return -1;
    }
    String host = uri.getHost();
    if (host == null
        || !(host.equals("127.0.0.1")
            || host.equals("localhost")
            || host.equals("[::1]")
            || host.equals("::1"))) {
      return -1; // the sandbox never connects outside the loopback interface
    }
    try {
      HttpRequest req =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(5))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("User-Agent", "Bitrix24 Webhook Engine")
              .POST(HttpRequest.BodyPublishers.ofString(PhpForm.encode(body)))
              .build();
      return server.httpClient().send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (Exception e) {
      return -1;
    }
  }

  synchronized DeliveryReport report() {
    return new DeliveryReport(planned, attempted, succeeded, failed);
  }

  DeliveryReport await(Duration timeout) {
    long ms = Math.min(30_000, timeout == null ? 30_000 : timeout.toMillis());
    long deadline = System.currentTimeMillis() + ms;
    synchronized (this) {
      while (attempted < planned) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          break;
        }
        try {
          wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return report();
    }
  }

  // ---- install / uninstall -------------------------------------------------------------------

  InstallResult install(String installUrl) {
    portal.applicationToken = Ids.token();
    OAuthTokens t = portal.newTokens(1);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", "ONAPPINSTALL");
    body.put(
        "data", Json.map("VERSION", "1", "ACTIVE", "Y", "INSTALLED", "Y", "LANGUAGE_ID", "ru"));
    body.put("ts", Long.toString(System.currentTimeMillis() / 1000));
    body.put("auth", authBlock(portal.applicationToken, t));
    int status = post(installUrl, body);
    boolean ok = status / 100 == 2;
    if (ok) {
      portal.installed = true;
    }
    return new InstallResult(ok, status, t);
  }

  int uninstall() {
    List<String> handlers = new ArrayList<>();
    synchronized (this) {
      for (Binding b : bindings) {
        if (!b.offline() && !handlers.contains(b.handler())) {
          handlers.add(b.handler());
        }
      }
    }
    int sent = 0;
    for (String h : handlers) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("event", "ONAPPUNINSTALL");
      body.put("data", Json.map("LANGUAGE_ID", "ru", "CLEAN", "0"));
      body.put("ts", Long.toString(System.currentTimeMillis() / 1000));
      body.put("auth", authBlock(portal.applicationToken, null));
      if (post(h, body) / 100 == 2) {
        sent++;
      }
    }
    synchronized (this) {
      bindings.clear();
      offline.clear();
      pendingByObject.clear();
    }
    portal.revokeTokens();
    portal.installed = false;
    portal.placements.clear();
    return sent;
  }
}
