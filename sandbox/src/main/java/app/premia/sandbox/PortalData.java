package app.premia.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** All entity tables of one portal plus its dictionaries and its clock. */
final class PortalData {
  final Table deals = new Table(Schema.DEAL);
  final Table leads = new Table(Schema.LEAD);
  final Table contacts = new Table(Schema.CONTACT);
  final Table companies = new Table(Schema.COMPANY);
  final Table activities = new Table(Schema.ACTIVITY);
  final Table dealHistory = new Table(Schema.DEAL_HISTORY);
  final Table leadHistory = new Table(Schema.LEAD_HISTORY);
  final Table users = new Table(Schema.USER);
  final Table departments = new Table(Schema.DEPARTMENT);

  /** Portal clock (epoch seconds): the anchor, then one second more for every applied change. */
  final AtomicLong clock = new AtomicLong();

  final AtomicLong multiFieldSeq = new AtomicLong(1000);

  /** First ID of hostile (malformed) deal rows: above every real deal. */
  static final long HOSTILE_BASE = 1_000_000_000L;

  Table table(String entity) {
    return switch (entity.toLowerCase(java.util.Locale.ROOT)) {
      case "deal" -> deals;
      case "lead" -> leads;
      case "contact" -> contacts;
      case "company" -> companies;
      case "activity" -> activities;
      case "stagehistory", "dealstagehistory" -> dealHistory;
      case "leadstagehistory" -> leadHistory;
      case "user" -> users;
      case "department" -> departments;
      default -> null;
    };
  }

  long tick() {
    return clock.incrementAndGet();
  }

