package app.premia.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Field lists and value types of the emulated entities (classic REST names, in answer order). */
final class Schema {

  enum Type {
    /** numeric id as string ("42") */
    ID,
    /** integer as string */
    INT,
    /** reference id as string (user, company, ...); "0"/null for none */
    REF,
    /** decimal money string with 2 decimals */
    MONEY,
    /** JSON number */
    NUM,
    /** date or datetime ({@link Ts}) */
    DATETIME,
    /** "Y"/"N" */
    CHAR,
    /** JSON boolean */
    BOOL,
    /** dictionary reference string (STAGE_ID, TYPE_ID, ...) */
    STATUS,
    STRING,
    /** array of JSON numbers (UF_DEPARTMENT) */
    NUMLIST,
    /** multi-field array (PHONE, EMAIL): only when selected explicitly */
    MULTI
  }

  record Field(String name, Type type, boolean uf, String title) {
    boolean numeric() {
      return type == Type.ID
          || type == Type.INT
          || type == Type.REF
          || type == Type.MONEY
          || type == Type.NUM;
    }
  }

  final String entity;
  final List<Field> fields;
  private final Map<String, Integer> index = new HashMap<>();

  /** fields returned for "*" / default select */
  final List<Integer> standard = new ArrayList<>();

  final List<Integer> userFields = new ArrayList<>();
  final List<String> defaultSelect;

