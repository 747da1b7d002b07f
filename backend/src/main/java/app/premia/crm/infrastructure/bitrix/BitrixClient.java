package app.premia.crm.infrastructure.bitrix;

import app.premia.crm.infrastructure.bitrix.BitrixException.Kind;
import app.premia.crm.infrastructure.bitrix.ErrorCodes.Decision;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A client of one Bitrix24 portal. Thread-safe; obtain it from {@link BitrixPortals}, which shares
 * pacing, tokens and the portal's address between all clients of a portal.
 *
 * <p>Every request goes through the portal's {@link PortalPacer}: the method lock (never the same
 * method twice at once), the operating-time governor, the leaky bucket. Errors are handled by their
 * {@code error} code (see {@link BitrixException.Kind}): {@code QUERY_LIMIT_EXCEEDED} backs off,
 * {@code OPERATION_TIME_LIMIT} parks the method until its reset, {@code expired_token} refreshes
 * the OAuth pair once (single-flight) and repeats the call, transient failures of reads are retried
 * with exponential backoff. Writes are never repeated after an uncertain failure.
 */
public final class BitrixClient {

  private static final System.Logger LOG = System.getLogger(BitrixClient.class.getName());
  private static final Pattern COMMAND_KEY = Pattern.compile("[A-Za-z0-9_]{1,64}");
  private static final int MAX_REDIRECTS = 3;
  private static final int MAX_LIST_ALL_ROWS = 200_000;

  private final PortalState portal;
  private final PortalCredentials credentials;
  private final ClientSettings settings;
  private final HttpClient http;
  private final TokenListener tokenListener;
  private final PortalMovedListener movedListener;

  BitrixClient(
      PortalState portal,
      PortalCredentials credentials,
      ClientSettings settings,
      HttpClient http,
      TokenListener tokenListener,
      PortalMovedListener movedListener) {
    this.portal = portal;
    this.credentials = credentials;
    this.settings = settings;
    this.http = http;
    this.tokenListener = tokenListener;
    this.movedListener = movedListener;
  }

  public String portalKey() {
    return portal.key;
  }

  /** The portal's current REST base (it changes after a move); contains secrets for webhooks. */
  public URI restBase() {
    return portal.restBase();
  }

  public PortalPacer pacer() {
    return portal.pacer;
  }

  public PacerStats stats() {
    return portal.pacer.stats();
  }

  // ---------------------------------------------------------------- single calls

  /** Calls a method; repeats it after transient failures only if it is a read. */
  public BitrixResponse call(String method, JsonObject params) {
    return call(method, params, BitrixMethods.isIdempotent(requireName(method)));
  }

  /**
   * Calls a method. With {@code idempotent = false} a timeout, dropped connection, 5xx or
   * unreadable answer fails at once with {@link Kind#OUTCOME_UNKNOWN} (rate limits, parks and token
   * refreshes still repeat it: the portal refused those before executing anything).
   */
  public BitrixResponse call(String method, JsonObject params, boolean idempotent) {
    requireName(method);
    if (method.equals("batch")) {
      throw new IllegalArgumentException("use batch(...) for batch");
    }
    JsonObject p = params == null ? JsonValue.EMPTY_JSON_OBJECT : params;
    try (var locks = portal.pacer.lockMethods(List.of(method))) {
      Answer a = exchange(method, p, idempotent, Map.of(method, 1));
      return new BitrixResponse(
          a.body.get("result"),
          Jsons.asInt(a.body.get("total")),
          Jsons.asInt(a.body.get("next")),
          a.time);
    } catch (InterruptedException e) {
      throw interrupted(method);
    }
  }

