package app.premia.sandbox;

import app.premia.sandbox.PortalData.Stage;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates a realistic sales portal deterministically from (seed, deals, anchorDate): org
 * structure, managers in the four sales roles, clients, leads, deals over the 14 months before the
 * anchor in two pipelines, stage history and activities.
 */
final class DataGenerator {
  static final int DEPT_ROOT = 1;
  static final int DEPT_SALES = 2;
  static final int DEPT_ACQ = 3;
  static final int DEPT_ACCOUNT = 4;
  static final int DEPT_VIP = 5;
  static final int DEPT_ACCOUNTING = 6;

  static final String POS_ACQ = "Менеджер по привлечению";
  static final String POS_ACCOUNT = "Менеджер по работе с клиентами";
  static final String POS_VIP = "VIP-менеджер";
  static final String POS_HEAD = "Руководитель отдела продаж";

  private static final String[] MALE =
      "Александр Алексей Андрей Антон Артём Борис Вадим Виктор Владимир Дмитрий Евгений Егор Иван Игорь Илья Кирилл Константин Максим Михаил Никита Николай Олег Павел Роман Сергей Станислав Степан Тимур Фёдор Юрий"
          .split(" ");
  private static final String[] FEMALE =
      "Анастасия Анна Валентина Вера Виктория Галина Дарья Евгения Екатерина Елена Елизавета Ирина Кристина Ксения Лариса Любовь Людмила Марина Мария Наталья Надежда Ольга Полина Светлана София Татьяна Юлия Яна Алина Вероника"
          .split(" ");
  private static final String[] LAST =
      "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов Сидоров"
          .split(" ");
  private static final String[] PATRONYMIC_BASE =
      "Александров Алексеев Андреев Борисов Викторов Владимиров Дмитриев Евгеньев Иванов Игорев Максимов Михайлов Николаев Олегов Павлов Петров Романов Сергеев Степанов Юрьев"
          .split(" ");
  private static final String[] COMPANY_WORDS =
      "Ромашка Вектор Альянс Стройинвест ТехноПром Меридиан Гранит Лидер Сфера Прогресс Атлант Восток Орион Импульс Квант Эталон Горизонт Феникс Кристалл Авангард Ресурс Интеграл Монолит Промсервис Агроальянс Логистик МедТех Северсталь-Сервис Уралснаб Волгаторг Балтика-Трейд СибирьЭнерго Нева Кедр Олимп Пульс Спектр Формула Цифра Энергия"
          .split(" ");
  private static final String[] CITIES =
      "Москва Санкт-Петербург Казань Екатеринбург Новосибирск Нижний-Новгород Самара Ростов Краснодар Пермь"
          .split(" ");
  private static final String[] DEAL_TITLES = {
    "Поставка оборудования",
    "Внедрение CRM",
    "Годовой контракт",
    "Поставка расходных материалов",
    "Сервисный договор",
    "Лицензии",
    "Консалтинг",
    "Обучение персонала",
    "Комплексный проект",
    "Техническое обслуживание"
  };
  private static final String[] LEAD_TITLES = {
    "Заявка с сайта",
    "Входящий звонок",
    "Запрос по e-mail",
    "Заявка с выставки",
    "CRM-форма",
    "Обратный звонок",
    "Рекомендация клиента"
  };
  private static final String[] NEW_SOURCES = {
    "CALL", "WEB", "EMAIL", "ADVERTISING", "RECOMMENDATION", "TRADE_SHOW", "WEBFORM", "CALLBACK"
  };
  private static final int[] NPS_WEIGHTS = {1, 1, 1, 1, 2, 3, 4, 8, 12, 18, 20};

  private final SplittableRandom rng;
  private final PortalData d;
  private final String portal;
  private final int nDeals;
  private final int nManagers;
  private final long anchor; // epoch seconds, anchorDate 00:00 +03:00
  private final long windowStart; // 14 months before

  // ---- intermediate objects -----------------------------------------------------------------

  static final class UserG {
    int id;
    String name;
    String lastName;
    String second;
    boolean female;
    String position;
    int dept;
    long hired;
    long dismissed = Long.MAX_VALUE;
  }

  static final class ClientG {
    boolean company;
    boolean vip;
    long id;
    long created = Long.MAX_VALUE;
    long firstDeal = Long.MAX_VALUE;
    String title;
    String name;
    String lastName;
    String second;
    boolean female;
    ClientG company0; // contact: its company (may be null)
    List<ClientG> contacts = new ArrayList<>();
    LeadG lead;
    int manager;
    boolean used;
  }

  static final class LeadG {
    long id;
    long created;
    long closed;
    String status;
    int manager;
    ClientG client;
    String source;
    String title;
    String name;
    String lastName;
    String second;
    boolean female;
    double amount;
    long[] histTimes;
    String[] histStatuses;
  }

  static final class DealG {
    long id;
    long created;
    ClientG client;
    boolean returning;
    int category;
    int manager;
    String outcome; // S, F, P
    List<String> stages = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    long closeDate;
    double amount;
    String currency;
    LeadG lead;
    String source;
    String type;
    String nps;
    String title;
    long modify;
    long lastActivity;
  }

  private final List<UserG> users = new ArrayList<>();
  private final List<UserG> acq = new ArrayList<>();
  private final List<UserG> account = new ArrayList<>();
  private final List<UserG> vip = new ArrayList<>();
  private UserG head;

  private DataGenerator(PortalSpec spec, PortalData data) {
    LocalDate anchorDate = spec.anchorDate();
    this.rng =
        new SplittableRandom(
            spec.seed() * 0x9E3779B97F4A7C15L
                ^ ((long) spec.deals() << 20)
                ^ anchorDate.toEpochDay());
    this.d = data;
    this.portal = spec.name();
    this.nDeals = spec.deals();
    this.nManagers = spec.managers();
    this.anchor = anchorDate.atStartOfDay().toEpochSecond(Ts.ZONE);
    this.windowStart = anchorDate.minusMonths(14).atStartOfDay().toEpochSecond(Ts.ZONE);
  }

