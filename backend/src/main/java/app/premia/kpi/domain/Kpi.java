package app.premia.kpi.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The KPI catalogue: every KPI Premia knows, with a stable code, its unit, its scope, its name and
 * its exact definition in Russian and English. The definitions are the product's (they are printed
 * in {@code docs/domain/kpis.md}, shown in the UI and quoted by the bonus regulations); a test
 * keeps the document and this enum identical.
 */
public enum Kpi {
  SALES_VOLUME(
      "sales_volume",
      KpiUnit.MONEY,
      KpiScope.EMPLOYEE,
      "Объём продаж",
      "Sales volume",
      "Сумма выигранных в периоде сделок сотрудника в валюте компании. Без сделок — 0. "
          + Texts.WON_RU
          + " "
          + Texts.MONEY_RU
          + " "
          + Texts.OWNER_RU,
      "The sum of the employee's deals won in the period, in the company's currency. With no deals,"
          + " 0. "
          + Texts.WON_EN
          + " "
          + Texts.MONEY_EN
          + " "
          + Texts.OWNER_EN),
  DEALS_WON(
      "deals_won",
      KpiUnit.COUNT,
      KpiScope.EMPLOYEE,
      "Выигранные сделки",
      "Deals won",
      "Число выигранных в периоде сделок сотрудника, включая сделки в валюте без курса (для"
          + " количества курс не нужен). Без сделок — 0. "
          + Texts.WON_RU
          + " "
          + Texts.OWNER_RU,
      "The number of the employee's deals won in the period, deals in a currency without a rate"
          + " included (a count needs no rate). With no deals, 0. "
          + Texts.WON_EN
          + " "
          + Texts.OWNER_EN),
  AVERAGE_DEAL(
      "average_deal",
      KpiUnit.MONEY,
      KpiScope.EMPLOYEE,
      "Средний чек",
      "Average deal",
      "Объём продаж ÷ число сделок, вошедших в объём (сделка в валюте без курса не входит ни в"
          + " делимое, ни в делитель), с округлением до копеек (половина — вверх). Без таких сделок"
          + " показатель не определён: правило на нём ничего не начисляет и сообщает об этом.",
      "Sales volume ÷ the number of deals in that volume (a deal in a currency without a rate is in"
          + " neither), rounded half-up to kopecks. With no such deals the KPI is undefined: a rule on"
          + " it pays nothing and says so."),
  LEAD_CONVERSION(
      "lead_conversion",
      KpiUnit.PERCENT,
      KpiScope.EMPLOYEE,
      "Конверсия лидов",
      "Lead conversion",
      "Лиды сотрудника (ответственный), закрытые в периоде как сконвертированные (семантика"
          + " статуса S) ÷ все его лиды, закрытые в периоде (S и F: сконвертированные и"
          + " некачественные), × 100 %, с округлением до 4 знаков (половина — вверх). Лид закрыт в"
          + " периоде, если дата его закрытия попадает в [начало, конец) периода в часовом поясе"
          + " компании. Без закрытых лидов показатель не определён.",
      "The employee's (responsible) leads closed in the period as converted (status semantics S) ÷"
          + " all his leads closed in the period (S and F: converted and junk), × 100 %, rounded"
          + " half-up to 4 decimals. A lead is closed in the period when its close date falls in the"
          + " period's [start, end) in the company's time zone. With no closed leads the KPI is"
          + " undefined."),
  RETENTION(
      "retention",
      KpiUnit.PERCENT,
      KpiScope.EMPLOYEE,
      "Удержание клиентов",
      "Retention",
      "Клиенты сотрудника с выигранной сделкой за 12 месяцев до начала периода ([начало − 12"
          + " месяцев, начало) в часовом поясе компании), которые снова купили в периоде (у клиента"
          + " есть выигранная в периоде сделка любого сотрудника) ÷ все клиенты сотрудника с"
          + " выигранной сделкой за эти 12 месяцев, × 100 %, с округлением до 4 знаков (половина —"
          + " вверх). Клиент — сотрудника, если им выиграна последняя сделка клиента до начала"
          + " периода (порядок — по моменту выигрыша, при равенстве — по номеру сделки). Без таких"
          + " клиентов показатель не определён. "
          + Texts.WON_RU
          + " "
          + Texts.CLIENT_RU,
      "The employee's clients with a won deal in the 12 months before the period ([start − 12"
          + " months, start) in the company's time zone) who bought again in the period (the client"
          + " has a deal won in the period, by anyone) ÷ all the employee's clients with a won deal"
          + " in those 12 months, × 100 %, rounded half-up to 4 decimals. A client is the"
          + " employee's when the employee won the client's latest deal before the period (ordered"
          + " by the moment of winning, then by deal number). With no such clients the KPI is"
          + " undefined. "
          + Texts.WON_EN
          + " "
          + Texts.CLIENT_EN),
  REPEAT_SALES(
      "repeat_sales",
      KpiUnit.MONEY,
      KpiScope.EMPLOYEE,
      "Повторные продажи",
      "Repeat sales",
      "Сумма выигранных в периоде сделок сотрудника в валюте компании, у клиента которых уже была"
          + " более ранняя выигранная сделка (любого сотрудника; порядок — по моменту выигрыша, при"
          + " равенстве — по номеру сделки). Сделка без клиента повторной не бывает. Без таких"
          + " сделок — 0. "
          + Texts.CLIENT_RU
          + " "
          + Texts.MONEY_RU,
      "The sum, in the company's currency, of the employee's deals won in the period whose client"
          + " already had an earlier won deal (by anyone; ordered by the moment of winning, then by"
          + " deal number). A deal without a client is never a repeat. With no such deals, 0. "
          + Texts.CLIENT_EN
          + " "
          + Texts.MONEY_EN),
  NEW_CLIENTS(
      "new_clients",
      KpiUnit.COUNT,
      KpiScope.EMPLOYEE,
      "Новые клиенты",
      "New clients",
      "Число клиентов, чья первая за всю историю выигранная сделка (порядок — по моменту"
          + " выигрыша, при равенстве — по номеру сделки) выиграна в периоде и принадлежит"
          + " сотруднику. Учитываются только сделки, выигранные сейчас: если первую сделку вновь"
          + " открыли, первой становится следующая. Без таких клиентов — 0. "
          + Texts.CLIENT_RU,
      "The number of clients whose first-ever won deal (ordered by the moment of winning, then by"
          + " deal number) was won in the period and belongs to the employee. Only deals won now"
          + " count: if the first deal is reopened, the next one becomes the first. With no such"
          + " clients, 0. "
          + Texts.CLIENT_EN),
  NPS(
      "nps",
      KpiUnit.NPS_SCORE,
      KpiScope.EMPLOYEE,
      "NPS",
      "NPS",
      "По выигранным в периоде сделкам сотрудника с ответом в поле NPS (0–10): % промоутеров (9–10)"
          + " − % критиков (0–6) от числа ответов, от −100 до 100, с округлением до 4 знаков"
          + " (половина — вверх). Без ответов показатель не определён.",
      "Over the employee's deals won in the period with an answer in the NPS field (0–10): %"
          + " promoters (9–10) − % detractors (0–6) of the answers, from −100 to 100, rounded"
          + " half-up to 4 decimals. With no answers the KPI is undefined."),
  LTV(
      "ltv",
      KpiUnit.MONEY,
      KpiScope.EMPLOYEE,
      "LTV (пожизненная ценность клиента)",
      "LTV (lifetime value)",
      "Сумма всех сделок клиентов сотрудника (любого сотрудника), выигранных до конца периода, в"
          + " валюте компании ÷ число клиентов сотрудника, с округлением до копеек (половина —"
          + " вверх). Клиент — сотрудника, если им выиграна первая за всю историю сделка клиента"
          + " (порядок — по моменту выигрыша, при равенстве — по номеру сделки) и она выиграна до"
          + " конца периода. Без клиентов показатель не определён. Сделка клиента в валюте без курса"
          + " не входит в сумму и учитывается как ошибка; клиент остаётся в делителе. "
          + Texts.MONEY_RU
          + " "
          + Texts.CLIENT_RU,
      "The total, in the company's currency, of all deals (by anyone) of the employee's clients won"
          + " up to the end of the period ÷ the number of the employee's clients, rounded half-up to"
          + " kopecks. A client is the employee's when the employee won the client's first-ever deal"
          + " (ordered by the moment of winning, then by deal number) and it was won before the"
          + " period's end. With no clients the KPI is undefined. A client's deal in a currency"
          + " without a rate is left out of the total and counted as an error; the client stays in"
          + " the divisor. "
          + Texts.MONEY_EN
          + " "
          + Texts.CLIENT_EN),
  ACTIVITY_CALLS(
      "activity_calls",
      KpiUnit.COUNT,
      KpiScope.EMPLOYEE,
      "Звонки",
      "Calls",
      "Число завершённых звонков (дела Битрикс24 типа 2) сотрудника. " + Texts.ACTIVITY_RU,
      "The number of the employee's completed calls (Bitrix24 activities of type 2). "
          + Texts.ACTIVITY_EN),
  ACTIVITY_MEETINGS(
      "activity_meetings",
      KpiUnit.COUNT,
      KpiScope.EMPLOYEE,
      "Встречи",
      "Meetings",
      "Число завершённых встреч (дела Битрикс24 типа 1) сотрудника. " + Texts.ACTIVITY_RU,
      "The number of the employee's completed meetings (Bitrix24 activities of type 1). "
          + Texts.ACTIVITY_EN),
  ACTIVITY_EMAILS(
      "activity_emails",
      KpiUnit.COUNT,
      KpiScope.EMPLOYEE,
      "Письма",
      "E-mails",
      "Число завершённых писем (дела Битрикс24 типа 4) сотрудника. " + Texts.ACTIVITY_RU,
      "The number of the employee's completed e-mails (Bitrix24 activities of type 4). "
          + Texts.ACTIVITY_EN),
  ACTIVITY_TOTAL(
      "activity_total",
      KpiUnit.COUNT,
      KpiScope.EMPLOYEE,
      "Активность",
      "Activity",
      "Число завершённых звонков, встреч и писем сотрудника вместе (дела типов 2, 1 и 4; задачи и"
          + " прочие дела не входят). "
          + Texts.ACTIVITY_RU,
      "The number of the employee's completed calls, meetings and e-mails together (activities of"
          + " types 2, 1 and 4; tasks and other activities are not included). "
          + Texts.ACTIVITY_EN),
  TEAM_PLAN_FULFILMENT(
      "team_plan_fulfilment",
      KpiUnit.PERCENT,
      KpiScope.DEPARTMENT,
      "Выполнение плана отдела",
      "Team plan fulfilment",
      "Объём продаж отдела (сумма объёмов продаж сотрудников отдела и его подотделов) ÷ план"
          + " отдела по объёму на период × 100 %, с округлением до 4 знаков (половина — вверх). Без"
          + " плана или при нулевом плане показатель не определён.",
      "The department's sales volume (the sum of the sales volumes of the employees of the"
          + " department and its sub-departments) ÷ the department's volume plan for the period ×"
          + " 100 %, rounded half-up to 4 decimals. With no plan or a zero plan the KPI is"
          + " undefined."),
  AVERAGE_SALES_PER_MANAGER(
      "average_sales_per_manager",
      KpiUnit.MONEY,
      KpiScope.DEPARTMENT,
      "Средние продажи на менеджера",
      "Average sales per manager",
      "Объём продаж отдела (сумма объёмов продаж его сотрудников и сотрудников его подотделов"
          + " любой глубины; каждый сотрудник учитывается один раз, даже если он в нескольких из"
          + " них) ÷ число активных сотрудников отдела и подотделов (работавших хотя бы один день"
          + " периода: дата приёма не позже последнего дня периода, дата увольнения не раньше"
          + " первого; неизвестные даты не исключают), с округлением до копеек (половина — вверх)."
          + " Принадлежность к отделу — по текущему списку отделов сотрудника в Битрикс24. Без"
          + " активных сотрудников показатель не определён. "
          + Texts.WON_RU
          + " "
          + Texts.MONEY_RU,
      "The department's sales volume (the sum of the sales volumes of its employees and of the"
          + " employees of its sub-departments at any depth; each employee counted once, even when"
          + " in several of them) ÷ the number of active employees of the department and its"
          + " sub-departments (employed on at least one day of the period: hired on or before its"
          + " last day, dismissed on or after its first; unknown dates do not exclude), rounded"
          + " half-up to kopecks. Membership is the employee's current list of departments in"
          + " Bitrix24. With no active employees the KPI is undefined. "
          + Texts.WON_EN
          + " "
          + Texts.MONEY_EN),
  STAFF_TURNOVER(
      "staff_turnover",
      KpiUnit.PERCENT,
      KpiScope.DEPARTMENT,
      "Текучесть кадров",
      "Staff turnover",
      "Сотрудники отдела и его подотделов (каждый один раз), уволенные в периоде (дата"
          + " увольнения от первого до последнего дня периода включительно) ÷ средняя численность"
          + " ((численность на первый день + численность на последний день периода) ÷ 2) × 100 %,"
          + " с округлением до 4 знаков (половина — вверх). Сотрудник числится в день, если дата"
          + " приёма не позже этого дня, а дата увольнения не раньше его (неизвестные даты не"
          + " исключают): в день увольнения он ещё числится. Принадлежность к отделу — по текущему"
          + " списку отделов сотрудника в Битрикс24. При нулевой средней численности показатель не"
          + " определён.",
      "The employees of the department and its sub-departments (each once) dismissed in the period"
          + " (dismissal date from its first to its last day inclusive) ÷ the average headcount"
          + " ((headcount on the first day + headcount on the last day of the period) ÷ 2) × 100 %,"
          + " rounded half-up to 4 decimals. An employee is on the headcount of a day when hired on"
          + " or before it and dismissed on or after it (unknown dates do not exclude): on the day"
          + " of his dismissal he still counts. Membership is the employee's current list of"
          + " departments in Bitrix24. With an average headcount of zero the KPI is undefined."),
  FUNNEL_STAGE_CONVERSION(
      "funnel_stage_conversion",
      KpiUnit.PERCENT,
      KpiScope.DEPARTMENT,
      "Конверсия воронки по стадиям",
      "Funnel conversion per stage",
      "Для каждого отдела (с подотделами любой глубины; сделка — отдела, если её ответственный"
          + " сейчас в нём), каждой воронки и каждой её стадии «в работе» (семантика P): сделки,"
          + " которые после своего первого в периоде входа в стадию (по истории стадий Битрикс24;"
          + " порядок — по времени, при равенстве — по номеру записи истории) вошли в более позднюю"
          + " стадию той же воронки — стадию «в работе» с бо́льшей сортировкой или успешную (S), в"
          + " любой момент до сейчас, — ÷ все сделки, вошедшие в стадию в периоде (в [начало, конец)"
          + " в часовом поясе компании), × 100 %, с округлением до 4 знаков (половина — вверх)."
          + " Переход в проигрышную стадию (F) или назад продвижением не считается, пропуск стадии"
          + " — считается. Стадия, в которую в периоде не входила ни одна сделка отдела, значения не"
          + " имеет.",
      "For each department (with its sub-departments at any depth; a deal is the department's when"
          + " its responsible person is in it now), each pipeline and each in-progress stage"
          + " (semantics P) of it: the deals that, after their first entry into the stage in the"
          + " period (by the Bitrix24 stage history; ordered by time, then by history record"
          + " number), entered a later stage of the same pipeline — an in-progress stage with a"
          + " higher sort or a success stage (S), at any moment up to now — ÷ all deals that entered"
          + " the stage in the period (in [start, end) in the company's time zone), × 100 %, rounded"
          + " half-up to 4 decimals. Moving to a failure stage (F) or back is not progress; skipping"
          + " a stage is. A stage no deal of the department entered in the period has no value.");

