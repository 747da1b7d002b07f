package app.premia.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/** One emulated Bitrix24 portal: its data, limits, faults, tokens, events and counters. */
public final class Portal {
  static final String SCOPE = "crm,user,department,im,log,placement";
  static final long TOKEN_TTL_SECONDS = 3600;

  private final SandboxServer server;
  private final PortalSpec spec;
  final PortalData data = new PortalData();
  private final String memberId;
  private final String webhookCode;
  private final String clientId;
  private final String clientSecret;
  volatile String applicationToken;
  volatile boolean installed;

  private volatile Limits limits;
  private volatile Faults faults = Faults.none();
  private SplittableRandom faultRng = new SplittableRandom(1);

  final LeakyBucket bucket = new LeakyBucket();
  final OperatingBudget budget = new OperatingBudget();
  final StatsCollector stats = new StatsCollector();
  final Events events;

  final List<Map<String, Object>> statuses = PortalData.statuses();
  final List<Map<String, Object>> currencies;

  /** access token -> state */
  final ConcurrentHashMap<String, AccessToken> accessTokens = new ConcurrentHashMap<>();

  /** refresh token -> user id (single use) */
  final ConcurrentHashMap<String, Long> refreshTokens = new ConcurrentHashMap<>();

  final List<Map<String, Object>> notifications = Collections.synchronizedList(new ArrayList<>());
  final List<Map<String, Object>> feed = Collections.synchronizedList(new ArrayList<>());
  final List<Map<String, Object>> placements = Collections.synchronizedList(new ArrayList<>());
  final java.util.concurrent.atomic.AtomicLong notificationSeq =
      new java.util.concurrent.atomic.AtomicLong();
  final java.util.concurrent.atomic.AtomicLong feedSeq =
      new java.util.concurrent.atomic.AtomicLong();

  static final class AccessToken {
    final long userId;
    volatile long expiresAtMillis;

    AccessToken(long userId, long expiresAtMillis) {
      this.userId = userId;
      this.expiresAtMillis = expiresAtMillis;
    }
  }

  Portal(SandboxServer server, PortalSpec spec) {
    this.server = server;
    this.spec = spec;
    this.memberId = Ids.memberId(spec.name());
    this.webhookCode = Ids.webhookCode(spec.name());
    this.clientId = Ids.clientId(spec.name());
    this.clientSecret = Ids.clientSecret(spec.name());
    this.applicationToken = Ids.initialApplicationToken(spec.name());
    this.limits = Limits.forPlan(spec.plan());
    DataGenerator.generate(spec, data);
    this.currencies = PortalData.currencies(DataGenerator.anchorEpoch(spec.anchorDate()));
    this.events = new Events(this, server);
  }

  // ---- identity --------------------------------------------------------------------------------

  public String name() {
    return spec.name();
  }

  public PortalSpec spec() {
    return spec;
  }

  public Plan plan() {
    return spec.plan();
  }

  public String memberId() {
    return memberId;
  }

  public String webhookCode() {
    return webhookCode;
  }

  /** The portal admin's incoming webhook: {@code http://127.0.0.1:<port>/<name>/rest/1/<code>/}. */
  public String webhookUrl() {
    return server.baseUrl() + "/" + name() + "/rest/1/" + webhookCode + "/";
  }

  /** Base for OAuth-mode calls ({@code client_endpoint}): {@code .../<name>/rest/}. */
  public String clientEndpoint() {
    return server.baseUrl() + "/" + name() + "/rest/";
  }

  /** The emulated OAuth server's REST base ({@code server_endpoint}). */
  public String serverEndpoint() {
    return server.baseUrl() + "/oauth/rest/";
  }