  /**
   * Reads one record with a classic {@code *.get} ({@code crm.deal.get}, ...); empty when the
   * portal says "Not found". {@code crm.item.get}'s {@code {item: {...}}} is unwrapped.
   */
  public Optional<JsonObject> get(String method, long id) {
    JsonObject params = Jsons.PROVIDER.createObjectBuilder().add("id", id).build();
    try {
      return Optional.ofNullable(unwrapItem(call(method, params).result()));
    } catch (BitrixException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  // ---------------------------------------------------------------- batch

  /**
   * Runs up to 50 commands ({@code key -> "method?query"}, see {@link QueryString}) as one request.
   * The methods named in the commands are locked for the portal meanwhile. Failed sub-commands are
   * reported in {@link BatchResponse#errors()}; an {@code OPERATION_TIME_LIMIT} among them also
   * parks that method for later calls. The operating-time governor admits the batch once at least
   * one command of each method fits; it cannot split a caller's batch (use {@link #iterate}, which
   * sizes its chains to the budget, for bulk reads).
   */
  public BatchResponse batch(Map<String, String> commands, boolean halt) {
    Map<String, String> methods = methodsOf(commands);
    Map<String, Integer> counts = new LinkedHashMap<>();
    methods.values().forEach(m -> counts.merge(m, 1, Integer::sum));
    boolean idempotent = counts.keySet().stream().allMatch(BitrixMethods::isIdempotent);
    try (var locks = portal.pacer.lockMethods(counts.keySet())) {
      return batchLocked(commands, methods, halt, counts, idempotent);
    } catch (InterruptedException e) {
      throw interrupted("batch");
    }
  }

  private BatchResponse batchLocked(
      Map<String, String> commands,
      Map<String, String> methods,
      boolean halt,
      Map<String, Integer> counts,
      boolean idempotent)
      throws InterruptedException {
    JsonObjectBuilder cmd = Jsons.PROVIDER.createObjectBuilder();
    commands.forEach(cmd::add);
    JsonObject params =
        Jsons.PROVIDER.createObjectBuilder().add("halt", halt ? 1 : 0).add("cmd", cmd).build();
    Answer a = exchange("batch", params, idempotent, counts);
    JsonValue outer = a.body.get("result");
    Map<String, JsonValue> members = Jsons.objectOrArray(outer);
    Map<String, JsonValue> results =
        new LinkedHashMap<>(Jsons.objectOrArray(members.get("result")));
    Map<String, BitrixError> errors = new LinkedHashMap<>();
    Jsons.objectOrArray(members.get("result_error")).forEach((k, v) -> errors.put(k, errorOf(v)));
    Map<String, Integer> totals = new LinkedHashMap<>();
    Jsons.objectOrArray(members.get("result_total"))
        .forEach(
            (k, v) -> {
              Integer i = Jsons.asInt(v);
              if (i != null) {
                totals.put(k, i);
              }
            });
    Map<String, Integer> nexts = new LinkedHashMap<>();
    Jsons.objectOrArray(members.get("result_next"))
        .forEach(
            (k, v) -> {
              Integer i = Jsons.asInt(v);
              if (i != null) {
                nexts.put(k, i);
              }
            });
    Map<String, TimeInfo> times = new LinkedHashMap<>();
    Jsons.objectOrArray(members.get("result_time")).forEach((k, v) -> times.put(k, TimeInfo.of(v)));
    // the operating-time budget is kept per nested method, in command order
    for (String key : commands.keySet()) {
      String method = methods.get(key);
      TimeInfo t = times.get(key);
      if (t != null) {
        portal.pacer.record(method, t, a.receivedAt);
      }
      BitrixError e = errors.get(key);
      if (e != null && e.normalizedCode().equals("OPERATION_TIME_LIMIT")) {
        portal.pacer.park(method, t == null ? TimeInfo.NONE : t, a.receivedAt);
      }
    }
    results.keySet().retainAll(commands.keySet());
    return new BatchResponse(results, errors, totals, nexts, times, a.time);
  }

  private static BitrixError errorOf(JsonValue v) {
    if (v instanceof JsonObject o) {
      return new BitrixError(
          Jsons.asString(o.get("error")), Jsons.asString(o.get("error_description")));
    }
    return new BitrixError(Jsons.asString(v), null);
  }

  private static Map<String, String> methodsOf(Map<String, String> commands) {
    if (commands.isEmpty() || commands.size() > ListQuery.MAX_BATCH) {
      throw new IllegalArgumentException("a batch holds 1..50 commands, got " + commands.size());
    }
    Map<String, String> methods = new LinkedHashMap<>();
    commands.forEach(
        (key, command) -> {
          if (!COMMAND_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("batch keys are letters, digits and _: " + key);
          }
          int q = command.indexOf('?');
          String method = (q < 0 ? command : command.substring(0, q)).toLowerCase(Locale.ROOT);
          if (!BitrixMethods.isValidName(method) || method.equals("batch")) {
            throw new IllegalArgumentException("not a method a batch may run: " + method);
          }
          methods.put(key, method);
        });
    return methods;
  }

  // ---------------------------------------------------------------- lists

  /**
   * Fast export of everything after {@code afterId} in id order ({@code start=-1}, {@code order
   * {ID: ASC}}, filter {@code >ID}), as chained batches: command {@code c(k)} continues from {@code
   * $result[c(k-1)][49][ID]}; the chain is read in order until a page holds fewer than 50 rows.
   * Chains start at one command and double up to {@code q.maxChain()}, or are sized from {@code
   * q.expectedTotal()}; the operating-time governor may shorten them. Each page goes to the sink
   * with the cursor after it. Returns the last id seen ({@code afterId} when nothing came).
   */
  public long iterate(String method, ListQuery q, long afterId, PageSink sink) {
    requireName(method);
    long last = afterId;
    long delivered = 0;
    int chain = 1;
    Failures failures = new Failures();
    Set<String> unreadableIds = new java.util.HashSet<>();
    int stalls = 0;
    try {
      while (true) {
        BatchResponse br;
        int n;
        try (var locks = portal.pacer.lockMethods(List.of(method))) {
          n = portal.pacer.admit(method, chainLength(q, delivered, chain));
          Map<String, String> cmd = new LinkedHashMap<>();
          Map<String, String> methods = new LinkedHashMap<>();
          for (int k = 0; k < n; k++) {
            JsonValue after =
                k == 0
                    ? Jsons.PROVIDER.createValue(last)
                    : Jsons.PROVIDER.createValue(q.referenceToRow("c" + (k - 1), 49));
            cmd.put("c" + k, QueryString.command(method, q.fastPage(after)));
            methods.put("c" + k, method);
          }
          br = batchLocked(cmd, methods, true, Map.of(method, n), true);
        }
        boolean ended = false;
        BitrixError subError = null;
        long before = last;
        for (int k = 0; k < n; k++) {
          String key = "c" + k;
          BitrixError e = br.errors().get(key);
          if (e != null) {
            subError = e;
            break;
          }
          JsonValue v = br.results().get(key);
          if (v == null) {
            break;
          }
          List<JsonObject> rows = q.rowsOf(v);
          List<JsonObject> fresh = new ArrayList<>(rows.size());
          long max = last;
          for (JsonObject row : rows) {
            Long id = Jsons.asLong(row.get(q.idField()));
            if (id == null) {
              // unreadable id: deliver once (the translator quarantines it), never advance by it
              String raw = String.valueOf(row.get(q.idField()));
              if (unreadableIds.add(raw.length() > 200 ? raw.substring(0, 200) : raw)) {
                fresh.add(row);
              }
            } else if (id > last) {
              fresh.add(row);
              max = Math.max(max, id);
            }
          }
          boolean brokenChain =
              !rows.isEmpty() && Jsons.asLong(rows.get(rows.size() - 1).get(q.idField())) == null;
          if (!fresh.isEmpty()) {
            sink.page(fresh, max);
            portal.pacer.countRows(fresh.size());
            delivered += fresh.size();
          }
          last = max;
          if (rows.size() < ListQuery.PAGE_SIZE) {
            ended = true;
            break;
          }
          if (brokenChain) {
            break; // the next command continued from an unreadable id: start again from `last`
          }
        }
        if (ended) {
          return last;
        }
        if (subError != null) {
          failures.handle(method, subError);
        } else if (last == before) {
          if (++stalls >= 3) {
            throw new BitrixException(
                Kind.REJECTED, method, "the >" + q.idField() + " filter makes no progress");
          }
        } else {
          stalls = 0;
        }
        if (last != before) {
          failures.progressed();
        }
        chain = Math.min(q.maxChain(), chain * 2);
      }
    } catch (InterruptedException e) {
      throw interrupted(method);
    }
  }

  private static int chainLength(ListQuery q, long delivered, int chain) {
    if (q.expectedTotal() != null) {
      long remaining = Math.max(0, q.expectedTotal() - delivered);
      return (int) Math.min(q.maxChain(), remaining / ListQuery.PAGE_SIZE + 1);
    }
    return Math.min(q.maxChain(), chain);
  }

  /** How many rows match: one {@code start=0} call reading {@code total}. */
  public int count(String method, ListQuery q) {
    JsonObject params =
        Jsons.PROVIDER
            .createObjectBuilder(q.offsetPage(0))
            .add("select", Jsons.PROVIDER.createArrayBuilder().add(q.idField()))
            .build();
    BitrixResponse r = call(method, params);
    if (r.total() == null) {
      throw new BitrixException(Kind.REJECTED, method, "the answer has no total");
    }
    return r.total();
  }

  /** {@link #count(String, ListQuery)} of a classic list with this filter. */
  public int count(String method, JsonObject filter) {
    return count(method, ListQuery.classic(filter, List.of()));
  }

  /**
   * Every row of a small list (dictionaries, users, departments) by offset paging: the first page
   * tells {@code total}; the remaining pages are fetched up to 50 per batch. Refuses to collect
   * more than 200 000 rows (use {@link #iterate}).
   */
  public List<JsonObject> listAll(String method, ListQuery q) {
    requireName(method);
    List<JsonObject> all = new ArrayList<>();
    BitrixResponse first = call(method, q.offsetPage(0));
    all.addAll(q.rowsOf(first.result()));
    Integer next = first.next();
    Integer total = first.total();
    Failures failures = new Failures();
    try {
      while (next != null) {
        if (all.size() > MAX_LIST_ALL_ROWS) {
          throw new BitrixException(Kind.REJECTED, method, "too many rows for listAll");
        }
        List<Integer> offsets = new ArrayList<>();
        for (int off = next;
            offsets.size() < ListQuery.MAX_BATCH
                && (offsets.isEmpty() || total == null || off < total);
            off += ListQuery.PAGE_SIZE) {
          offsets.add(off);
          if (total == null) {
            break;
          }
        }
        Map<String, String> cmd = new LinkedHashMap<>();
        for (int off : offsets) {
          cmd.put("p" + off, QueryString.command(method, q.offsetPage(off)));
        }
        BatchResponse br = batch(cmd, true);
        Integer following = null;
        boolean failed = false;
        for (int off : offsets) {
          String key = "p" + off;
          BitrixError e = br.errors().get(key);
          if (e != null) {
            failures.handle(method, e);
            following = off;
            failed = true;
            break;
          }
          JsonValue v = br.results().get(key);
          if (v == null) {
            following = off;
            failed = true;
            break;
          }
          List<JsonObject> rows = q.rowsOf(v);
          all.addAll(rows);
          following = br.nexts().get(key);
          if (following == null || rows.size() < ListQuery.PAGE_SIZE) {
            following = null;
            break;
          }
        }
        if (!failed && following == null) {
          break;
        }
        next = following;
      }
    } catch (InterruptedException e) {
      throw interrupted(method);
    }
    portal.pacer.countRows(all.size());
    return all;
  }

  /**
   * Reads many records by id with batches of {@code method?id=<id>} (a classic {@code *.get}), 50
   * per request. Ids the portal does not find are absent from the answer.
   */
  public Map<Long, JsonObject> getMany(String method, Collection<Long> ids) {
    requireName(method);
    Map<Long, JsonObject> found = new LinkedHashMap<>();
    List<Long> pending = new ArrayList<>(new LinkedHashSet<>(ids));
    Failures failures = new Failures();
    try {
      while (!pending.isEmpty()) {
        List<Long> chunk = pending.subList(0, Math.min(ListQuery.MAX_BATCH, pending.size()));
        Map<String, String> cmd = new LinkedHashMap<>();
        for (long id : chunk) {
          cmd.put("i" + id, method + "?id=" + id);
        }
        BatchResponse br = batch(cmd, false);
        List<Long> again = new ArrayList<>();
        BitrixError retryable = null;
        for (long id : chunk) {
          String key = "i" + id;
          BitrixError e = br.errors().get(key);
          if (e != null) {
            Decision d = ErrorCodes.classify(e, 200);
            if (d.kind() == Kind.NOT_FOUND) {
              continue;
            }
            if (d.action() == ErrorCodes.Action.FAIL) {
              throw new BitrixException(d.kind(), method, e.code(), 0, e.description(), null);
            }
            retryable = e;
            again.add(id);
            continue;
          }
          JsonObject o = unwrapItem(br.results().get(key));
          if (o != null) {
            found.put(id, o);
          }
        }
        List<Long> rest = new ArrayList<>(again);
        rest.addAll(pending.subList(chunk.size(), pending.size()));
        pending = rest;
        if (retryable != null) {
          failures.handle(method, retryable);
        }
      }
    } catch (InterruptedException e) {
      throw interrupted(method);
    }
    portal.pacer.countRows(found.size());
    return found;
  }

  /**
   * Reads many records by id with a list method and {@code filter[@ID]}: 50 ids per sub-command, up
   * to 50 sub-commands per request.
   */
  public List<JsonObject> listByIds(String method, ListQuery q, Collection<Long> ids) {
    requireName(method);
    List<Long> unique = new ArrayList<>(new LinkedHashSet<>(ids));
    List<JsonObject> rows = new ArrayList<>();
    Failures failures = new Failures();
    int perBatch = ListQuery.PAGE_SIZE * ListQuery.MAX_BATCH;
    try {
      int from = 0;
      while (from < unique.size()) {
        List<Long> slice = unique.subList(from, Math.min(unique.size(), from + perBatch));
        Map<String, String> cmd = new LinkedHashMap<>();
        for (int i = 0; i < slice.size(); i += ListQuery.PAGE_SIZE) {
          List<Long> part = slice.subList(i, Math.min(slice.size(), i + ListQuery.PAGE_SIZE));
          JsonObject params = q.fastPage(Jsons.PROVIDER.createValue(0));
          JsonObjectBuilder filter = Jsons.PROVIDER.createObjectBuilder();
          params
              .getJsonObject("filter")
              .forEach(
                  (k, v) -> {
                    if (!k.equals(">" + q.idField())) {
                      filter.add(k, v);
                    }
                  });
          filter.add("@" + q.idField(), ListQuery.toJson(part));
          JsonObject p = Jsons.PROVIDER.createObjectBuilder(params).add("filter", filter).build();
          cmd.put("b" + i, QueryString.command(method, p));
        }
        BatchResponse br = batch(cmd, false);
        BitrixError retryable = null;
        List<JsonObject> got = new ArrayList<>();
        for (String key : cmd.keySet()) {
          BitrixError e = br.errors().get(key);
          if (e != null) {
            retryable = e;
            break;
          }
          got.addAll(q.rowsOf(br.results().getOrDefault(key, JsonValue.EMPTY_JSON_ARRAY)));
        }
        if (retryable != null) {
          failures.handle(method, retryable);
          continue; // the whole slice again
        }
        rows.addAll(got);
        from += slice.size();
      }
    } catch (InterruptedException e) {
      throw interrupted(method);
    }
    portal.pacer.countRows(rows.size());
    return rows;
  }

  private static JsonObject unwrapItem(JsonValue result) {
    if (result instanceof JsonObject o) {
      if (o.size() == 1 && o.get("item") instanceof JsonObject item) {
        return item;
      }
      return o;
    }
    return null;
  }

  /** Retry bookkeeping for failed batch sub-commands in the list operations. */
  private final class Failures {
    private int transientCount;
    private int rateCount;
    private int parkCount;

    /** Rows arrived: the limits count consecutive failures, not failures of a whole export. */
    void progressed() {
      transientCount = 0;
      rateCount = 0;
      parkCount = 0;
    }

    /** Waits as the error asks and returns, or throws when it is final or attempts ran out. */
    void handle(String method, BitrixError e) throws InterruptedException {
      Decision d = ErrorCodes.classify(e, 200);
      switch (d.action()) {
        case PARK -> {
          if (++parkCount > settings.maxParks()) {
            throw new BitrixException(d.kind(), method, e.code(), 429, e.description(), null);
          }
          // batchLocked has parked the method; admit() waits for it
        }
        case BACK_OFF -> {
          portal.pacer.onQueryLimitExceeded();
          if (++rateCount >= settings.maxRateAttempts()) {
            throw new BitrixException(d.kind(), method, e.code(), 503, e.description(), null);
          }
          portal.pacer.sleep(
              Backoff.delayNanos(rateCount, settings.rateBackoffBase(), settings.rateBackoffCap()));
        }
        case RETRY -> {
          if (++transientCount >= settings.maxAttempts()) {
            throw new BitrixException(d.kind(), method, e.code(), 0, e.description(), null);
          }
          portal.pacer.sleep(
              Backoff.delayNanos(transientCount, settings.backoffBase(), settings.backoffCap()));
        }
        default ->
            throw new BitrixException(
                d.action() == ErrorCodes.Action.REFRESH ? Kind.NEEDS_REAUTH : d.kind(),
                method,
                e.code(),
                0,
                e.description(),
                null);
      }
      portal.pacer.countRetry();
    }
  }

  // ---------------------------------------------------------------- the exchange

  private record Answer(JsonObject body, TimeInfo time, long receivedAt) {}

  private record Reply(int status, String body) {}

  /**
   * Sends one logical request until it succeeds or fails for good. {@code admitted}: the methods
   * (with counts) whose operating-time budget this request spends.
   */
  private Answer exchange(
      String method, JsonObject params, boolean idempotent, Map<String, Integer> admitted)
      throws InterruptedException {
    int transientCount = 0;
    int rateCount = 0;
    int parkCount = 0;
    int refreshCount = 0;
    boolean invalidTokenSeen = false;
    PortalPacer pacer = portal.pacer;
    while (true) {
      for (Map.Entry<String, Integer> e : admitted.entrySet()) {
        pacer.admit(e.getKey(), e.getValue());
      }
      pacer.acquireRequest();
      TokenKeeper.Token token = portal.tokens == null ? null : portal.tokens.current();
      String body = Jsons.write(withAuth(params, token));
      Reply reply;
      try {
        reply = post(method, body);
      } catch (IOException e) {
        boolean neverSent =
            e instanceof HttpConnectTimeoutException || e instanceof ConnectException;
        if (!idempotent && !neverSent) {
          throw new BitrixException(
              Kind.OUTCOME_UNKNOWN,
              method,
              null,
              0,
              "the request may or may not have been executed ("
                  + e.getClass().getSimpleName()
                  + ")",
              redacted(e));
        }
        if (++transientCount >= settings.maxAttempts()) {
          throw new BitrixException(
              Kind.TRANSIENT,
              method,
              null,
              0,
              transientCount + " attempts, last: " + e.getClass().getSimpleName(),
              redacted(e));
        }
        retryAfter(method, "transport " + e.getClass().getSimpleName(), transientCount);
        continue;
      }
      long receivedAt = settings.ticker().nanoTime();
      JsonObject json = Jsons.parseObject(reply.body);
      boolean isError =
          json != null
              && json.containsKey("error")
              && (!json.containsKey("result") || !isBlankError(json.get("error")));
      if (json == null || (!isError && !json.containsKey("result"))) {
        int s = reply.status;
        if (s == 401 || s == 403) {
          throw new BitrixException(Kind.AUTH, method, null, s, "unreadable answer", null);
        }
        if (s == 404) {
          throw new BitrixException(Kind.METHOD_NOT_FOUND, method, null, s, null, null);
        }
        if (s >= 300 && s < 500) {
          throw new BitrixException(Kind.REJECTED, method, null, s, "unreadable answer", null);
        }
        if (!idempotent) {
          throw new BitrixException(
              Kind.OUTCOME_UNKNOWN, method, null, s, "unreadable answer to a write", null);
        }
        if (++transientCount >= settings.maxAttempts()) {
          throw new BitrixException(
              Kind.TRANSIENT, method, null, s, transientCount + " unreadable answers", null);
        }
        retryAfter(method, "unreadable answer, HTTP " + s, transientCount);
        continue;
      }
      TimeInfo time = TimeInfo.of(json.get("time"));
      if (!isError) {
        if (!method.equals("batch")) {
          pacer.record(method, time, receivedAt);
        }
        return new Answer(json, time, receivedAt);
      }
      BitrixError error =
          new BitrixError(
              Jsons.asString(json.get("error")), Jsons.asString(json.get("error_description")));
      Decision d = ErrorCodes.classify(error, reply.status);
      switch (d.action()) {
        case BACK_OFF -> {
          pacer.onQueryLimitExceeded();
          if (++rateCount >= settings.maxRateAttempts()) {
            throw fail(d.kind(), method, error, reply.status);
          }
          pacer.countRetry();
          pacer.sleep(
              Backoff.delayNanos(rateCount, settings.rateBackoffBase(), settings.rateBackoffCap()));
        }
        case PARK -> {
          for (String m : admitted.keySet()) {
            pacer.park(m, time, receivedAt);
          }
          if (++parkCount > settings.maxParks()) {
            throw fail(d.kind(), method, error, reply.status);
          }
          pacer.countRetry();
          LOG.log(
              System.Logger.Level.INFO,
              "Bitrix24 {0} on portal {1}: operating-time limit, method parked",
              method,
              portal.key);
        }
        case REFRESH -> {
          if (portal.tokens == null) {
            throw fail(Kind.AUTH, method, error, reply.status);
          }
          boolean invalid = error.normalizedCode().equals("INVALID_TOKEN");
          if ((invalid && invalidTokenSeen) || ++refreshCount > 2) {
            throw fail(Kind.NEEDS_REAUTH, method, error, reply.status);
          }
          invalidTokenSeen |= invalid;
          portal.tokens.refresh(token.version(), this::rotated);
          pacer.countRetry();
        }
        case RETRY -> {
          if (!idempotent) {
            throw fail(Kind.OUTCOME_UNKNOWN, method, error, reply.status);
          }
          if (++transientCount >= settings.maxAttempts()) {
            throw fail(d.kind(), method, error, reply.status);
          }
          retryAfter(method, error.code(), transientCount);
        }
        default -> throw fail(d.kind(), method, error, reply.status);
      }
    }
  }

  private static boolean isBlankError(JsonValue v) {
    return v == null
        || v.getValueType() == JsonValue.ValueType.NULL
        || v.getValueType() == JsonValue.ValueType.FALSE
        || "".equals(Jsons.asString(v));
  }

  private void retryAfter(String method, String why, int attempt) throws InterruptedException {
    portal.pacer.countRetry();
    LOG.log(
        System.Logger.Level.DEBUG,
        "Bitrix24 {0} on portal {1}: {2}, retry {3}",
        method,
        portal.key,
        why,
        attempt);
    portal.pacer.sleep(Backoff.delayNanos(attempt, settings.backoffBase(), settings.backoffCap()));
  }

  private static BitrixException fail(Kind kind, String method, BitrixError e, int status) {
    return new BitrixException(kind, method, e.code(), status, e.description(), null);
  }

  private void rotated(TokenPair pair) {
    if (pair.clientEndpoint() != null && portal.moveTo(pair.clientEndpoint())) {
      notifyMoved(pair.clientEndpoint());
    }
    try {
      tokenListener.rotated(portal.key, pair);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Bitrix24 portal {0}: the token listener failed ({1}); the new pair may be lost",
          portal.key,
          e.getClass().getSimpleName());
    }
  }

  private void notifyMoved(URI newBase) {
    LOG.log(System.Logger.Level.INFO, "Bitrix24 portal {0} moved to a new address", portal.key);
    try {
      movedListener.moved(portal.key, newBase);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Bitrix24 portal {0}: the move listener failed ({1})",
          portal.key,
          e.getClass().getSimpleName());
    }
  }