  Map<String, Object> counts() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("deal", deals.rows.headMap(HOSTILE_BASE).size());
    m.put("lead", leads.size());
    m.put("contact", contacts.size());
    m.put("company", companies.size());
    m.put("activity", activities.size());
    m.put("stagehistory", dealHistory.size());
    m.put("leadstagehistory", leadHistory.size());
    m.put("user", users.size());
    m.put("department", departments.size());
    return m;
  }

  // ---- dictionaries -------------------------------------------------------------------------

  record Stage(String id, String name, int sort, String semantics, String color) {}

  static final List<Stage> STAGES_0 =
      List.of(
          new Stage("NEW", "Новая", 10, "P", "#39A8EF"),
          new Stage("PREPARATION", "Подготовка документов", 20, "P", "#2FC6F6"),
          new Stage("PREPAYMENT_INVOICE", "Счёт на предоплату", 30, "P", "#55D0E0"),
          new Stage("EXECUTING", "В работе", 40, "P", "#47E4C2"),
          new Stage("WON", "Сделка успешна", 60, "S", "#7BD500"),
          new Stage("LOSE", "Сделка провалена", 70, "F", "#FF5752"),
          new Stage("APOLOGY", "Анализ причины провала", 80, "F", "#FF5752"));

  static final List<Stage> STAGES_1 =
      List.of(
          new Stage("C1:NEW", "Новая", 10, "P", "#39A8EF"),
          new Stage("C1:EXECUTING", "В работе", 20, "P", "#47E4C2"),
          new Stage("C1:WON", "Сделка успешна", 60, "S", "#7BD500"),
          new Stage("C1:LOSE", "Сделка провалена", 70, "F", "#FF5752"));

  static final List<Stage> LEAD_STATUSES =
      List.of(
          new Stage("NEW", "Не обработан", 10, "P", "#39A8EF"),
          new Stage("IN_PROCESS", "В работе", 20, "P", "#2FC6F6"),
          new Stage("PROCESSED", "Обработан", 30, "P", "#55D0E0"),
          new Stage("CONVERTED", "Качественный лид", 40, "S", "#7BD500"),
          new Stage("JUNK", "Некачественный лид", 50, "F", "#FF5752"));

  static final String[][] SOURCES = {
    {"CALL", "Звонок"},
    {"EMAIL", "Электронная почта"},
    {"WEB", "Веб-сайт"},
    {"ADVERTISING", "Реклама"},
    {"PARTNER", "Существующий клиент"},
    {"RECOMMENDATION", "По рекомендации"},
    {"TRADE_SHOW", "Выставка"},
    {"WEBFORM", "CRM-форма"},
    {"CALLBACK", "Обратный звонок"},
    {"REPEAT_SALE", "Повторные продажи"},
    {"OTHER", "Другое"}
  };

  static final String[][] DEAL_TYPES = {
    {"SALE", "Продажа"},
    {"COMPLEX", "Комплексная продажа"},
    {"GOODS", "Продажа товара"},
    {"SERVICES", "Продажа услуги"},
    {"SERVICE", "Сервисное обслуживание"}
  };

  static Stage stage(String stageId) {
    for (Stage s : STAGES_0) {
      if (s.id().equals(stageId)) {
        return s;
      }
    }
    for (Stage s : STAGES_1) {
      if (s.id().equals(stageId)) {
        return s;
      }
    }
    return null;
  }

  static int categoryOf(String stageId) {
    return stageId != null && stageId.startsWith("C1:") ? 1 : 0;
  }

  /** crm.status.list rows (all directories), in Bitrix24's shape. */
  static List<Map<String, Object>> statuses() {
    List<Map<String, Object>> out = new ArrayList<>();
    int[] id = {100};
    for (Stage s : LEAD_STATUSES) {
      out.add(statusRow(++id[0], "STATUS", s, null));
    }
    for (Stage s : STAGES_0) {
      out.add(statusRow(++id[0], "DEAL_STAGE", s, null));
    }
    for (Stage s : STAGES_1) {
      out.add(statusRow(++id[0], "DEAL_STAGE_1", s, "1"));
    }
    int sort = 10;
    for (String[] s : SOURCES) {
      out.add(simpleStatus(++id[0], "SOURCE", s[0], s[1], sort));
      sort += 10;
    }
    sort = 10;
    for (String[] s : DEAL_TYPES) {
      out.add(simpleStatus(++id[0], "DEAL_TYPE", s[0], s[1], sort));
      sort += 10;
    }
    return out;
  }

  private static Map<String, Object> statusRow(int id, String entity, Stage s, String category) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", Integer.toString(id));
    m.put("ENTITY_ID", entity);
    m.put("STATUS_ID", s.id());
    m.put("NAME", s.name());
    m.put("NAME_INIT", s.name());
    m.put("SORT", Integer.toString(s.sort()));
    m.put("SYSTEM", s.sort() <= 10 || !s.semantics().equals("P") ? "Y" : "N");
    m.put("CATEGORY_ID", category);
    m.put("COLOR", s.color());
    String sem = s.semantics().equals("P") ? null : s.semantics();
    m.put("SEMANTICS", sem);
    String extra =
        switch (s.semantics()) {
          case "S" -> "success";
          case "F" -> s.id().endsWith("APOLOGY") ? "apology" : "failure";
          default -> "process";
        };
    m.put("EXTRA", Json.map("SEMANTICS", extra, "COLOR", s.color()));
    return m;
  }

  private static Map<String, Object> simpleStatus(
      int id, String entity, String statusId, String name, int sort) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", Integer.toString(id));
    m.put("ENTITY_ID", entity);
    m.put("STATUS_ID", statusId);
    m.put("NAME", name);
    m.put("NAME_INIT", name);
    m.put("SORT", Integer.toString(sort));
    m.put("SYSTEM", "Y");
    m.put("CATEGORY_ID", null);
    m.put("COLOR", null);
    m.put("SEMANTICS", null);
    return m;
  }

  static List<Map<String, Object>> categories() {
    Map<String, Object> c0 = new LinkedHashMap<>();
    c0.put("id", 0);
    c0.put("name", "Продажи");
    c0.put("sort", 300);
    c0.put("entityTypeId", 2);
    c0.put("isDefault", "Y");
    Map<String, Object> c1 = new LinkedHashMap<>();
    c1.put("id", 1);
    c1.put("name", "Повторные продажи");
    c1.put("sort", 400);
    c1.put("entityTypeId", 2);
    c1.put("isDefault", "N");
    c1.put("originId", "");
    c1.put("originatorId", "");
    return List.of(c0, c1);
  }

  static List<Map<String, Object>> currencies(long anchorEpoch) {
    String date = Ts.format(anchorEpoch - 86400 * 3);
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(currency("RUB", "1.0000", "100", "Y", "Российский рубль", "# ₽", " ", date));
    out.add(currency("USD", "90.5000", "200", "N", "Доллар США", "$#", ",", date));
    out.add(currency("EUR", "98.2000", "300", "N", "Евро", "# €", " ", date));
    return out;
  }

  static double rate(String currency) {
    return switch (currency) {
      case "USD" -> 90.5;
      case "EUR" -> 98.2;
      default -> 1.0;
    };
  }

  private static Map<String, Object> currency(
      String code,
      String amount,
      String sort,
      String base,
      String name,
      String format,
      String sep,
      String date) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("CURRENCY", code);
    m.put("AMOUNT_CNT", "1");
    m.put("AMOUNT", amount);
    m.put("SORT", sort);
    m.put("BASE", base);
    m.put("FULL_NAME", name);
    m.put("LID", "ru");
    m.put("FORMAT_STRING", format);
    m.put("DEC_POINT", ".");
    m.put("THOUSANDS_SEP", sep);
    m.put("DECIMALS", "2");
    m.put("DATE_UPDATE", date);
    return m;
  }

  static List<Map<String, Object>> dealUserFields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", "101");
    m.put("ENTITY_ID", "CRM_DEAL");
    m.put("FIELD_NAME", "UF_CRM_NPS");
    m.put("USER_TYPE_ID", "integer");
    m.put("XML_ID", null);
    m.put("SORT", "100");
    m.put("MULTIPLE", "N");
    m.put("MANDATORY", "N");
    m.put("SHOW_FILTER", "E");
    m.put("SHOW_IN_LIST", "Y");
    m.put("EDIT_IN_LIST", "Y");
    m.put("IS_SEARCHABLE", "N");
    m.put("SETTINGS", Json.map("SIZE", 20, "MIN_VALUE", 0, "MAX_VALUE", 10, "DEFAULT_VALUE", ""));
    m.put("EDIT_FORM_LABEL", Json.map("ru", "NPS клиента (0–10)", "en", "Customer NPS (0-10)"));
    m.put("LIST_COLUMN_LABEL", Json.map("ru", "NPS", "en", "NPS"));
    m.put("LIST_FILTER_LABEL", Json.map("ru", "NPS", "en", "NPS"));
    return List.of(m);
  }
}