  /** The portal "domain" sent in auth[domain]; not resolvable — always call client_endpoint. */
  public String domain() {
    return name() + ".bitrix24.sandbox";
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecret() {
    return clientSecret;
  }

  public String applicationToken() {
    return applicationToken;
  }

  public boolean installed() {
    return installed;
  }

  // ---- limits, faults, stats -------------------------------------------------------------------

  public Limits limits() {
    return limits;
  }

  /** Replaces the limits; resets the leaky bucket and the operating-time baskets. */
  public Portal limits(Limits l) {
    this.limits = l;
    bucket.reset();
    budget.reset();
    return this;
  }

  public Faults faults() {
    return faults;
  }

  /** Replaces the faults; re-seeds the fault RNG and regenerates the hostile rows. */
  public Portal faults(Faults f) {
    synchronized (this) {
      this.faults = f;
      this.faultRng = new SplittableRandom(f.seed());
    }
    Hostile.install(this, f.hostileRows());
    return this;
  }

  /** Draws one request's fault: "drop", "500", "502", "slow" or null. */
  synchronized String drawFault() {
    Faults f = faults;
    if (f.dropRate() <= 0 && f.error5xxRate() <= 0 && f.slowRate() <= 0) {
      return null;
    }
    double r = faultRng.nextDouble();
    if (r < f.dropRate()) {
      return "drop";
    }
    r -= f.dropRate();
    if (r < f.error5xxRate()) {
      return faultRng.nextBoolean() ? "500" : "502";
    }
    r -= f.error5xxRate();
    if (r < f.slowRate()) {
      return "slow";
    }
    return null;
  }

  public PortalStats stats() {
    return stats.snapshot();
  }

  public void resetStats() {
    stats.reset();
  }

  // ---- data
  // --------------------------------------------------------------------------------------

  /**
   * Canonical truth rows of an entity (deal, lead, contact, company, activity, stagehistory,
   * leadstagehistory, user, department, notification, blogpost, placement), in the raw REST shapes
   * with every field (dates as their ISO strings). Hostile rows are never included.
   */
  public List<Map<String, Object>> snapshot(String entity) {
    String e = entity.toLowerCase(Locale.ROOT);
    switch (e) {
      case "notification", "notifications":
        return copy(notifications);
      case "blogpost", "feed":
        return copy(feed);
      case "placement", "placements":
        return copy(placements);
      default:
        break;
    }
    Table t = data.table(e);
    if (t == null) {
      throw new IllegalArgumentException("unknown entity: " + entity);
    }
    List<Map<String, Object>> out = new ArrayList<>(t.size());
    for (Row r : t.rows.values()) {
      if (r.hostile == null) {
        Map<String, Object> m = r.toMap(t.schema);
        m.replaceAll((k, v) -> v instanceof Ts ts ? ts.toString() : v);
        out.add(m);
      }
    }
    return out;
  }

  private static List<Map<String, Object>> copy(List<Map<String, Object>> l) {
    synchronized (l) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> m : l) {
        out.add(new LinkedHashMap<>(m));
      }
      return out;
    }
  }

  /** Row counts per entity (hostile rows excluded). */
  public Map<String, Object> counts() {
    return data.counts();
  }

  /** Current portal clock (what server.time answers and the next change builds on). */
  public String serverTime() {
    return Ts.format(data.clock.get());
  }

  // ---- OAuth
  // -------------------------------------------------------------------------------------

  /**
   * Issues a fresh token pair for the portal admin (user 1) without an install callback, and counts
   * the app as installed (as if the installation POST had been received).
   */
  public OAuthTokens issueTokens() {
    installed = true;
    return newTokens(1);
  }

  OAuthTokens newTokens(long userId) {
    String access = Ids.token();
    String refresh = Ids.token();
    long now = System.currentTimeMillis();
    accessTokens.put(access, new AccessToken(userId, now + TOKEN_TTL_SECONDS * 1000));
    refreshTokens.put(refresh, userId);
    return new OAuthTokens(
        access,
        refresh,
        TOKEN_TTL_SECONDS,
        now / 1000 + TOKEN_TTL_SECONDS,
        userId,
        memberId,
        clientEndpoint(),
        serverEndpoint(),
        applicationToken);
  }

  /** Single-use refresh; null when the refresh token is unknown or already used. */
  OAuthTokens refresh(String refreshToken) {
    Long user = refreshToken == null ? null : refreshTokens.remove(refreshToken);
    return user == null ? null : newTokens(user);
  }

  /** Every current access token of the portal expires now (refresh tokens stay valid). */
  public void expireTokens() {
    long past = System.currentTimeMillis() - 1000;
    accessTokens.values().forEach(t -> t.expiresAtMillis = past);
  }

  void revokeTokens() {
    accessTokens.clear();
    refreshTokens.clear();
  }

  /**
   * Installs the app: issues fresh tokens and a new application_token and POSTs ONAPPINSTALL to
   * {@code installUrl} (loopback only). Installed when that POST answers 2xx.
   */
  public InstallResult install(String installUrl) {
    return events.install(installUrl);
  }

  /** Sends ONAPPUNINSTALL to every bound handler, revokes all tokens and bindings. */
  public int uninstall() {
    return events.uninstall();
  }

  // ---- changes and events
  // ------------------------------------------------------------------------

  /** Applies change ops (see docs/operations/sandbox.md) and plans their event deliveries. */
  public ChangeResult applyChanges(List<Map<String, Object>> ops, Delivery delivery) {
    return Changes.apply(this, ops, delivery);
  }

  /** Applies {@code count} random realistic ops chosen with {@code seed}. */
  public ChangeResult randomChanges(int count, long seed, Delivery delivery) {
    return Changes.random(this, count, seed, delivery);
  }

  /** Blocks (at most {@code timeout}, max 30 s) until every planned delivery was attempted. */
  public DeliveryReport awaitDeliveries(Duration timeout) {
    return events.await(timeout);
  }

  public DeliveryReport deliveries() {
    return events.report();
  }

  /** Event bindings made with event.bind (online and offline). */
  public List<Map<String, Object>> bindings() {
    return events.bindingsView();
  }

  /** Records waiting in the offline event queue (not removed). */
  public List<Map<String, Object>> offlineQueue() {
    return events.offlineView();
  }

  Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name());
    m.put("memberId", memberId);
    m.put("webhookUrl", webhookUrl());
    m.put("webhookCode", webhookCode);
    m.put("clientEndpoint", clientEndpoint());
    m.put("clientId", clientId);
    m.put("clientSecret", clientSecret);
    m.put("applicationToken", applicationToken);
    m.put("domain", domain());
    m.put("plan", plan().name());
    m.put("seed", spec.seed());
    if (spec.managers() > 0) {
      m.put("managers", spec.managers());
    }
    m.put("anchorDate", spec.anchorDate().toString());
    m.put("installed", installed);
    m.put("serverTime", serverTime());
    m.put("counts", counts());
    return m;
  }
}