  static void generate(PortalSpec spec, PortalData data) {
    new DataGenerator(spec, data).run();
  }

  static long anchorEpoch(LocalDate anchorDate) {
    return anchorDate.atStartOfDay().toEpochSecond(Ts.ZONE);
  }

  private void run() {
    d.clock.set(anchor);
    makeUsers();
    List<ClientG> clients = makeClients();
    List<DealG> deals = makeDeals(clients);
    List<LeadG> leads = makeLeads(deals);
    finishClients(clients);
    writeLeads(leads);
    writeDeals(deals);
    writeActivities(deals, leads);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private <T> T pick(T[] a) {
    return a[rng.nextInt(a.length)];
  }

  private <T> T pick(List<T> a) {
    return a.get(rng.nextInt(a.size()));
  }

  private boolean chance(double p) {
    return rng.nextDouble() < p;
  }

  private long between(long lo, long hi) {
    return hi <= lo ? lo : lo + (long) (rng.nextDouble() * (hi - lo));
  }

  /** Moves a moment into working hours (Mon–Fri 09:00–19:00, portal time). */
  private long workTime(long t) {
    LocalDateTime ldt = LocalDateTime.ofEpochSecond(t, 0, Ts.ZONE);
    LocalDate day = ldt.toLocalDate();
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    int secs = 9 * 3600 + rng.nextInt(10 * 3600);
    return day.atStartOfDay().toEpochSecond(Ts.ZONE) + secs;
  }

  private static String money(double v) {
    return Ids.money(v);
  }

  private double amount(double lo, double hi) {
    double v = Math.exp(Math.log(lo) + rng.nextDouble() * (Math.log(hi) - Math.log(lo)));
    if (chance(0.7)) {
      v = Math.round(v / 100.0) * 100.0;
    } else {
      v = Math.round(v * 100.0) / 100.0;
    }
    return v;
  }

  private String femaleLast(String last) {
    if (last.endsWith("ов") || last.endsWith("ев") || last.endsWith("ёв") || last.endsWith("ин")) {
      return last + "а";
    }
    return last;
  }

  private String[] person(boolean female) {
    String first = female ? pick(FEMALE) : pick(MALE);
    String last = pick(LAST);
    String pat = pick(PATRONYMIC_BASE);
    String second = pat.endsWith("ев") || pat.endsWith("ов") ? pat : pat;
    second = female ? second + "на" : second + "ич";
    return new String[] {first, female ? femaleLast(last) : last, second};
  }

  private static String str(long v) {
    return Ids.num(v);
  }

  private List<Map<String, Object>> multi(String type, String value) {
    return List.of(
        Json.map(
            "ID",
            str(d.multiFieldSeq.incrementAndGet()),
            "VALUE_TYPE",
            "WORK",
            "VALUE",
            value,
            "TYPE_ID",
            type));
  }

  private String phone() {
    StringBuilder sb = new StringBuilder(18).append("+7 9");
    pad(sb, rng.nextInt(100), 2).append(' ');
    pad(sb, rng.nextInt(1000), 3).append('-');
    pad(sb, rng.nextInt(100), 2).append('-');
    return pad(sb, rng.nextInt(100), 2).toString();
  }

  private static StringBuilder pad(StringBuilder sb, int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(s);
  }

  // ---- users and departments ------------------------------------------------------------------

  private UserG user(String position, int dept, long hired) {
    UserG u = new UserG();
    u.id = users.size() + 1;
    u.female = chance(0.45);
    String[] p = person(u.female);
    u.name = p[0];
    u.lastName = p[1];
    u.second = p[2];
    u.position = position;
    u.dept = dept;
    u.hired = hired;
    users.add(u);
    return u;
  }

  private long longAgo() {
    return workTime(windowStart - 86400L * (30 + rng.nextInt(1200)));
  }

  private void makeUsers() {
    // an explicit size (PortalSpec.managers) keeps the seed but draws another number of users, so
    // everything after them differs from the default portal's; the default is unchanged
    int m = nManagers > 0 ? nManagers : Math.max(6, Math.min(60, Math.round(nDeals / 150f)));
    UserG admin = user("Генеральный директор", DEPT_ROOT, longAgo());
    head = user(POS_HEAD, DEPT_SALES, longAgo());
    int others = m - 1;
    int nVip = Math.max(1, Math.round(others * 0.15f));
    int nAcq = Math.max(2, Math.round(others * 0.45f));
    int nAcc = Math.max(2, others - nVip - nAcq);
    List<UserG> rank = new ArrayList<>();
    for (int i = 0; i < nAcq; i++) {
      acq.add(user(POS_ACQ, DEPT_ACQ, longAgo()));
      if (i > 0) {
        rank.add(acq.get(i));
      }
    }
    for (int i = 0; i < nAcc; i++) {
      account.add(user(POS_ACCOUNT, DEPT_ACCOUNT, longAgo()));
      if (i > 0) {
        rank.add(account.get(i));
      }
    }
    for (int i = 0; i < nVip; i++) {
      vip.add(user(POS_VIP, DEPT_VIP, longAgo()));
      if (i > 0) {
        rank.add(vip.get(i));
      }
    }
    // some rank-and-file managers joined during the window, a few of them in the last 3 months
    int recent = Math.max(1, Math.round(rank.size() * 0.15f));
    int dismissed = Math.max(1, Math.round(rank.size() * 0.1f));
    List<UserG> shuffled = new ArrayList<>(rank);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      UserG t = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, t);
    }
    int k = 0;
    for (int i = 0; i < recent && k < shuffled.size(); i++, k++) {
      shuffled.get(k).hired = workTime(anchor - 86400L * (5 + rng.nextInt(85)));
    }
    for (int i = 0; i < dismissed && k < shuffled.size(); i++, k++) {
      UserG u = shuffled.get(k);
      u.dismissed = workTime(anchor - 86400L * (20 + rng.nextInt(280)));
    }
    for (; k < shuffled.size(); k++) {
      if (chance(0.2)) {
        shuffled.get(k).hired = workTime(between(windowStart, anchor - 86400L * 120));
      }
    }
    UserG accountant = user("Главный бухгалтер", DEPT_ACCOUNTING, longAgo());