  private final String code;
  private final KpiUnit unit;
  private final KpiScope scope;
  private final String nameRu;
  private final String nameEn;
  private final String definitionRu;
  private final String definitionEn;

  Kpi(
      String code,
      KpiUnit unit,
      KpiScope scope,
      String nameRu,
      String nameEn,
      String definitionRu,
      String definitionEn) {
    this.code = code;
    this.unit = unit;
    this.scope = scope;
    this.nameRu = nameRu;
    this.nameEn = nameEn;
    this.definitionRu = definitionRu;
    this.definitionEn = definitionEn;
  }

  /** The stable code (lower snake case), used in storage, the API and formulas. */
  public String code() {
    return code;
  }

  public KpiUnit unit() {
    return unit;
  }

  public KpiScope scope() {
    return scope;
  }

  public String nameRu() {
    return nameRu;
  }

  public String nameEn() {
    return nameEn;
  }

  public String definitionRu() {
    return definitionRu;
  }

  public String definitionEn() {
    return definitionEn;
  }

  public static Optional<Kpi> byCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }

  /** Sentences several definitions share. */
  private static final class Texts {
    static final String WON_RU =
        "Сделка выиграна в периоде, если она сейчас на стадии с семантикой «успех» (S) и её"
            + " последний вход в успешную стадию по истории стадий Битрикс24 попадает в [начало,"
            + " конец) периода в часовом поясе компании; если в истории нет входа в успешную"
            + " стадию, берётся дата закрытия сделки (00:00 в часовом поясе компании). Сделка,"
            + " выигранная и затем вновь открытая или проигранная (сейчас P или F), не считается ни"
            + " в каком периоде.";
    static final String WON_EN =
        "A deal is won in a period when it is now in a stage with success semantics (S) and its"
            + " latest entry into a success stage in the Bitrix24 stage history falls in the"
            + " period's [start, end) in the company's time zone; when the history has no entry"
            + " into a success stage, the deal's close date is used (00:00 in the company's time"
            + " zone). A deal won and then reopened or lost (now P or F) counts in no period.";
    static final String MONEY_RU =
        "Сумма сделки пересчитывается в валюту компании по курсам портала: сумма × курс ÷ номинал"
            + " валюты сделки, делённое на курс ÷ номинал валюты компании (для базовой валюты"
            + " портала это 1), и округляется до копеек (половина — вверх) по каждой сделке до"
            + " суммирования; сделка в валюте компании не пересчитывается. Сделка в валюте без"
            + " курса не входит в денежные показатели и учитывается как ошибка.";
    static final String MONEY_EN =
        "A deal's amount is converted to the company's currency at the portal's rates: amount ×"
            + " rate ÷ nominal of the deal's currency, divided by rate ÷ nominal of the company's"
            + " currency (1 for the portal's base currency), and rounded half-up to kopecks per"
            + " deal before summing; a deal in the company's currency is not converted. A deal in a"
            + " currency without a rate is left out of the money KPIs and counted as an error.";
    static final String OWNER_RU =
        "Сделка относится к сотруднику, который ответственный за неё сейчас.";
    static final String OWNER_EN = "A deal belongs to the employee who is responsible for it now.";
    static final String CLIENT_RU =
        "Клиент сделки — её компания, а если компании нет — контакт; сделка без компании и"
            + " контакта клиента не имеет.";
    static final String CLIENT_EN =
        "A deal's client is its company, or its contact when it has no company; a deal with"
            + " neither has no client.";
    static final String ACTIVITY_RU =
        "Дело относится к ответственному за него и к периоду, в [начало, конец) которого в"
            + " часовом поясе компании попадает время его окончания. Без дел — 0.";
    static final String ACTIVITY_EN =
        "An activity belongs to its responsible person and to the period whose [start, end) in"
            + " the company's time zone contains its end time. With no activities, 0.";

    private Texts() {}
  }
}
