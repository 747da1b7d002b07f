package app.premia.sandbox;

import app.premia.sandbox.Rest.Method;
import app.premia.sandbox.Rest.Outcome;
import app.premia.sandbox.Rest.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Implementations of the emulated REST methods. */
final class Methods {
  private Methods() {}

  static void register(Map<String, Method> m) {
    // users and structure
    m.put("user.get", Methods::userGet);
    m.put("user.current", (p, who, params) -> Outcome.of(user(p, who.userId())));
    m.put("user.admin", (p, who, params) -> Outcome.of(who.userId() == 1));
    m.put("profile", Methods::profile);
    m.put("department.get", Methods::departmentGet);
    // CRM
    crud(m, "deal", Schema.DEAL, d -> d.deals);
    crud(m, "lead", Schema.LEAD, d -> d.leads);
    crud(m, "contact", Schema.CONTACT, d -> d.contacts);
    crud(m, "company", Schema.COMPANY, d -> d.companies);
    crud(m, "activity", Schema.ACTIVITY, d -> d.activities);
    m.put("crm.deal.userfield.list", (p, who, params) -> userfields());
    m.put("crm.stagehistory.list", Methods::stageHistory);
    m.put("crm.category.list", Methods::categoryList);
    m.put("crm.status.list", Methods::statusList);
    m.put("crm.currency.list", (p, who, params) -> new Outcome(p.currencies, 0L, null, 3, 0));
    m.put("crm.currency.base.get", (p, who, params) -> Outcome.of("RUB"));
    // write-back
    m.put("im.notify.system.add", (p, who, params) -> notify(p, who, params, "system"));
    m.put("im.notify.personal.add", (p, who, params) -> notify(p, who, params, "personal"));
    m.put("log.blogpost.add", Methods::blogpost);
    // app context
    m.put("event.bind", (p, who, params) -> p.events.bind(params));
    m.put("event.unbind", (p, who, params) -> p.events.unbind(params));
    m.put("event.get", (p, who, params) -> Outcome.of(p.events.get()));
    m.put("event.offline.get", (p, who, params) -> p.events.offlineGet(params));
    m.put("event.offline.clear", (p, who, params) -> p.events.offlineClear(params));
    m.put("event.offline.error", (p, who, params) -> p.events.offlineError(params));
    m.put("event.offline.list", (p, who, params) -> p.events.offlineList(params));
    m.put("events", (p, who, params) -> Outcome.of(new ArrayList<>(Events.EVENTS)));
    m.put("placement.bind", Methods::placementBind);
    m.put("placement.get", (p, who, params) -> Outcome.of(p.snapshot("placement")));
    m.put("app.info", Methods::appInfo);
    m.put(
        "scope",
        (p, who, params) ->
            Outcome.of(List.of("basic", "crm", "department", "im", "log", "placement", "user")));
    m.put("server.time", (p, who, params) -> Outcome.of(p.serverTime()));
  }

  interface TableOf {
    Table of(PortalData d);
  }

  private static void crud(Map<String, Method> m, String entity, Schema s, TableOf t) {
    m.put(
        "crm." + entity + ".list",
        (p, who, params) -> {
          Map<String, Object> filter = Rest.filterParam(params, "filter", "FILTER");
          Predicate<Row> extra = null;
          if (entity.equals("activity")) {
            extra = bindings(filter.remove("BINDINGS"));
          }
          return Rest.list(
              t.of(p.data),
              filter,
              Json.asMap(firstNonNull(params.get("order"), params.get("ORDER"))),
              Json.asList(firstNonNull(params.get("select"), params.get("SELECT"))),
              Rest.parseStart(params.get("start")),
              false,
              extra);
        });
    m.put(
        "crm." + entity + ".get",
        (p, who, params) -> {
          Long id = Json.asLong(firstNonNull(params.get("id"), params.get("ID")));
          if (id == null || id <= 0) {
            throw RestError.badArg("ID is not defined or invalid.");
          }
          Row r = t.of(p.data).get(id);
          if (r == null) {
            throw RestError.notFound();
          }
          if (r.hostile != null) {
            Map<String, Object> h = new LinkedHashMap<>(r.hostile);
            h.keySet().removeIf(k -> k.startsWith("__"));
            return Outcome.of(h);
          }
          return Outcome.of(r.toMap(s));
        });
    m.put("crm." + entity + ".fields", (p, who, params) -> Outcome.of(fields(s)));
  }

  static Object firstNonNull(Object a, Object b) {
    return a != null ? a : b;
  }