    // departments
    String company = "ООО «" + capitalize(portal) + "»";
    dept(DEPT_ROOT, company, null, admin.id);
    dept(DEPT_SALES, "Отдел продаж", DEPT_ROOT, head.id);
    dept(DEPT_ACQ, "Привлечение", DEPT_SALES, acq.get(0).id);
    dept(DEPT_ACCOUNT, "Работа с клиентами", DEPT_SALES, account.get(0).id);
    dept(DEPT_VIP, "VIP", DEPT_SALES, vip.get(0).id);
    dept(DEPT_ACCOUNTING, "Бухгалтерия", DEPT_ROOT, accountant.id);

    for (UserG u : users) {
      Object[] v = new Object[Schema.USER.size()];
      boolean active = u.dismissed == Long.MAX_VALUE;
      set(v, Schema.USER, "ID", str(u.id));
      set(v, Schema.USER, "XML_ID", "");
      set(v, Schema.USER, "ACTIVE", active);
      set(v, Schema.USER, "NAME", u.name);
      set(v, Schema.USER, "LAST_NAME", u.lastName);
      set(v, Schema.USER, "SECOND_NAME", u.second);
      set(v, Schema.USER, "EMAIL", "user" + u.id + "@" + portal + ".example.ru");
      long lastLogin = active ? anchor - 3600L * (1 + rng.nextInt(72)) : u.dismissed;
      set(v, Schema.USER, "LAST_LOGIN", Ts.of(lastLogin));
      set(v, Schema.USER, "DATE_REGISTER", Ts.of(dayStart(u.hired)));
      set(v, Schema.USER, "TIME_ZONE", "");
      set(v, Schema.USER, "IS_ONLINE", "N");
      set(v, Schema.USER, "TIME_ZONE_OFFSET", "10800");
      set(v, Schema.USER, "TIMESTAMP_X", Map.of());
      set(
          v,
          Schema.USER,
          "LAST_ACTIVITY_DATE",
          Ts.format(lastLogin).substring(0, 19).replace('T', ' '));
      set(v, Schema.USER, "PERSONAL_GENDER", u.female ? "F" : "M");
      set(v, Schema.USER, "PERSONAL_BIRTHDAY", "");
      set(v, Schema.USER, "WORK_POSITION", u.position);
      set(v, Schema.USER, "WORK_PHONE", "");
      set(v, Schema.USER, "UF_EMPLOYMENT_DATE", Ts.of(dayStart(u.hired)));
      set(v, Schema.USER, "UF_DEPARTMENT", List.of(u.dept));
      set(v, Schema.USER, "USER_TYPE", "employee");
      d.users.put(new Row(u.id, v));
    }
  }

  private static long dayStart(long t) {
    return LocalDateTime.ofEpochSecond(t, 0, Ts.ZONE)
        .toLocalDate()
        .atStartOfDay()
        .toEpochSecond(Ts.ZONE);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private void dept(int id, String name, Integer parent, int headId) {
    Object[] v = new Object[Schema.DEPARTMENT.size()];
    set(v, Schema.DEPARTMENT, "ID", str(id));
    set(v, Schema.DEPARTMENT, "NAME", name);
    set(v, Schema.DEPARTMENT, "SORT", 500);
    set(v, Schema.DEPARTMENT, "PARENT", parent == null ? Row.ABSENT : str(parent));
    set(v, Schema.DEPARTMENT, "UF_HEAD", str(headId));
    d.departments.put(new Row(id, v));
  }

  static void set(Object[] v, Schema s, String field, Object value) {
    int i = s.idx(field);
    if (i < 0) {
      throw new IllegalArgumentException(s.entity + "." + field);
    }
    v[i] = value;
  }

  private boolean activeAt(UserG u, long t) {
    return u.hired <= t && t < u.dismissed;
  }

  private UserG managerOf(List<UserG> team, long t) {
    for (int tries = 0; tries < 6; tries++) {
      UserG u = pick(team);
      if (activeAt(u, t)) {
        return u;
      }
    }
    for (UserG u : team) {
      if (activeAt(u, t)) {
        return u;
      }
    }
    return team.get(0);
  }

  // ---- clients ---------------------------------------------------------------------------------

  private List<ClientG> makeClients() {
    int nCompanies = Math.max(1, nDeals / 5);
    int nContacts = Math.max(1, nDeals / 3);
    List<ClientG> companies = new ArrayList<>();
    for (int i = 0; i < nCompanies; i++) {
      ClientG c = new ClientG();
      c.company = true;
      c.vip = chance(0.1);
      String word = COMPANY_WORDS[i % COMPANY_WORDS.length];
      int round = i / COMPANY_WORDS.length;
      String title = round == 0 ? word : word + " " + CITIES[round % CITIES.length];
      if (round >= CITIES.length) {
        title = title + " " + (round / CITIES.length + 1);
      }
      c.title = (chance(0.85) ? "ООО «" : "АО «") + title + "»";
      companies.add(c);
    }
    List<ClientG> clients = new ArrayList<>(companies);
    for (int i = 0; i < nContacts; i++) {
      ClientG c = new ClientG();
      c.female = chance(0.5);
      String[] p = person(c.female);
      c.name = p[0];
      c.lastName = p[1];
      c.second = p[2];
      if (i < nContacts / 2) {
        ClientG co = companies.get(i % companies.size());
        c.company0 = co;
        co.contacts.add(c);
      } else {
        clients.add(c);
      }
      allContacts.add(c);
    }
    // shuffle the client pool so that first deals hit companies and contacts alike
    for (int i = clients.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      ClientG t = clients.get(i);
      clients.set(i, clients.get(j));
      clients.set(j, t);
    }
    this.allCompanies = companies;
    return clients;
  }

  private List<ClientG> allCompanies;
  private final List<ClientG> allContacts = new ArrayList<>();

  private void finishClients(List<ClientG> clients) {
    for (ClientG c : allCompanies) {
      if (c.created == Long.MAX_VALUE) {
        c.created = workTime(between(windowStart - 86400L * 180, anchor - 86400));
      }
      for (ClientG p : c.contacts) {
        p.created = c.created + rng.nextInt(3600);
        p.lead = c.lead;
        p.manager = c.manager;
      }
    }
    for (ClientG c : allContacts) {
      if (c.created == Long.MAX_VALUE) {
        c.created = workTime(between(windowStart - 86400L * 180, anchor - 86400));
      }
    }
    List<ClientG> cos = new ArrayList<>(allCompanies);
    cos.sort(Comparator.comparingLong((ClientG c) -> c.created));
    long id = 0;
    for (ClientG c : cos) {
      c.id = ++id;
    }
    List<ClientG> cts = new ArrayList<>(allContacts);
    cts.sort(Comparator.comparingLong((ClientG c) -> c.created));
    id = 0;
    for (ClientG c : cts) {
      c.id = ++id;
    }
    String[] types = {"CUSTOMER", "CUSTOMER", "CUSTOMER", "PARTNER", "OTHER"};
    String[] industries = {"IT", "MANUFACTURING", "BANKING", "CONSULTING", "DELIVERY", "OTHER"};
    String[] employees = {"EMPLOYEES_1", "EMPLOYEES_2", "EMPLOYEES_3", "EMPLOYEES_4"};
    for (ClientG c : cos) {
      Object[] v = new Object[Schema.COMPANY.size()];
      Schema s = Schema.COMPANY;
      int mgr = c.manager == 0 ? acq.get(0).id : c.manager;
      set(v, s, "ID", str(c.id));
      set(v, s, "TITLE", c.title);
      set(v, s, "COMPANY_TYPE", pick(types));
      set(v, s, "INDUSTRY", pick(industries));
      set(v, s, "EMPLOYEES", c.vip ? "EMPLOYEES_4" : pick(employees));
      set(v, s, "REVENUE", money(c.vip ? amount(5e7, 5e9) : amount(1e6, 2e8)));
      set(v, s, "CURRENCY_ID", "RUB");
      set(v, s, "IS_MY_COMPANY", "N");
      set(v, s, "LEAD_ID", c.lead == null ? null : str(c.lead.id));
      set(v, s, "OPENED", "Y");
      set(v, s, "ASSIGNED_BY_ID", str(mgr));
      set(v, s, "CREATED_BY_ID", str(mgr));
      set(v, s, "MODIFY_BY_ID", str(mgr));
      set(v, s, "DATE_CREATE", Ts.of(c.created));
      set(v, s, "DATE_MODIFY", Ts.of(Math.min(anchor - 1, c.created + rng.nextInt(86400 * 30))));
      set(v, s, "PHONE", multi("PHONE", phone()));
      set(v, s, "EMAIL", multi("EMAIL", "info@company" + c.id + ".example.ru"));
      d.companies.put(new Row(c.id, v));
    }
    for (ClientG c : cts) {
      Object[] v = new Object[Schema.CONTACT.size()];
      Schema s = Schema.CONTACT;
      int mgr = c.manager == 0 ? acq.get(0).id : c.manager;
      set(v, s, "ID", str(c.id));
      set(v, s, "HONORIFIC", c.female ? "HNR_RU_2" : "HNR_RU_1");
      set(v, s, "NAME", c.name);
      set(v, s, "SECOND_NAME", c.second);
      set(v, s, "LAST_NAME", c.lastName);
      set(
          v,
          s,
          "POST",
          c.company0 == null
              ? ""
              : pick(
                  new String[] {
                    "Директор", "Менеджер по закупкам", "Главный инженер", "Финансовый директор"
                  }));
      set(v, s, "TYPE_ID", "CLIENT");
      set(v, s, "SOURCE_ID", pick(NEW_SOURCES));
      set(v, s, "COMPANY_ID", c.company0 == null ? null : str(c.company0.id));
      set(v, s, "LEAD_ID", c.lead == null ? null : str(c.lead.id));
      set(v, s, "OPENED", "Y");
      set(v, s, "ASSIGNED_BY_ID", str(mgr));
      set(v, s, "CREATED_BY_ID", str(mgr));
      set(v, s, "MODIFY_BY_ID", str(mgr));
      set(v, s, "DATE_CREATE", Ts.of(c.created));
      set(v, s, "DATE_MODIFY", Ts.of(Math.min(anchor - 1, c.created + rng.nextInt(86400 * 30))));
      set(v, s, "PHONE", multi("PHONE", phone()));
      set(v, s, "EMAIL", multi("EMAIL", "contact" + c.id + "@mail.example.ru"));
      d.contacts.put(new Row(c.id, v));
    }
  }

  // ---- deals -----------------------------------------------------------------------------------

  private List<DealG> makeDeals(List<ClientG> pool) {
    long[] created = new long[nDeals];
    for (int i = 0; i < nDeals; i++) {
      created[i] = workTime(between(windowStart, anchor - 86400));
    }
    Arrays.sort(created);
    List<DealG> deals = new ArrayList<>(nDeals);
    List<ClientG> used = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < nDeals; i++) {
      DealG g = new DealG();
      g.id = i + 1;
      g.created = created[i];
      int remaining = nDeals - i;
      double pNew = Math.min(0.75, Math.max(0.15, (pool.size() - next) * 1.1 / remaining));
      ClientG c;
      if (used.isEmpty() || (next < pool.size() && chance(pNew))) {
        c = pool.get(next++);
        used.add(c);
      } else {
        c = pick(used);
      }
      g.client = c;
      g.returning = c.used;
      c.used = true;
      if (c.firstDeal == Long.MAX_VALUE) {
        c.firstDeal = g.created;
      }
      boolean isVip = c.vip;
      UserG m;
      if (chance(0.03)) {
        m = head;
      } else if (isVip) {
        m = managerOf(vip, g.created);
      } else if (g.returning) {
        UserG prev = byId(c.manager);
        m =
            prev != null && prev.dept == DEPT_ACCOUNT && activeAt(prev, g.created) && chance(0.8)
                ? prev
                : managerOf(account, g.created);
      } else {
        m = managerOf(acq, g.created);
      }
      if (!activeAt(m, g.created)) {
        m = head;
      }
      g.manager = m.id;
      if (c.manager == 0 || !g.returning || m.dept == DEPT_ACCOUNT) {
        c.manager = m.id;
      }
      g.category = g.returning && chance(0.75) ? 1 : 0;
      g.source = g.returning ? (chance(0.7) ? "REPEAT_SALE" : "PARTNER") : pick(NEW_SOURCES);
      g.type = pick(PortalData.DEAL_TYPES)[0];
      // amount
      double rub =
          isVip
              ? amount(300_000, 2_000_000)
              : g.returning ? amount(20_000, 800_000) : amount(20_000, 600_000);
      g.currency = "RUB";
      g.amount = rub;
      if (chance(0.02)) {
        g.currency = chance(0.6) ? "USD" : "EUR";
        g.amount = Math.round(rub / PortalData.rate(g.currency) * 100.0) / 100.0;
      }
      // converted lead for about half of the new-client deals
      if (!g.returning && chance(0.5)) {
        LeadG l = new LeadG();
        l.client = c;
        l.status = "CONVERTED";
        l.closed = g.created - 60 - rng.nextInt(1800);
        l.created = workTime(l.closed - 3600L - rng.nextInt(86400 * 10));
        if (l.created >= l.closed) {
          l.created = l.closed - 3600;
        }
        l.manager = g.manager;
        l.source = g.source;
        l.amount = rub;
        g.lead = l;
        if (c.lead == null) {
          c.lead = l;
          c.created = l.closed;
        }
        convertedLeads.add(l);
      }
      if (c.created == Long.MAX_VALUE || c.created > g.created) {
        c.created = c.lead != null ? c.lead.closed : g.created - 600 - rng.nextInt(86400 * 20);
        if (c.created > g.created) {
          c.created = g.created - 60;
        }
      }
      String clientName = c.company ? c.title : c.name + " " + c.lastName;
      g.title = (g.returning ? "Повторный заказ: " : "") + pick(DEAL_TITLES) + " — " + clientName;
      plan(g, isVip);
      deals.add(g);
    }
    return deals;
  }

  private final List<LeadG> convertedLeads = new ArrayList<>();

  private UserG byId(int id) {
    return id >= 1 && id <= users.size() ? users.get(id - 1) : null;
  }

  /** Stage path, outcome and dates of one deal. */
  private void plan(DealG g, boolean isVip) {
    int cycleDays =
        isVip ? 20 + rng.nextInt(100) : g.returning ? 2 + rng.nextInt(28) : 5 + rng.nextInt(55);
    long end = g.created + cycleDays * 86400L + rng.nextInt(36000);
    List<Stage> flow = g.category == 0 ? PortalData.STAGES_0 : PortalData.STAGES_1;
    List<Stage> mids = flow.subList(1, g.category == 0 ? 4 : 2);
    g.stages.add(flow.get(0).id());
    g.times.add(g.created);
    if (end >= anchor - 86400) {
      // still open: how far did it get?
      double frac = (double) (anchor - g.created) / (end - g.created);
      int reached = (int) Math.floor(frac * (mids.size() + 1));
      reached = Math.min(reached, mids.size());
      long last = g.created;
      for (int i = 0; i < reached; i++) {
        last =
            between(
                last + 60,
                Math.min(
                    anchor - 60,
                    g.created + (long) ((i + 1) * (end - g.created) / (mids.size() + 1.0))));
        if (last >= anchor) {
          break;
        }
        g.stages.add(mids.get(i).id());
        g.times.add(last);
      }
      g.outcome = "P";
      g.closeDate = end;
    } else {
      double pWin = isVip ? 0.4 : g.returning ? 0.42 : 0.25;
      boolean won = chance(pWin);
      List<Stage> path = new ArrayList<>();
      if (won) {
        for (Stage s : mids) {
          if (mids.size() == 1 ? chance(0.8) : chance(0.7) || s.id().endsWith("EXECUTING")) {
            path.add(s);
          }
        }
      } else {
        int n = rng.nextInt(Math.min(3, mids.size() + 1));
        path.addAll(mids.subList(0, n));
      }
      long last = g.created;
      for (int i = 0; i < path.size(); i++) {
        long hi = g.created + (long) ((i + 1) * (end - g.created) / (path.size() + 1.0));
        last = between(last + 60, Math.max(last + 120, hi));
        g.stages.add(path.get(i).id());
        g.times.add(last);
      }
      String fin;
      if (won) {
        fin = g.category == 0 ? "WON" : "C1:WON";
      } else {
        fin = g.category == 0 ? (chance(0.8) ? "LOSE" : "APOLOGY") : "C1:LOSE";
      }
      long fend = Math.max(end, last + 60);
      g.stages.add(fin);
      g.times.add(fend);
      g.outcome = won ? "S" : "F";
      g.closeDate = fend;
      if (won && chance(0.6)) {
        int total = 0;
        for (int w : NPS_WEIGHTS) {
          total += w;
        }
        int r = rng.nextInt(total);
        int score = 0;
        while (r >= NPS_WEIGHTS[score]) {
          r -= NPS_WEIGHTS[score];
          score++;
        }
        g.nps = Integer.toString(score);
      }
    }
    long lastMove = g.times.get(g.times.size() - 1);
    g.modify = lastMove;
    if (chance(0.3)) {
      g.modify = Math.min(anchor - 1, lastMove + rng.nextInt(86400 * 3));
    }
    g.modify = Math.min(g.modify, anchor - 1);
  }

  // ---- leads -----------------------------------------------------------------------------------

  private List<LeadG> makeLeads(List<DealG> deals) {
    int nLeads = Math.max(0, nDeals / 2);
    List<LeadG> leads = new ArrayList<>(convertedLeads);
    int junk = Math.max(0, Math.min(nLeads - leads.size(), Math.round(nLeads * 0.3f)));
    int rest = Math.max(0, nLeads - leads.size() - junk);
    for (int i = 0; i < junk; i++) {
      LeadG l = new LeadG();
      l.status = "JUNK";
      l.created = workTime(between(windowStart, anchor - 86400L * 2));
      l.closed = Math.min(anchor - 60, l.created + 1800 + rng.nextInt(86400 * 10));
      l.manager = managerOf(acq, l.created).id;
      l.source = pick(NEW_SOURCES);
      l.amount = chance(0.5) ? 0 : amount(20_000, 300_000);
      leads.add(l);
    }
    String[] open = {"NEW", "IN_PROCESS", "IN_PROCESS", "PROCESSED"};
    for (int i = 0; i < rest; i++) {
      LeadG l = new LeadG();
      l.status = pick(open);
      long from = chance(0.8) ? anchor - 86400L * 60 : windowStart;
      l.created = workTime(between(from, anchor - 86400L));
      if (l.created >= anchor) {
        l.created = anchor - 3600;
      }
      l.closed = 0;
      l.manager = managerOf(acq, l.created).id;
      l.source = pick(NEW_SOURCES);
      l.amount = chance(0.5) ? 0 : amount(20_000, 300_000);
      leads.add(l);
    }
    for (LeadG l : leads) {
      l.female = chance(0.5);
      String[] p = person(l.female);
      l.name = p[0];
      l.lastName = p[1];
      l.second = p[2];
      l.title = pick(LEAD_TITLES) + " — " + l.name + " " + l.lastName;
      if (l.client != null && !l.client.company) {
        l.name = l.client.name;
        l.lastName = l.client.lastName;
        l.second = l.client.second;
        l.female = l.client.female;
      }
      // history: NEW, maybe IN_PROCESS, final/current
      List<Long> ts = new ArrayList<>();
      List<String> st = new ArrayList<>();
      ts.add(l.created);
      st.add("NEW");
      long end = l.closed > 0 ? l.closed : anchor - 60;
      boolean mid =
          l.status.equals("IN_PROCESS")
              || l.status.equals("PROCESSED")
              || (l.closed > 0 && chance(0.6));
      if (mid && end - l.created > 120) {
        ts.add(between(l.created + 60, end - 60));
        st.add("IN_PROCESS");
      }
      if (l.status.equals("PROCESSED")) {
        ts.add(between(ts.get(ts.size() - 1) + 30, Math.max(ts.get(ts.size() - 1) + 31, end)));
        st.add("PROCESSED");
      }
      if (l.closed > 0) {
        ts.add(l.closed);
        st.add(l.status);
      }
      l.histTimes = ts.stream().mapToLong(Long::longValue).toArray();
      l.histStatuses = st.toArray(new String[0]);
    }
    leads.sort(Comparator.comparingLong((LeadG l) -> l.created));
    long id = 0;
    for (LeadG l : leads) {
      l.id = ++id;
    }
    return leads;
  }

  private void writeLeads(List<LeadG> leads) {
    Schema s = Schema.LEAD;
    record H(long t, long owner, int type, String status) {}
    List<H> hist = new ArrayList<>();
    for (LeadG l : leads) {
      Object[] v = new Object[s.size()];
      String sem =
          switch (l.status) {
            case "CONVERTED" -> "S";
            case "JUNK" -> "F";
            default -> "P";
          };
      long lastMove = l.histTimes[l.histTimes.length - 1];
      set(v, s, "ID", str(l.id));
      set(v, s, "TITLE", l.title);
      set(v, s, "HONORIFIC", null);
      set(v, s, "NAME", l.name);
      set(v, s, "SECOND_NAME", l.second);
      set(v, s, "LAST_NAME", l.lastName);
      set(v, s, "COMPANY_TITLE", l.client != null && l.client.company ? l.client.title : "");
      set(v, s, "COMPANY_ID", l.client != null && l.client.company ? str(l.client.id) : null);
      ClientG contact =
          l.client == null
              ? null
              : l.client.company
                  ? (l.client.contacts.isEmpty() ? null : l.client.contacts.get(0))
                  : l.client;
      set(v, s, "CONTACT_ID", contact == null ? null : str(contact.id));
      set(v, s, "IS_RETURN_CUSTOMER", "N");
      set(v, s, "SOURCE_ID", l.source);
      set(v, s, "SOURCE_DESCRIPTION", "");
      set(v, s, "STATUS_ID", l.status);
      set(v, s, "STATUS_DESCRIPTION", l.status.equals("JUNK") ? "Нецелевой запрос" : "");
      set(v, s, "STATUS_SEMANTIC_ID", sem);
      set(v, s, "CURRENCY_ID", "RUB");
      set(v, s, "OPPORTUNITY", money(l.amount));
      set(v, s, "IS_MANUAL_OPPORTUNITY", "N");
      set(v, s, "OPENED", "Y");
      set(v, s, "COMMENTS", "");
      set(v, s, "ASSIGNED_BY_ID", str(l.manager));
      set(v, s, "CREATED_BY_ID", str(l.manager));
      set(v, s, "MODIFY_BY_ID", str(l.manager));
      set(v, s, "MOVED_BY_ID", str(l.manager));
      set(v, s, "DATE_CREATE", Ts.of(l.created));
      set(v, s, "DATE_MODIFY", Ts.of(Math.min(anchor - 1, lastMove)));
      set(v, s, "MOVED_TIME", Ts.of(lastMove));
      set(v, s, "DATE_CLOSED", l.closed > 0 ? Ts.of(l.closed) : null);
      set(v, s, "PHONE", multi("PHONE", phone()));
      set(v, s, "EMAIL", multi("EMAIL", "lead" + l.id + "@mail.example.ru"));
      d.leads.put(new Row(l.id, v));
      for (int i = 0; i < l.histTimes.length; i++) {
        boolean fin = l.histStatuses[i].equals("CONVERTED") || l.histStatuses[i].equals("JUNK");
        hist.add(new H(l.histTimes[i], l.id, i == 0 ? 1 : fin ? 3 : 2, l.histStatuses[i]));
      }
    }
    hist.sort(Comparator.comparingLong(H::t).thenComparingLong(H::owner));
    Schema hs = Schema.LEAD_HISTORY;
    long id = 0;
    for (H h : hist) {
      Object[] v = new Object[hs.size()];
      id++;
      set(v, hs, "ID", (int) id);
      set(v, hs, "TYPE_ID", h.type());
      set(v, hs, "OWNER_ID", (int) h.owner());
      set(v, hs, "CREATED_TIME", Ts.of(h.t()));
      String sem =
          switch (h.status()) {
            case "CONVERTED" -> "S";
            case "JUNK" -> "F";
            default -> "P";
          };
      set(v, hs, "STATUS_SEMANTIC_ID", sem);
      set(v, hs, "STATUS_ID", h.status());
      d.leadHistory.put(new Row(id, v));
    }
  }

  private void writeDeals(List<DealG> deals) {
    Schema s = Schema.DEAL;
    record H(long t, long owner, int type, int category, String stage) {}
    List<H> hist = new ArrayList<>(deals.size() * 3);
    for (DealG g : deals) {
      Object[] v = new Object[s.size()];
      String stage = g.stages.get(g.stages.size() - 1);
      Stage st = PortalData.stage(stage);
      long moved = g.times.get(g.times.size() - 1);
      ClientG c = g.client;
      ClientG company = c.company ? c : c.company0;
      ClientG contact = c.company ? (c.contacts.isEmpty() ? null : c.contacts.get(0)) : c;
      set(v, s, "ID", str(g.id));
      set(v, s, "TITLE", g.title);
      set(v, s, "TYPE_ID", g.type);
      set(v, s, "CATEGORY_ID", str(g.category));
      set(v, s, "STAGE_ID", stage);
      set(v, s, "STAGE_SEMANTIC_ID", g.outcome);
      set(v, s, "IS_NEW", g.stages.size() == 1 && g.outcome.equals("P") ? "Y" : "N");
      set(v, s, "IS_RECURRING", "N");
      set(v, s, "IS_RETURN_CUSTOMER", g.returning ? "Y" : "N");
      set(v, s, "IS_REPEATED_APPROACH", "N");
      set(v, s, "PROBABILITY", probability(st));
      set(v, s, "CURRENCY_ID", g.currency);
      set(v, s, "OPPORTUNITY", money(g.amount));
      set(v, s, "IS_MANUAL_OPPORTUNITY", "Y");
      set(v, s, "TAX_VALUE", "0.00");
      set(v, s, "COMPANY_ID", company == null ? "0" : str(company.id));
      set(v, s, "CONTACT_ID", contact == null ? null : str(contact.id));
      set(v, s, "QUOTE_ID", null);
      set(
          v,
          s,
          "BEGINDATE",
          Ts.date(Instant.ofEpochSecond(g.created).atOffset(Ts.ZONE).toLocalDate()));
      set(
          v,
          s,
          "CLOSEDATE",
          Ts.date(Instant.ofEpochSecond(g.closeDate).atOffset(Ts.ZONE).toLocalDate()));
      set(v, s, "OPENED", "Y");
      set(v, s, "CLOSED", g.outcome.equals("P") ? "N" : "Y");
      set(v, s, "COMMENTS", "");
      set(v, s, "ASSIGNED_BY_ID", str(g.manager));
      set(v, s, "CREATED_BY_ID", str(g.manager));
      set(v, s, "MODIFY_BY_ID", str(g.manager));
      set(v, s, "MOVED_BY_ID", str(g.manager));
      set(v, s, "DATE_CREATE", Ts.of(g.created));
      set(v, s, "DATE_MODIFY", Ts.of(g.modify));
      set(v, s, "MOVED_TIME", Ts.of(moved));
      set(v, s, "SOURCE_ID", g.source);
      set(v, s, "SOURCE_DESCRIPTION", "");
      set(v, s, "LEAD_ID", g.lead == null ? null : str(g.lead.id));
      set(v, s, "ADDITIONAL_INFO", null);
      set(v, s, "LAST_ACTIVITY_TIME", Ts.of(g.lastActivity == 0 ? g.created : g.lastActivity));
      set(v, s, "LAST_ACTIVITY_BY", str(g.manager));
      set(v, s, "ORIGINATOR_ID", null);
      set(v, s, "ORIGIN_ID", null);
      set(v, s, "UTM_SOURCE", null);
      set(v, s, "UTM_MEDIUM", null);
      set(v, s, "UTM_CAMPAIGN", null);
      set(v, s, "UTM_CONTENT", null);
      set(v, s, "UTM_TERM", null);
      set(v, s, "UF_CRM_NPS", g.nps);
      d.deals.put(new Row(g.id, v));
      for (int i = 0; i < g.stages.size(); i++) {
        String sid = g.stages.get(i);
        Stage x = PortalData.stage(sid);
        int type = i == 0 ? 1 : x.semantics().equals("P") ? 2 : 3;
        hist.add(new H(g.times.get(i), g.id, type, g.category, sid));
      }
    }
    hist.sort(Comparator.comparingLong(H::t).thenComparingLong(H::owner));
    Schema hs = Schema.DEAL_HISTORY;
    long id = 0;
    for (H h : hist) {
      Object[] v = new Object[hs.size()];
      id++;
      set(v, hs, "ID", (int) id);
      set(v, hs, "TYPE_ID", h.type());
      set(v, hs, "OWNER_ID", (int) h.owner());
      set(v, hs, "CREATED_TIME", Ts.of(h.t()));
      set(v, hs, "CATEGORY_ID", h.category());
      set(v, hs, "STAGE_SEMANTIC_ID", PortalData.stage(h.stage()).semantics());
      set(v, hs, "STAGE_ID", h.stage());
      d.dealHistory.put(new Row(id, v));
    }
  }

  static String probability(Stage st) {
    if (st == null) {
      return null;
    }
    if (st.semantics().equals("S")) {
      return "100";
    }
    if (st.semantics().equals("F")) {
      return "0";
    }
    return switch (st.id()) {
      case "NEW", "C1:NEW" -> "10";
      case "PREPARATION" -> "30";
      case "PREPAYMENT_INVOICE" -> "60";
      default -> "80";
    };
  }

  // ---- activities ------------------------------------------------------------------------------

  private void writeActivities(List<DealG> deals, List<LeadG> leads) {
    record A(
        long created,
        long start,
        long end,
        int ownerType,
        long owner,
        int kind,
        int resp,
        boolean done) {}
    List<A> acts = new ArrayList<>(nDeals + nDeals / 10);
    for (DealG g : deals) {
      double r = rng.nextDouble();
      int n = r < 0.3 ? 0 : r < 0.75 ? 1 : 2;
      long last = g.times.get(g.times.size() - 1);
      long hi = g.outcome.equals("P") ? anchor + 86400L * 7 : last;
      for (int i = 0; i < n; i++) {
        long start = workTime(between(g.created, Math.max(g.created + 3600, hi)));
        long created = Math.min(start - 600 - rng.nextInt(86400 * 2), anchor - 60);
        created = Math.max(created, g.created);
        boolean done = start < anchor && chance(0.92);
        int kind = rng.nextInt(10) < 6 ? 2 : rng.nextInt(2) == 0 ? 1 : 4;
        long end = start + (kind == 2 ? 60 + rng.nextInt(900) : kind == 1 ? 3600 : 0);
        acts.add(new A(created, start, end, 2, g.id, kind, g.manager, done));
        if (start < anchor && start > g.lastActivity) {
          g.lastActivity = start;
        }
      }
    }
    for (LeadG l : leads) {
      if (chance(0.2)) {
        long start =
            workTime(
                between(l.created, Math.max(l.created + 3600, l.closed > 0 ? l.closed : anchor)));
        long created = Math.max(l.created, Math.min(start - 300, anchor - 60));
        boolean done = start < anchor;
        acts.add(new A(created, start, start + 60 + rng.nextInt(600), 1, l.id, 2, l.manager, done));
      }
    }
    // last-activity times were updated after the deal rows were written: patch them
    Schema ds = Schema.DEAL;
    int la = ds.idx("LAST_ACTIVITY_TIME");
    for (DealG g : deals) {
      if (g.lastActivity != 0) {
        Row r = d.deals.get(g.id);
        r.v[la] = Ts.of(g.lastActivity);
      }
    }
    acts.sort(Comparator.comparingLong(A::created).thenComparingLong(A::owner));
    Schema s = Schema.ACTIVITY;
    long id = 0;
    for (A a : acts) {
      Object[] v = new Object[s.size()];
      id++;
      String provider;
      String providerType;
      String subject;
      String direction;
      switch (a.kind()) {
        case 1 -> {
          provider = "CRM_MEETING";
          providerType = "MEETING";
          subject = "Встреча с клиентом";
          direction = "0";
        }
        case 4 -> {
          provider = "CRM_EMAIL";
          providerType = "EMAIL";
          subject = "Коммерческое предложение";
          direction = "2";
        }
        default -> {
          provider = "VOXIMPLANT_CALL";
          providerType = "CALL";
          boolean in = chance(0.35);
          subject = in ? "Входящий звонок" : "Исходящий звонок";
          direction = in ? "1" : "2";
        }
      }
      set(v, s, "ID", str(id));
      set(v, s, "OWNER_ID", str(a.owner()));
      set(v, s, "OWNER_TYPE_ID", str(a.ownerType()));
      set(v, s, "TYPE_ID", str(a.kind()));
      set(v, s, "PROVIDER_ID", provider);
      set(v, s, "PROVIDER_TYPE_ID", providerType);
      set(v, s, "ASSOCIATED_ENTITY_ID", "0");
      set(v, s, "SUBJECT", subject);
      set(v, s, "CREATED", Ts.of(a.created()));
      long updated = a.done() ? Math.min(anchor - 1, Math.max(a.created(), a.end())) : a.created();
      set(v, s, "LAST_UPDATED", Ts.of(updated));
      set(v, s, "START_TIME", Ts.of(a.start()));
      set(v, s, "END_TIME", Ts.of(a.end()));
      set(v, s, "DEADLINE", Ts.of(a.start()));
      set(v, s, "COMPLETED", a.done() ? "Y" : "N");
      set(v, s, "STATUS", a.done() ? "2" : "1");
      set(v, s, "RESPONSIBLE_ID", str(a.resp()));
      set(v, s, "PRIORITY", "2");
      set(v, s, "NOTIFY_TYPE", "1");
      set(v, s, "DESCRIPTION", "");
      set(v, s, "DESCRIPTION_TYPE", "1");
      set(v, s, "DIRECTION", direction);
      set(v, s, "LOCATION", "");
      set(v, s, "AUTHOR_ID", str(a.resp()));
      set(v, s, "EDITOR_ID", str(a.resp()));
      d.activities.put(new Row(id, v));
    }
  }
}
