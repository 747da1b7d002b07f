package app.premia.sandbox;

import app.premia.sandbox.Events.Fired;
import app.premia.sandbox.PortalData.Stage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Applies change ops to a portal: each op gets the next portal-clock second as DATE_MODIFY, appends
 * stage history on stage changes, queues offline events and plans online deliveries.
 */
final class Changes {
  private Changes() {}

  /** Thrown for an invalid op; earlier ops stay applied (their events are dispatched). */
  static final class ChangeException extends IllegalArgumentException {
    final ChangeResult partial;

    ChangeException(String message, ChangeResult partial) {
      super(message);
      this.partial = partial;
    }
  }

  private static final class Ctx {
    final Portal p;
    final List<Fired> fired = new ArrayList<>();
    final List<Long> created = new ArrayList<>();
    int applied;

    Ctx(Portal p) {
      this.p = p;
    }
  }

  static ChangeResult apply(Portal p, List<Map<String, Object>> ops, Delivery delivery) {
    Ctx c = new Ctx(p);
    String failure = null;
    synchronized (p.data) {
      for (Map<String, Object> op : ops) {
        try {
          applyOne(c, op);
          c.applied++;
        } catch (RuntimeException e) {
          failure = "op " + c.applied + " " + op.get("op") + ": " + e.getMessage();
          break;
        }
      }
    }
    ChangeResult r = finish(c, delivery);
    if (failure != null) {
      throw new ChangeException(failure, r);
    }
    return r;
  }

  private static ChangeResult finish(Ctx c, Delivery delivery) {
    Events.PlanResult plan = c.p.events.dispatch(c.fired, delivery);
    return new ChangeResult(
        c.applied, List.copyOf(c.created), c.fired.size(), plan.planned(), plan.dropped());
  }

  // ---- ops -------------------------------------------------------------------------------------

  private static void applyOne(Ctx c, Map<String, Object> op) {
    String kind = String.valueOf(op.get("op"));
    switch (kind) {
      case "win" -> {
        Row d = deal(c, op);
        int cat = PortalData.categoryOf((String) d.get(Schema.DEAL, "STAGE_ID"));
        moveStage(c, d, cat == 1 ? "C1:WON" : "WON", op);
      }
      case "lose" -> {
        Row d = deal(c, op);
        int cat = PortalData.categoryOf((String) d.get(Schema.DEAL, "STAGE_ID"));
        moveStage(c, d, cat == 1 ? "C1:LOSE" : "LOSE", op);
      }
      case "stage" -> {
        Row d = deal(c, op);
        String stage = String.valueOf(op.get("stageId"));
        if (PortalData.stage(stage) == null) {
          throw new IllegalArgumentException("unknown stageId " + stage);
        }
        moveStage(c, d, stage, op);
      }
      case "amount" -> {
        Row d = deal(c, op);
        Double a = Json.asDouble(op.get("amount"));
        if (a == null) {
          throw new IllegalArgumentException("amount is not a number");
        }
        updateDeal(c, d, Json.map("OPPORTUNITY", money(a)), op);
      }
      case "reassign" -> {
        Row d = deal(c, op);
        long user = user(c, op.get("userId"));
        updateDeal(c, d, Json.map("ASSIGNED_BY_ID", Long.toString(user)), op);
      }
      case "updateDeal" -> {
        Row d = deal(c, op);
        Map<String, Object> f = fields(op);
        f.remove("STAGE_ID");
        f.remove("CATEGORY_ID");
        updateDeal(c, d, f, op);
      }
      case "createDeal" -> createDeal(c, op);
      case "delete" -> delete(c, op);
      case "hire" -> hire(c, op);
      case "fire" -> {
        long id = user(c, op.get("userId"));
        Table t = c.p.data.users;
        t.put(t.get(id).with(Schema.USER, Json.map("ACTIVE", false)));
        c.p.data.tick();
      }
      case "updateLead" -> updateSimple(c, op, c.p.data.leads, "LEAD");
      case "updateContact" -> updateSimple(c, op, c.p.data.contacts, "CONTACT");
      case "updateCompany" -> updateSimple(c, op, c.p.data.companies, "COMPANY");
      default -> throw new IllegalArgumentException("unknown op " + kind);
    }
  }