  private static JsonObject withAuth(JsonObject params, TokenKeeper.Token token) {
    if (token == null) {
      return params;
    }
    return Jsons.PROVIDER.createObjectBuilder(params).add("auth", token.accessToken()).build();
  }

  /**
   * POSTs the JSON body to {@code <base><method>}. Redirects are not followed by the HTTP client
   * (it would turn the POST into a GET): a 3xx with {@code Location} moves the portal to the new
   * address, reports it, and the same body is POSTed there.
   */
  private Reply post(String method, String body) throws IOException, InterruptedException {
    URI target = portal.restBase().resolve(method);
    for (int hop = 0; ; hop++) {
      HttpRequest request =
          HttpRequest.newBuilder(target)
              .timeout(settings.requestTimeout())
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .header("User-Agent", settings.userAgent())
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build();
      HttpResponse<String> r =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      int s = r.statusCode();
      Optional<String> location = r.headers().firstValue("Location");
      if (!Set.of(301, 302, 303, 307, 308).contains(s) || location.isEmpty()) {
        return new Reply(s, r.body());
      }
      if (hop >= MAX_REDIRECTS) {
        throw new BitrixException(Kind.REJECTED, method, null, s, "too many redirects", null);
      }
      URI next;
      try {
        next = target.resolve(location.get().strip());
      } catch (IllegalArgumentException e) {
        throw new BitrixException(Kind.REJECTED, method, null, s, "unreadable redirect", null);
      }
      String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
      if (next.getHost() == null
          || !(scheme.equals("https")
              || (scheme.equals("http") && PortalCredentials.isLoopback(next.getHost())))) {
        throw new BitrixException(
            Kind.REJECTED, method, null, s, "refused a redirect to a non-https address", null);
      }
      URI newBase = baseOf(next, method);
      if (portal.moveTo(newBase)) {
        notifyMoved(newBase);
      }
      portal.pacer.countRedirect();
      target = next;
    }
  }