  Schema(String entity, List<Field> fields, List<String> defaultSelect) {
    this.entity = entity;
    this.fields = fields;
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      index.put(f.name(), i);
      if (f.uf()) {
        userFields.add(i);
      } else if (f.type() != Type.MULTI) {
        standard.add(i);
      }
    }
    this.defaultSelect = defaultSelect;
  }

  int idx(String name) {
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  int size() {
    return fields.size();
  }

  Field field(int i) {
    return fields.get(i);
  }

  private static final class B {
    final List<Field> fields = new ArrayList<>();

    B f(String name, Type t, String title) {
      fields.add(new Field(name, t, false, title));
      return this;
    }

    B uf(String name, Type t, String title) {
      fields.add(new Field(name, t, true, title));
      return this;
    }
  }

  static final Schema DEAL =
      new Schema(
          "deal",
          new B()
              .f("ID", Type.ID, "ID")
              .f("TITLE", Type.STRING, "Название")
              .f("TYPE_ID", Type.STATUS, "Тип")
              .f("CATEGORY_ID", Type.REF, "Воронка")
              .f("STAGE_ID", Type.STATUS, "Стадия сделки")
              .f("STAGE_SEMANTIC_ID", Type.STATUS, "Группа стадии")
              .f("IS_NEW", Type.CHAR, "Новая сделка")
              .f("IS_RECURRING", Type.CHAR, "Регулярная сделка")
              .f("IS_RETURN_CUSTOMER", Type.CHAR, "Повторная сделка")
              .f("IS_REPEATED_APPROACH", Type.CHAR, "Повторное обращение")
              .f("PROBABILITY", Type.INT, "Вероятность")
              .f("CURRENCY_ID", Type.STATUS, "Валюта")
              .f("OPPORTUNITY", Type.MONEY, "Сумма")
              .f("IS_MANUAL_OPPORTUNITY", Type.CHAR, "Ручной ввод суммы")
              .f("TAX_VALUE", Type.MONEY, "Ставка налога")
              .f("COMPANY_ID", Type.REF, "Компания")
              .f("CONTACT_ID", Type.REF, "Контакт")
              .f("QUOTE_ID", Type.REF, "Предложение")
              .f("BEGINDATE", Type.DATETIME, "Дата начала")
              .f("CLOSEDATE", Type.DATETIME, "Дата завершения")
              .f("OPENED", Type.CHAR, "Доступна для всех")
              .f("CLOSED", Type.CHAR, "Закрыта")
              .f("COMMENTS", Type.STRING, "Комментарий")
              .f("ASSIGNED_BY_ID", Type.REF, "Ответственный")
              .f("CREATED_BY_ID", Type.REF, "Кем создана")
              .f("MODIFY_BY_ID", Type.REF, "Кем изменена")
              .f("MOVED_BY_ID", Type.REF, "Кем перемещена")
              .f("DATE_CREATE", Type.DATETIME, "Дата создания")
              .f("DATE_MODIFY", Type.DATETIME, "Дата изменения")
              .f("MOVED_TIME", Type.DATETIME, "Дата перемещения")
              .f("SOURCE_ID", Type.STATUS, "Источник")
              .f("SOURCE_DESCRIPTION", Type.STRING, "Дополнительно об источнике")
              .f("LEAD_ID", Type.REF, "Лид")
              .f("ADDITIONAL_INFO", Type.STRING, "Дополнительная информация")
              .f("LAST_ACTIVITY_TIME", Type.DATETIME, "Последняя активность")
              .f("LAST_ACTIVITY_BY", Type.REF, "Автор последней активности")
              .f("ORIGINATOR_ID", Type.STRING, "Внешний источник")
              .f("ORIGIN_ID", Type.STRING, "Идентификатор элемента во внешнем источнике")
              .f("UTM_SOURCE", Type.STRING, "Рекламная система")
              .f("UTM_MEDIUM", Type.STRING, "Тип трафика")
              .f("UTM_CAMPAIGN", Type.STRING, "Обозначение рекламной кампании")
              .f("UTM_CONTENT", Type.STRING, "Содержание кампании")
              .f("UTM_TERM", Type.STRING, "Условие поиска кампании")
              .uf("UF_CRM_NPS", Type.INT, "NPS клиента (0–10)")
              .fields,
          List.of("*", "UF_*"));

  static final Schema LEAD =
      new Schema(
          "lead",
          new B()
              .f("ID", Type.ID, "ID")
              .f("TITLE", Type.STRING, "Название лида")
              .f("HONORIFIC", Type.STATUS, "Обращение")
              .f("NAME", Type.STRING, "Имя")
              .f("SECOND_NAME", Type.STRING, "Отчество")
              .f("LAST_NAME", Type.STRING, "Фамилия")
              .f("COMPANY_TITLE", Type.STRING, "Название компании")
              .f("COMPANY_ID", Type.REF, "Компания")
              .f("CONTACT_ID", Type.REF, "Контакт")
              .f("IS_RETURN_CUSTOMER", Type.CHAR, "Повторный лид")
              .f("SOURCE_ID", Type.STATUS, "Источник")
              .f("SOURCE_DESCRIPTION", Type.STRING, "Дополнительно об источнике")
              .f("STATUS_ID", Type.STATUS, "Стадия")
              .f("STATUS_DESCRIPTION", Type.STRING, "Дополнительно о стадии")
              .f("STATUS_SEMANTIC_ID", Type.STATUS, "Группа стадии")
              .f("CURRENCY_ID", Type.STATUS, "Валюта")
              .f("OPPORTUNITY", Type.MONEY, "Сумма")
              .f("IS_MANUAL_OPPORTUNITY", Type.CHAR, "Ручной ввод суммы")
              .f("OPENED", Type.CHAR, "Доступен для всех")
              .f("COMMENTS", Type.STRING, "Комментарий")
              .f("ASSIGNED_BY_ID", Type.REF, "Ответственный")
              .f("CREATED_BY_ID", Type.REF, "Кем создан")
              .f("MODIFY_BY_ID", Type.REF, "Кем изменен")
              .f("MOVED_BY_ID", Type.REF, "Кем перемещен")
              .f("DATE_CREATE", Type.DATETIME, "Дата создания")
              .f("DATE_MODIFY", Type.DATETIME, "Дата изменения")
              .f("MOVED_TIME", Type.DATETIME, "Дата перемещения")
              .f("DATE_CLOSED", Type.DATETIME, "Дата закрытия")
              .f("PHONE", Type.MULTI, "Телефон")
              .f("EMAIL", Type.MULTI, "E-mail")
              .fields,
          List.of("*"));

  static final Schema CONTACT =
      new Schema(
          "contact",
          new B()
              .f("ID", Type.ID, "ID")
              .f("HONORIFIC", Type.STATUS, "Обращение")
              .f("NAME", Type.STRING, "Имя")
              .f("SECOND_NAME", Type.STRING, "Отчество")
              .f("LAST_NAME", Type.STRING, "Фамилия")
              .f("POST", Type.STRING, "Должность")
              .f("TYPE_ID", Type.STATUS, "Тип контакта")
              .f("SOURCE_ID", Type.STATUS, "Источник")
              .f("COMPANY_ID", Type.REF, "Компания")
              .f("LEAD_ID", Type.REF, "Лид")
              .f("OPENED", Type.CHAR, "Доступен для всех")
              .f("ASSIGNED_BY_ID", Type.REF, "Ответственный")
              .f("CREATED_BY_ID", Type.REF, "Кем создан")
              .f("MODIFY_BY_ID", Type.REF, "Кем изменен")
              .f("DATE_CREATE", Type.DATETIME, "Дата создания")
              .f("DATE_MODIFY", Type.DATETIME, "Дата изменения")
              .f("PHONE", Type.MULTI, "Телефон")
              .f("EMAIL", Type.MULTI, "E-mail")
              .fields,
          List.of("*"));

  static final Schema COMPANY =
      new Schema(
          "company",
          new B()
              .f("ID", Type.ID, "ID")
              .f("TITLE", Type.STRING, "Название компании")
              .f("COMPANY_TYPE", Type.STATUS, "Тип компании")
              .f("INDUSTRY", Type.STATUS, "Сфера деятельности")
              .f("EMPLOYEES", Type.STATUS, "Кол-во сотрудников")
              .f("REVENUE", Type.MONEY, "Годовой оборот")
              .f("CURRENCY_ID", Type.STATUS, "Валюта")
              .f("IS_MY_COMPANY", Type.CHAR, "Моя компания")
              .f("LEAD_ID", Type.REF, "Лид")
              .f("OPENED", Type.CHAR, "Доступна для всех")
              .f("ASSIGNED_BY_ID", Type.REF, "Ответственный")
              .f("CREATED_BY_ID", Type.REF, "Кем создана")
              .f("MODIFY_BY_ID", Type.REF, "Кем изменена")
              .f("DATE_CREATE", Type.DATETIME, "Дата создания")
              .f("DATE_MODIFY", Type.DATETIME, "Дата изменения")
              .f("PHONE", Type.MULTI, "Телефон")
              .f("EMAIL", Type.MULTI, "E-mail")
              .fields,
          List.of("*"));

  static final Schema ACTIVITY =
      new Schema(
          "activity",
          new B()
              .f("ID", Type.ID, "ID")
              .f("OWNER_ID", Type.REF, "ID владельца")
              .f("OWNER_TYPE_ID", Type.INT, "Тип владельца")
              .f("TYPE_ID", Type.INT, "Тип")
              .f("PROVIDER_ID", Type.STATUS, "Провайдер")
              .f("PROVIDER_TYPE_ID", Type.STATUS, "Тип провайдера")
              .f("ASSOCIATED_ENTITY_ID", Type.REF, "Связанная сущность")
              .f("SUBJECT", Type.STRING, "Тема")
              .f("CREATED", Type.DATETIME, "Дата создания")
              .f("LAST_UPDATED", Type.DATETIME, "Дата изменения")
              .f("START_TIME", Type.DATETIME, "Начало")
              .f("END_TIME", Type.DATETIME, "Окончание")
              .f("DEADLINE", Type.DATETIME, "Крайний срок")
              .f("COMPLETED", Type.CHAR, "Выполнено")
              .f("STATUS", Type.INT, "Статус")
              .f("RESPONSIBLE_ID", Type.REF, "Ответственный")
              .f("PRIORITY", Type.INT, "Важность")
              .f("NOTIFY_TYPE", Type.INT, "Тип уведомления")
              .f("DESCRIPTION", Type.STRING, "Описание")
              .f("DESCRIPTION_TYPE", Type.INT, "Тип описания")
              .f("DIRECTION", Type.INT, "Направление")
              .f("LOCATION", Type.STRING, "Место")
              .f("AUTHOR_ID", Type.REF, "Автор")
              .f("EDITOR_ID", Type.REF, "Кем изменено")
              .fields,
          List.of("*"));

  static final Schema DEAL_HISTORY =
      new Schema(
          "stagehistory",
          new B()
              .f("ID", Type.NUM, "ID")
              .f("TYPE_ID", Type.NUM, "Тип записи")
              .f("OWNER_ID", Type.NUM, "ID сделки")
              .f("CREATED_TIME", Type.DATETIME, "Время")
              .f("CATEGORY_ID", Type.NUM, "Воронка")
              .f("STAGE_SEMANTIC_ID", Type.STATUS, "Группа стадии")
              .f("STAGE_ID", Type.STATUS, "Стадия")
              .fields,
          List.of("*"));

  static final Schema LEAD_HISTORY =
      new Schema(
          "leadstagehistory",
          new B()
              .f("ID", Type.NUM, "ID")
              .f("TYPE_ID", Type.NUM, "Тип записи")
              .f("OWNER_ID", Type.NUM, "ID лида")
              .f("CREATED_TIME", Type.DATETIME, "Время")
              .f("STATUS_SEMANTIC_ID", Type.STATUS, "Группа стадии")
              .f("STATUS_ID", Type.STATUS, "Стадия")
              .fields,
          List.of("*"));

  static final Schema USER =
      new Schema(
          "user",
          new B()
              .f("ID", Type.ID, "ID")
              .f("XML_ID", Type.STRING, "")
              .f("ACTIVE", Type.BOOL, "")
              .f("NAME", Type.STRING, "")
              .f("LAST_NAME", Type.STRING, "")
              .f("SECOND_NAME", Type.STRING, "")
              .f("EMAIL", Type.STRING, "")
              .f("LAST_LOGIN", Type.DATETIME, "")
              .f("DATE_REGISTER", Type.DATETIME, "")
              .f("TIME_ZONE", Type.STRING, "")
              .f("IS_ONLINE", Type.CHAR, "")
              .f("TIME_ZONE_OFFSET", Type.STRING, "")
              .f("TIMESTAMP_X", Type.STRING, "")
              .f("LAST_ACTIVITY_DATE", Type.STRING, "")
              .f("PERSONAL_GENDER", Type.STRING, "")
              .f("PERSONAL_BIRTHDAY", Type.STRING, "")
              .f("WORK_POSITION", Type.STRING, "")
              .f("WORK_PHONE", Type.STRING, "")
              .f("UF_EMPLOYMENT_DATE", Type.DATETIME, "")
              .f("UF_DEPARTMENT", Type.NUMLIST, "")
              .f("USER_TYPE", Type.STRING, "")
              .fields,
          List.of("*"));

  static final Schema DEPARTMENT =
      new Schema(
          "department",
          new B()
              .f("ID", Type.ID, "ID")
              .f("NAME", Type.STRING, "")
              .f("SORT", Type.NUM, "")
              .f("PARENT", Type.REF, "")
              .f("UF_HEAD", Type.REF, "")
              .fields,
          List.of("*"));
}