  private static Row deal(Ctx c, Map<String, Object> op) {
    Long id = Json.asLong(op.get("dealId"));
    Row r = id == null || id >= PortalData.HOSTILE_BASE ? null : c.p.data.deals.get(id);
    if (r == null) {
      throw new IllegalArgumentException("deal " + op.get("dealId") + " not found");
    }
    return r;
  }

  private static long user(Ctx c, Object v) {
    Long id = Json.asLong(v);
    if (id == null || c.p.data.users.get(id) == null) {
      throw new IllegalArgumentException("user " + v + " not found");
    }
    return id;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fields(Map<String, Object> op) {
    Object f = op.get("fields");
    Map<String, Object> m = new LinkedHashMap<>();
    if (f instanceof Map<?, ?> mm) {
      for (Map.Entry<?, ?> e : ((Map<Object, Object>) mm).entrySet()) {
        m.put(e.getKey().toString().toUpperCase(Locale.ROOT), e.getValue());
      }
    }
    m.remove("ID");
    return m;
  }

  static String money(double v) {
    return Ids.money(v);
  }

  private static long by(Ctx c, Map<String, Object> op, Row deal) {
    Long by = Json.asLong(op.get("byUserId"));
    if (by != null && c.p.data.users.get(by) != null) {
      return by;
    }
    Long a = deal == null ? null : Json.asLong(deal.get(Schema.DEAL, "ASSIGNED_BY_ID"));
    return a == null ? 1 : a;
  }

  private static Map<String, Object> idFields(long id) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("ID", Long.toString(id));
    return f;
  }

  private static void fire(Ctx c, String event, Map<String, Object> fields, long ts, long by) {
    c.fired.add(new Fired(event, fields));
    c.p.events.enqueueOffline(event, fields, ts, by);
  }

  private static void updateDeal(
      Ctx c, Row d, Map<String, Object> changes, Map<String, Object> op) {
    long ts = c.p.data.tick();
    long by = by(c, op, d);
    Map<String, Object> ch = new LinkedHashMap<>(normalizeDealFields(changes));
    ch.put("DATE_MODIFY", Ts.of(ts));
    ch.put("MODIFY_BY_ID", Long.toString(by));
    c.p.data.deals.put(d.with(Schema.DEAL, ch));
    fire(c, "ONCRMDEALUPDATE", idFields(d.id), ts, by);
  }