  private static Predicate<Row> bindings(Object v) {
    List<Object> list = Json.asList(v);
    if (list == null || list.isEmpty()) {
      return null;
    }
    List<long[]> pairs = new ArrayList<>();
    for (Object o : list) {
      Map<String, Object> b = Json.asMap(o);
      if (b == null) {
        continue;
      }
      pairs.add(
          new long[] {Json.asLong(b.get("OWNER_TYPE_ID"), -1), Json.asLong(b.get("OWNER_ID"), -1)});
    }
    int typeCol = Schema.ACTIVITY.idx("OWNER_TYPE_ID");
    int ownerCol = Schema.ACTIVITY.idx("OWNER_ID");
    return r -> {
      long type = Json.asLong(r.v[typeCol], -2);
      long owner = Json.asLong(r.v[ownerCol], -2);
      for (long[] pr : pairs) {
        if ((pr[0] < 0 || pr[0] == type) && (pr[1] < 0 || pr[1] == owner)) {
          return true;
        }
      }
      return false;
    };
  }

  static Map<String, Object> fields(Schema s) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Schema.Field f : s.fields) {
      Map<String, Object> d = new LinkedHashMap<>();
      String type =
          switch (f.type()) {
            case ID, INT, NUM -> "integer";
            case REF -> refType(f.name());
            case MONEY -> "double";
            case DATETIME ->
                f.name().equals("BEGINDATE") || f.name().equals("CLOSEDATE") ? "date" : "datetime";
            case CHAR, BOOL -> "char";
            case STATUS -> f.name().equals("CURRENCY_ID") ? "crm_currency" : "crm_status";
            case MULTI -> "crm_multifield";
            default -> "string";
          };
      d.put("type", type);
      d.put("isRequired", f.name().equals("TITLE"));
      d.put(
          "isReadOnly",
          f.name().equals("ID")
              || f.name().startsWith("DATE_")
              || f.name().equals("STAGE_SEMANTIC_ID"));
      d.put("isImmutable", f.name().equals("CATEGORY_ID"));
      d.put("isMultiple", f.type() == Schema.Type.MULTI);
      d.put("isDynamic", f.uf());
      d.put("title", f.title());
      if (f.name().equals("STAGE_ID")) {
        d.put("statusType", "DEAL_STAGE");
      } else if (f.name().equals("SOURCE_ID")) {
        d.put("statusType", "SOURCE");
      } else if (f.name().equals("TYPE_ID") && s == Schema.DEAL) {
        d.put("statusType", "DEAL_TYPE");
      } else if (f.name().equals("STATUS_ID")) {
        d.put("statusType", "STATUS");
      }
      if (f.uf()) {
        d.put("listLabel", "NPS");
        d.put("formLabel", f.title());
        d.put("filterLabel", "NPS");
        d.put("settings", Json.map("MIN_VALUE", 0, "MAX_VALUE", 10));
      }
      out.put(f.name(), d);
    }
    return out;
  }

  private static String refType(String name) {
    if (name.endsWith("BY_ID")
        || name.equals("RESPONSIBLE_ID")
        || name.equals("AUTHOR_ID")
        || name.equals("EDITOR_ID")
        || name.equals("LAST_ACTIVITY_BY")) {
      return "user";
    }
    return switch (name) {
      case "COMPANY_ID" -> "crm_company";
      case "CONTACT_ID" -> "crm_contact";
      case "LEAD_ID" -> "crm_lead";
      case "QUOTE_ID" -> "crm_quote";
      case "CATEGORY_ID" -> "crm_category";
      default -> "integer";
    };
  }

  private static Outcome userfields() {
    List<Map<String, Object>> l = PortalData.dealUserFields();
    return new Outcome(l, (long) l.size(), null, l.size(), 0);
  }

  // ---- users -----------------------------------------------------------------------------------

  private static final Set<String> USER_RESERVED =
      Set.of("SORT", "ORDER", "START", "SELECT", "FILTER", "ADMIN_MODE", "AUTH");

  private static Outcome userGet(Portal p, Principal who, Map<String, Object> params) {
    Map<String, Object> filter = Rest.filterParam(params, "FILTER", "filter");
    for (Map.Entry<String, Object> e : params.entrySet()) {
      String k = e.getKey();
      String bare = k.replaceFirst("^[!=<>@%]+", "").toUpperCase(Locale.ROOT);
      if (USER_RESERVED.contains(k.toUpperCase(Locale.ROOT))) {
        continue;
      }
      if (Schema.USER.idx(bare) >= 0 || bare.equals("NAME_SEARCH")) {
        filter.putIfAbsent(k, e.getValue());
      }
    }
    Predicate<Row> extra = null;
    Object search = null;
    for (String k : List.of("NAME_SEARCH", "name_search")) {
      if (filter.containsKey(k)) {
        search = filter.remove(k);
      }
    }
    if (search != null && !search.toString().isBlank()) {
      String[] words = search.toString().toLowerCase(Locale.ROOT).trim().split("\\s+");
      int n = Schema.USER.idx("NAME");
      int l = Schema.USER.idx("LAST_NAME");
      int s2 = Schema.USER.idx("SECOND_NAME");
      extra =
          r -> {
            String all = (r.v[n] + " " + r.v[l] + " " + r.v[s2]).toLowerCase(Locale.ROOT);
            for (String w : words) {
              if (!all.contains(w)) {
                return false;
              }
            }
            return true;
          };
    }
    Map<String, Object> order = null;
    Object sort = params.get("sort");
    Object ord = params.get("order");
    if (ord instanceof Map<?, ?>) {
      order = Json.asMap(ord);
    } else if (sort != null) {
      order = new LinkedHashMap<>();
      order.put(sort.toString(), ord == null ? "ASC" : ord.toString());
    }
    return Rest.list(
        p.data.users,
        filter,
        order,
        Json.asList(params.get("select")),
        Rest.parseStart(params.get("start")),
        false,
        extra);
  }

  static Map<String, Object> user(Portal p, long id) {
    Row r = p.data.users.get(id);
    if (r == null) {
      throw RestError.notFound();
    }
    return r.toMap(Schema.USER);
  }

  private static Outcome profile(Portal p, Principal who, Map<String, Object> params) {
    Map<String, Object> u = user(p, who.userId());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", u.get("ID"));
    m.put("ADMIN", who.userId() == 1);
    m.put("NAME", u.get("NAME"));
    m.put("LAST_NAME", u.get("LAST_NAME"));
    m.put("PERSONAL_GENDER", u.get("PERSONAL_GENDER"));
    m.put("PERSONAL_PHOTO", "");
    m.put("TIME_ZONE", "");
    m.put("TIME_ZONE_OFFSET", 10800);
    return Outcome.of(m);
  }

  private static final List<String> DEPT_FILTERS =
      List.of("ID", "NAME", "SORT", "PARENT", "UF_HEAD");

  private static Outcome departmentGet(Portal p, Principal who, Map<String, Object> params) {
    Map<String, Object> filter = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : params.entrySet()) {
      if (DEPT_FILTERS.contains(e.getKey().toUpperCase(Locale.ROOT))) {
        filter.put(e.getKey().toUpperCase(Locale.ROOT), e.getValue());
      }
    }
    Map<String, Object> order = null;
    Object sort = params.get("sort");
    if (sort != null) {
      order = new LinkedHashMap<>();
      Object ord = params.get("order");
      order.put(sort.toString(), ord == null ? "ASC" : ord.toString());
    }
    Object start = firstNonNull(params.get("START"), params.get("start"));
    return Rest.list(p.data.departments, filter, order, null, Rest.parseStart(start), false, null);
  }

  // ---- CRM dictionaries and history ------------------------------------------------------------

  private static Outcome stageHistory(Portal p, Principal who, Map<String, Object> params) {
    long type = Json.asLong(params.get("entityTypeId"), -1);
    Table t =
        switch ((int) type) {
          case 2 -> p.data.dealHistory;
          case 1 -> p.data.leadHistory;
          default ->
              throw new RestError(
                  400, "INVALID_ARG_VALUE", "Entity type is not supported: " + type);
        };
    Outcome o =
        Rest.list(
            t,
            Rest.filterParam(params, "filter"),
            Json.asMap(params.get("order")),
            Json.asList(params.get("select")),
            Rest.parseStart(params.get("start")),
            true,
            null);
    return new Outcome(Json.map("items", o.result()), o.total(), o.next(), o.rows(), o.counted());
  }

  private static Outcome categoryList(Portal p, Principal who, Map<String, Object> params) {
    long type = Json.asLong(params.get("entityTypeId"), -1);
    if (type == 2) {
      return new Outcome(Json.map("categories", PortalData.categories()), 2L, null, 2, 0);
    }
    if (type == 1 || type == 3 || type == 4) {
      return new Outcome(Json.map("categories", List.of()), 0L, null, 0, 0);
    }
    throw new RestError(400, "NOT_FOUND", "Smart process not found");
  }

  private static Outcome statusList(Portal p, Principal who, Map<String, Object> params) {
    Map<String, Object> filter = Rest.filterParam(params, "filter", "FILTER");
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> s : p.statuses) {
      boolean ok = true;
      for (Map.Entry<String, Object> f : filter.entrySet()) {
        String k = f.getKey().replaceFirst("^=", "").toUpperCase(Locale.ROOT);
        if (!s.containsKey(k)) {
          continue;
        }
        Object want = f.getValue();
        Object have = s.get(k);
        if (want instanceof Collection<?> c) {
          ok &= c.stream().anyMatch(x -> String.valueOf(x).equalsIgnoreCase(String.valueOf(have)));
        } else {
          ok &= String.valueOf(want).equalsIgnoreCase(String.valueOf(have));
        }
      }
      if (ok) {
        out.add(s);
      }
    }
    return new Outcome(out, (long) out.size(), null, out.size(), 0);
  }

  // ---- write-back ------------------------------------------------------------------------------

  private static Outcome notify(Portal p, Principal who, Map<String, Object> params, String kind) {
    Object user = firstNonNull(params.get("USER_ID"), params.get("user_id"));
    Object msg = firstNonNull(params.get("MESSAGE"), params.get("message"));
    if (user == null || user.toString().isBlank()) {
      throw new RestError(400, "USER_ID_EMPTY", "Recipient is not specified");
    }
    if (msg == null || msg.toString().isBlank()) {
      throw new RestError(400, "MESSAGE_EMPTY", "Message text is empty");
    }
    Object attach = params.get("ATTACH");
    if (attach != null && Json.writeString(attach).length() > 60_000) {
      throw new RestError(400, "ATTACH_OVERSIZE", "Attachment is too large");
    }
    Long uid = Json.asLong(user);
    if (uid == null || p.data.users.get(uid) == null) {
      throw new RestError(400, "USER_ID_EMPTY", "Recipient does not exist");
    }
    Object tag = params.get("TAG");
    synchronized (p.notifications) {
      if (tag != null && !tag.toString().isEmpty()) {
        p.notifications.removeIf(n -> tag.toString().equals(n.get("TAG")));
      }
      long id = p.notificationSeq.incrementAndGet();
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("ID", id);
      n.put("TYPE", kind);
      n.put("USER_ID", uid);
      n.put("FROM_USER_ID", kind.equals("system") ? 0 : who.userId());
      n.put("MESSAGE", msg.toString().trim());
      n.put("MESSAGE_OUT", params.get("MESSAGE_OUT"));
      n.put("TAG", tag == null ? null : tag.toString());
      n.put("SUB_TAG", params.get("SUB_TAG"));
      n.put("ATTACH", attach);
      n.put("DATE", Ts.format(System.currentTimeMillis() / 1000));
      p.notifications.add(n);
      return Outcome.of(id);
    }
  }

  private static Outcome blogpost(Portal p, Principal who, Map<String, Object> params) {
    Object msg = params.get("POST_MESSAGE");
    if (msg == null || msg.toString().isBlank()) {
      throw new RestError(400, "", "Empty message");
    }
    long id = p.feedSeq.incrementAndGet();
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("ID", id);
    n.put("AUTHOR_ID", Json.asLong(firstNonNull(params.get("USER_ID"), who.userId())));
    n.put("POST_TITLE", params.get("POST_TITLE"));
    n.put("POST_MESSAGE", msg.toString());
    Object dest = params.get("DEST");
    n.put("DEST", dest == null ? List.of("UA") : Json.asList(dest));
    n.put("IMPORTANT", params.getOrDefault("IMPORTANT", "N"));
    n.put("DATE", Ts.format(System.currentTimeMillis() / 1000));
    p.feed.add(n);
    return Outcome.of(id);
  }

  private static Outcome placementBind(Portal p, Principal who, Map<String, Object> params) {
    Object placement = params.get("PLACEMENT");
    Object handler = params.get("HANDLER");
    if (placement == null || placement.toString().isBlank()) {
      throw new RestError(400, "ERROR_ARGUMENT", "Argument 'PLACEMENT' is null or empty");
    }
    if (handler == null || handler.toString().isBlank()) {
      throw new RestError(400, "ERROR_ARGUMENT", "Argument 'HANDLER' is null or empty");
    }
    synchronized (p.placements) {
      for (Map<String, Object> x : p.placements) {
        if (placement.toString().equalsIgnoreCase((String) x.get("placement"))
            && handler.toString().equals(x.get("handler"))) {
          throw new RestError(
              400, "ERROR_PLACEMENT_HANDLER_ALREADY_BOUND", "Handler already binded");
        }
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("placement", placement.toString().toUpperCase(Locale.ROOT));
      m.put("handler", handler.toString());
      m.put("title", params.get("TITLE"));
      m.put("description", params.get("DESCRIPTION"));
      m.put("options", params.get("OPTIONS"));
      p.placements.add(m);
    }
    return Outcome.of(true);
  }

  private static Outcome appInfo(Portal p, Principal who, Map<String, Object> params) {
    boolean ent = p.plan() == Plan.ENTERPRISE;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", 5);
    m.put("CODE", p.clientId());
    m.put("VERSION", 1);
    m.put("STATUS", "L");
    m.put("INSTALLED", p.installed());
    m.put("PAYMENT_EXPIRED", "N");
    m.put("DAYS", null);
    m.put("LANGUAGE_ID", "ru");
    m.put("LICENSE", ent ? "ru_ent250" : "ru_basic");
    m.put("LICENSE_TYPE", ent ? "ent250" : "basic");
    m.put("LICENSE_FAMILY", ent ? "ent" : "basic");
    return Outcome.of(m);
  }
}