  /** The REST base of a redirect target: its path minus the method (and {@code .json}, slash). */
  private URI baseOf(URI target, String method) {
    String path = target.getRawPath() == null ? "/" : target.getRawPath();
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (p.endsWith(".json")) {
      p = p.substring(0, p.length() - 5);
    }
    String basePath;
    if (p.endsWith("/" + method)) {
      basePath = p.substring(0, p.length() - method.length());
    } else {
      basePath = portal.restBase().getRawPath();
    }
    String origin = target.getScheme() + "://" + target.getRawAuthority();
    return URI.create(origin + basePath);
  }

  private static String requireName(String method) {
    if (!BitrixMethods.isValidName(method)) {
      throw new IllegalArgumentException("not a Bitrix24 method name: " + method);
    }
    return method;
  }

  private static BitrixException interrupted(String method) {
    Thread.currentThread().interrupt();
    return new BitrixException(Kind.INTERRUPTED, method, "interrupted while waiting");
  }

  /** A copy of a transport failure whose message cannot leak a secret of this portal. */
  private Exception redacted(Exception e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    for (String secret : secrets()) {
      if (secret != null && secret.length() >= 4) {
        m = m.replace(secret, "***");
      }
    }
    Exception copy = new IOException(e.getClass().getSimpleName() + ": " + m);
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }

  private List<String> secrets() {
    List<String> s = new ArrayList<>();
    if (credentials instanceof PortalCredentials.Webhook w) {
      s.add(w.code());
      s.add(portal.restBase().toString());
    } else if (credentials instanceof PortalCredentials.OAuth o) {
      s.add(o.accessToken());
      s.add(o.refreshToken());
      s.add(o.clientSecret());
      if (portal.tokens != null) {
        s.addAll(portal.tokens.secrets());
      }
    }
    return s;
  }

  @Override
  public String toString() {
    return "BitrixClient[" + portal.key + "]";
  }
}