  private static Map<String, Object> normalizeDealFields(Map<String, Object> in) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : in.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      int i = Schema.DEAL.idx(k);
      if (i <= 0) {
        continue;
      }
      Schema.Type t = Schema.DEAL.field(i).type();
      if (v != null && t == Schema.Type.MONEY) {
        Double dv = Json.asDouble(v);
        v = dv == null ? v : money(dv);
      } else if (v != null && t == Schema.Type.DATETIME) {
        Long ep = Ts.parseEpoch(v);
        v = ep == null ? null : Ts.of(ep);
      } else if (v != null && !(v instanceof String) && t != Schema.Type.BOOL) {
        v =
            v instanceof Double dd && dd == Math.rint(dd)
                ? Long.toString(dd.longValue())
                : v.toString();
      }
      out.put(k, v);
    }
    return out;
  }

  private static void moveStage(Ctx c, Row d, String stageId, Map<String, Object> op) {
    Schema s = Schema.DEAL;
    long ts = c.p.data.tick();
    long by = by(c, op, d);
    String from = (String) d.get(s, "STAGE_ID");
    int oldCat = PortalData.categoryOf(from);
    int newCat = PortalData.categoryOf(stageId);
    Stage st = PortalData.stage(stageId);
    Map<String, Object> ch = new LinkedHashMap<>();
    ch.put("DATE_MODIFY", Ts.of(ts));
    ch.put("MODIFY_BY_ID", Long.toString(by));
    boolean moved = !stageId.equals(from);
    if (moved) {
      ch.put("STAGE_ID", stageId);
      ch.put("CATEGORY_ID", Integer.toString(newCat));
      ch.put("STAGE_SEMANTIC_ID", st.semantics());
      ch.put("CLOSED", st.semantics().equals("P") ? "N" : "Y");
      ch.put("PROBABILITY", DataGenerator.probability(st));
      ch.put("MOVED_TIME", Ts.of(ts));
      ch.put("MOVED_BY_ID", Long.toString(by));
      ch.put("IS_NEW", "N");
      if (!st.semantics().equals("P")) {
        ch.put("CLOSEDATE", Ts.date(Ts.of(ts).localDate()));
      }
    }
    c.p.data.deals.put(d.with(s, ch));
    if (moved) {
      int type = oldCat != newCat ? 5 : st.semantics().equals("P") ? 2 : 3;
      appendDealHistory(c, d.id, ts, type, newCat, st);
    }
    if (oldCat != newCat) {
      Map<String, Object> f = idFields(d.id);
      f.put("CATEGORY_ID", Integer.toString(newCat));
      f.put("STAGE_ID", stageId);
      fire(c, "ONCRMDEALMOVETOCATEGORY", f, ts, by);
    } else {
      fire(c, "ONCRMDEALUPDATE", idFields(d.id), ts, by);
    }
  }

  private static void appendDealHistory(Ctx c, long dealId, long ts, int type, int cat, Stage st) {
    Table h = c.p.data.dealHistory;
    long id = h.nextId();
    Object[] v = new Object[Schema.DEAL_HISTORY.size()];
    Schema hs = Schema.DEAL_HISTORY;
    DataGenerator.set(v, hs, "ID", (int) id);
    DataGenerator.set(v, hs, "TYPE_ID", type);
    DataGenerator.set(v, hs, "OWNER_ID", (int) dealId);
    DataGenerator.set(v, hs, "CREATED_TIME", Ts.of(ts));
    DataGenerator.set(v, hs, "CATEGORY_ID", cat);
    DataGenerator.set(v, hs, "STAGE_SEMANTIC_ID", st.semantics());
    DataGenerator.set(v, hs, "STAGE_ID", st.id());
    h.put(new Row(id, v));
  }

  private static void createDeal(Ctx c, Map<String, Object> op) {
    Schema s = Schema.DEAL;
    Map<String, Object> f = new LinkedHashMap<>(fields(op));
    for (Map.Entry<String, Object> e : op.entrySet()) {
      String k = e.getKey().toUpperCase(Locale.ROOT);
      if (!k.equals("OP") && !k.equals("FIELDS") && s.idx(k) > 0) {
        f.putIfAbsent(k, e.getValue());
      }
    }
    f = normalizeDealFields(f);
    long ts = c.p.data.tick();
    Table deals = c.p.data.deals;
    long id = deals.nextId();
    int cat = f.get("CATEGORY_ID") == null ? -1 : (int) Json.asLong(f.get("CATEGORY_ID"), 0);
    String stageId = (String) f.get("STAGE_ID");
    if (stageId == null) {
      stageId = cat == 1 ? "C1:NEW" : "NEW";
    }
    Stage st = PortalData.stage(stageId);
    if (st == null) {
      throw new IllegalArgumentException("unknown STAGE_ID " + stageId);
    }
    cat = PortalData.categoryOf(stageId);
    long assigned = f.get("ASSIGNED_BY_ID") == null ? 1 : user(c, f.get("ASSIGNED_BY_ID"));
    String company = str(f.get("COMPANY_ID"), "0");
    String contact = str(f.get("CONTACT_ID"), null);
    boolean returning = isReturning(c.p, company, contact);
    Object[] v = new Object[s.size()];
    DataGenerator.set(v, s, "ID", Long.toString(id));
    DataGenerator.set(v, s, "TITLE", str(f.get("TITLE"), "Сделка #" + id));
    DataGenerator.set(v, s, "TYPE_ID", str(f.get("TYPE_ID"), "SALE"));
    DataGenerator.set(v, s, "CATEGORY_ID", Integer.toString(cat));
    DataGenerator.set(v, s, "STAGE_ID", stageId);
    DataGenerator.set(v, s, "STAGE_SEMANTIC_ID", st.semantics());
    DataGenerator.set(v, s, "IS_NEW", "Y");
    DataGenerator.set(v, s, "IS_RECURRING", "N");
    DataGenerator.set(v, s, "IS_RETURN_CUSTOMER", returning ? "Y" : "N");
    DataGenerator.set(v, s, "IS_REPEATED_APPROACH", "N");
    DataGenerator.set(v, s, "PROBABILITY", DataGenerator.probability(st));
    DataGenerator.set(v, s, "CURRENCY_ID", str(f.get("CURRENCY_ID"), "RUB"));
    DataGenerator.set(v, s, "OPPORTUNITY", str(f.get("OPPORTUNITY"), "0.00"));
    DataGenerator.set(v, s, "IS_MANUAL_OPPORTUNITY", "Y");
    DataGenerator.set(v, s, "TAX_VALUE", "0.00");
    DataGenerator.set(v, s, "COMPANY_ID", company);
    DataGenerator.set(v, s, "CONTACT_ID", contact);
    DataGenerator.set(v, s, "QUOTE_ID", null);
    LocalDate day = Ts.of(ts).localDate();
    DataGenerator.set(v, s, "BEGINDATE", Ts.date(day));
    Object close = f.get("CLOSEDATE");
    DataGenerator.set(
        v,
        s,
        "CLOSEDATE",
        close instanceof Ts t ? t : Ts.date(st.semantics().equals("P") ? day.plusDays(14) : day));
    DataGenerator.set(v, s, "OPENED", "Y");
    DataGenerator.set(v, s, "CLOSED", st.semantics().equals("P") ? "N" : "Y");
    DataGenerator.set(v, s, "COMMENTS", str(f.get("COMMENTS"), ""));
    String a = Long.toString(assigned);
    DataGenerator.set(v, s, "ASSIGNED_BY_ID", a);
    DataGenerator.set(v, s, "CREATED_BY_ID", a);
    DataGenerator.set(v, s, "MODIFY_BY_ID", a);
    DataGenerator.set(v, s, "MOVED_BY_ID", a);
    DataGenerator.set(v, s, "DATE_CREATE", Ts.of(ts));
    DataGenerator.set(v, s, "DATE_MODIFY", Ts.of(ts));
    DataGenerator.set(v, s, "MOVED_TIME", Ts.of(ts));
    DataGenerator.set(
        v, s, "SOURCE_ID", str(f.get("SOURCE_ID"), returning ? "REPEAT_SALE" : "WEB"));
    DataGenerator.set(v, s, "SOURCE_DESCRIPTION", "");
    DataGenerator.set(v, s, "LEAD_ID", str(f.get("LEAD_ID"), null));
    DataGenerator.set(v, s, "LAST_ACTIVITY_TIME", Ts.of(ts));
    DataGenerator.set(v, s, "LAST_ACTIVITY_BY", a);
    DataGenerator.set(v, s, "UF_CRM_NPS", str(f.get("UF_CRM_NPS"), null));
    deals.put(new Row(id, v));
    appendDealHistory(c, id, ts, 1, cat, st);
    c.created.add(id);
    fire(c, "ONCRMDEALADD", idFields(id), ts, assigned);
  }

  private static String str(Object v, String dflt) {
    return v == null ? dflt : v.toString();
  }

  private static boolean isReturning(Portal p, String company, String contact) {
    boolean byCompany = company != null && !company.equals("0") && !company.isEmpty();
    boolean byContact = !byCompany && contact != null && !contact.equals("0") && !contact.isEmpty();
    if (!byCompany && !byContact) {
      return false;
    }
    int col = Schema.DEAL.idx(byCompany ? "COMPANY_ID" : "CONTACT_ID");
    String want = byCompany ? company : contact;
    for (Row r : p.data.deals.rows.headMap(PortalData.HOSTILE_BASE).values()) {
      if (want.equals(r.v[col])) {
        return true;
      }
    }
    return false;
  }

  private static void delete(Ctx c, Map<String, Object> op) {
    String entity = String.valueOf(op.get("entity")).toLowerCase(Locale.ROOT);
    Table t =
        switch (entity) {
          case "deal", "lead", "contact", "company", "activity" -> c.p.data.table(entity);
          default -> throw new IllegalArgumentException("cannot delete entity " + entity);
        };
    Long id = Json.asLong(op.get("id"));
    if (id == null || id >= PortalData.HOSTILE_BASE || t.rows.remove(id) == null) {
      throw new IllegalArgumentException(entity + " " + op.get("id") + " not found");
    }
    long ts = c.p.data.tick();
    fire(
        c,
        "ONCRM" + entity.toUpperCase(Locale.ROOT) + "DELETE",
        idFields(id),
        ts,
        Json.asLong(op.get("byUserId"), 1));
  }

  private static void hire(Ctx c, Map<String, Object> op) {
    Table users = c.p.data.users;
    long ts = c.p.data.tick();
    long id = users.nextId();
    long dept = Json.asLong(op.get("departmentId"), DataGenerator.DEPT_ACQ);
    if (c.p.data.departments.get(dept) == null) {
      throw new IllegalArgumentException("department " + dept + " not found");
    }
    Long hired = Ts.parseEpoch(op.get("hiredOn"));
    long hiredAt =
        hired == null ? Ts.of(ts).localDate().atStartOfDay().toEpochSecond(Ts.ZONE) : hired;
    Schema s = Schema.USER;
    Object[] v = new Object[s.size()];
    DataGenerator.set(v, s, "ID", Long.toString(id));
    DataGenerator.set(v, s, "XML_ID", "");
    DataGenerator.set(v, s, "ACTIVE", true);
    DataGenerator.set(v, s, "NAME", str(op.get("name"), "Новый"));
    DataGenerator.set(v, s, "LAST_NAME", str(op.get("lastName"), "Сотрудник"));
    DataGenerator.set(v, s, "SECOND_NAME", str(op.get("secondName"), ""));
    DataGenerator.set(v, s, "EMAIL", "user" + id + "@" + c.p.name() + ".example.ru");
    DataGenerator.set(v, s, "LAST_LOGIN", null);
    DataGenerator.set(v, s, "DATE_REGISTER", Ts.of(hiredAt));
    DataGenerator.set(v, s, "TIME_ZONE", "");
    DataGenerator.set(v, s, "IS_ONLINE", "N");
    DataGenerator.set(v, s, "TIME_ZONE_OFFSET", "10800");
    DataGenerator.set(v, s, "TIMESTAMP_X", Map.of());
    DataGenerator.set(v, s, "LAST_ACTIVITY_DATE", "");
    DataGenerator.set(v, s, "PERSONAL_GENDER", str(op.get("gender"), ""));
    DataGenerator.set(v, s, "PERSONAL_BIRTHDAY", "");
    DataGenerator.set(v, s, "WORK_POSITION", str(op.get("position"), DataGenerator.POS_ACQ));
    DataGenerator.set(v, s, "WORK_PHONE", "");
    DataGenerator.set(v, s, "UF_EMPLOYMENT_DATE", Ts.of(hiredAt));
    DataGenerator.set(v, s, "UF_DEPARTMENT", List.of((int) dept));
    DataGenerator.set(v, s, "USER_TYPE", "employee");
    users.put(new Row(id, v));
    c.created.add(id);
    fire(c, "ONUSERADD", idFields(id), ts, 1);
  }

  private static void updateSimple(Ctx c, Map<String, Object> op, Table t, String name) {
    Long id = Json.asLong(op.get("id"));
    Row r = id == null ? null : t.get(id);
    if (r == null) {
      throw new IllegalArgumentException(
          name.toLowerCase(Locale.ROOT) + " " + op.get("id") + " not found");
    }
    long ts = c.p.data.tick();
    Map<String, Object> f = fields(op);
    Map<String, Object> ch = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : f.entrySet()) {
      int i = t.schema.idx(e.getKey());
      if (i <= 0) {
        continue;
      }
      Object v = e.getValue();
      Schema.Type type = t.schema.field(i).type();
      if (v != null && type == Schema.Type.MONEY) {
        Double dv = Json.asDouble(v);
        v = dv == null ? v : money(dv);
      } else if (v != null && type == Schema.Type.DATETIME) {
        Long ep = Ts.parseEpoch(v);
        v = ep == null ? null : Ts.of(ep);
      } else if (v != null && type != Schema.Type.MULTI && !(v instanceof String)) {
        v = v.toString();
      }
      ch.put(e.getKey(), v);
    }
    long by = Json.asLong(op.get("byUserId"), 1);
    ch.put("DATE_MODIFY", Ts.of(ts));
    ch.put("MODIFY_BY_ID", Long.toString(by));
    if (t.schema == Schema.LEAD && ch.containsKey("STATUS_ID")) {
      String status = String.valueOf(ch.get("STATUS_ID"));
      Stage st = null;
      for (Stage x : PortalData.LEAD_STATUSES) {
        if (x.id().equals(status)) {
          st = x;
        }
      }
      if (st == null) {
        throw new IllegalArgumentException("unknown lead STATUS_ID " + status);
      }
      if (!status.equals(r.get(Schema.LEAD, "STATUS_ID"))) {
        ch.put("STATUS_SEMANTIC_ID", st.semantics());
        ch.put("MOVED_TIME", Ts.of(ts));
        ch.put("MOVED_BY_ID", Long.toString(by));
        if (!st.semantics().equals("P")) {
          ch.put("DATE_CLOSED", Ts.of(ts));
        }
        Table h = c.p.data.leadHistory;
        long hid = h.nextId();
        Schema hs = Schema.LEAD_HISTORY;
        Object[] v = new Object[hs.size()];
        DataGenerator.set(v, hs, "ID", (int) hid);
        DataGenerator.set(v, hs, "TYPE_ID", st.semantics().equals("P") ? 2 : 3);
        DataGenerator.set(v, hs, "OWNER_ID", (int) (long) id);
        DataGenerator.set(v, hs, "CREATED_TIME", Ts.of(ts));
        DataGenerator.set(v, hs, "STATUS_SEMANTIC_ID", st.semantics());
        DataGenerator.set(v, hs, "STATUS_ID", status);
        h.put(new Row(hid, v));
      }
    }
    t.put(r.with(t.schema, ch));
    fire(c, "ONCRM" + name + "UPDATE", idFields(id), ts, by);
  }

  // ---- random ops ------------------------------------------------------------------------------

  static ChangeResult random(Portal p, int count, long seed, Delivery delivery) {
    SplittableRandom rng = new SplittableRandom(seed);
    Ctx c = new Ctx(p);
    synchronized (p.data) {
      for (int i = 0; i < count; i++) {
        Map<String, Object> op = randomOp(p, rng);
        if (op == null) {
          continue;
        }
        try {
          applyOne(c, op);
          c.applied++;
        } catch (RuntimeException e) {
          // a random op that does not fit (e.g. nothing left to delete) is skipped
        }
      }
    }
    return finish(c, delivery);
  }

  private static Row randomDeal(Portal p, SplittableRandom rng, boolean openOnly) {
    var real = p.data.deals.rows.headMap(PortalData.HOSTILE_BASE);
    if (real.isEmpty()) {
      return null;
    }
    long max = real.lastKey();
    int closed = Schema.DEAL.idx("CLOSED");
    for (int i = 0; i < 40; i++) {
      Map.Entry<Long, Row> e = real.ceilingEntry(1 + (long) (rng.nextDouble() * max));
      if (e == null) {
        continue;
      }
      if (!openOnly || "N".equals(e.getValue().v[closed])) {
        return e.getValue();
      }
    }
    return real.lastEntry().getValue();
  }

  private static long randomId(Table t, SplittableRandom rng) {
    var rows = t.rows.headMap(PortalData.HOSTILE_BASE);
    if (rows.isEmpty()) {
      return -1;
    }
    long max = rows.lastKey();
    Map.Entry<Long, Row> e = rows.ceilingEntry(1 + (long) (rng.nextDouble() * max));
    return e == null ? rows.lastKey() : e.getKey();
  }

  private static long randomManager(Portal p, SplittableRandom rng) {
    List<Long> ids = new ArrayList<>();
    int active = Schema.USER.idx("ACTIVE");
    int pos = Schema.USER.idx("WORK_POSITION");
    for (Row u : p.data.users.rows.values()) {
      String position = String.valueOf(u.v[pos]);
      if (Boolean.TRUE.equals(u.v[active]) && position.contains("енеджер")) {
        ids.add(u.id);
      }
    }
    return ids.isEmpty() ? 1 : ids.get(rng.nextInt(ids.size()));
  }

  private static Map<String, Object> randomOp(Portal p, SplittableRandom rng) {
    int r = rng.nextInt(100);
    if (r < 25) {
      Row d = randomDeal(p, rng, true);
      if (d == null) {
        return null;
      }
      String stage = (String) d.get(Schema.DEAL, "STAGE_ID");
      List<Stage> flow =
          PortalData.categoryOf(stage) == 1 ? PortalData.STAGES_1 : PortalData.STAGES_0;
      List<Stage> open = flow.stream().filter(s -> s.semantics().equals("P")).toList();
      return Json.map(
          "op", "stage", "dealId", d.id, "stageId", open.get(rng.nextInt(open.size())).id());
    }
    if (r < 42) {
      Row d = randomDeal(p, rng, true);
      return d == null ? null : Json.map("op", "win", "dealId", d.id);
    }
    if (r < 52) {
      Row d = randomDeal(p, rng, true);
      return d == null ? null : Json.map("op", "lose", "dealId", d.id);
    }
    if (r < 65) {
      Row d = randomDeal(p, rng, false);
      if (d == null) {
        return null;
      }
      Double old = Json.asDouble(d.get(Schema.DEAL, "OPPORTUNITY"));
      double factor = 0.5 + rng.nextDouble();
      double amount = Math.round((old == null ? 100_000 : old) * factor * 100.0) / 100.0;
      return Json.map("op", "amount", "dealId", d.id, "amount", money(Math.max(1000, amount)));
    }
    if (r < 75) {
      Row d = randomDeal(p, rng, false);
      return d == null
          ? null
          : Json.map("op", "reassign", "dealId", d.id, "userId", randomManager(p, rng));
    }
    if (r < 88) {
      Map<String, Object> op = new LinkedHashMap<>();
      op.put("op", "createDeal");
      long company = randomId(p.data.companies, rng);
      boolean repeat = rng.nextInt(3) == 0 && company > 0;
      op.put("TITLE", repeat ? "Повторный заказ" : "Новая сделка");
      op.put("CATEGORY_ID", repeat ? 1 : 0);
      op.put("OPPORTUNITY", money(20_000 + rng.nextInt(980_000)));
      op.put("ASSIGNED_BY_ID", randomManager(p, rng));
      if (company > 0) {
        op.put("COMPANY_ID", company);
      }
      return op;
    }
    if (r < 92) {
      Row d = randomDeal(p, rng, false);
      return d == null ? null : Json.map("op", "delete", "entity", "deal", "id", d.id);
    }
    if (r < 96) {
      long id = randomId(p.data.leads, rng);
      return id < 0 ? null : Json.map("op", "delete", "entity", "lead", "id", id);
    }
    long id = randomId(p.data.activities, rng);
    return id < 0 ? null : Json.map("op", "delete", "entity", "activity", "id", id);
  }
}
