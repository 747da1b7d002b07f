package app.premia.compensation.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The templates the consultancy's library starts with: the four role templates of the seed's table
 * (acquisition, account, VIP, head of sales) and its five scheme patterns, with the seed's default
 * numbers (5 % over 1 000 000 ₽, 5 000 ₽ per deal, +2 % on 10 % average-deal growth, 3 % above 20 %
 * conversion, 1 % of repeat sales, 10 000 ₽ above NPS 70, 3 000 ₽ per new client). Each passes
 * {@link SchemeValidator} with the KPI catalogue (a test keeps it so).
 */
public final class TemplateLibraryDefaults {

  private TemplateLibraryDefaults() {}

  /** The nine templates, role templates first. */
  public static List<TemplateSeed> templates() {
    return List.of(
        new TemplateSeed(
            "acquisition_manager",
            "Менеджер по привлечению новых клиентов",
            "Acquisition manager",
            SalesRole.ACQUISITION,
            "Оклад 60 000 ₽ + 3 000 ₽ за каждого нового клиента, совершившего покупку, + 3 % от"
                + " объёма продаж при конверсии лидов выше 20 %.",
            "Base 60,000 ₽ + 3,000 ₽ per new client who made a purchase + 3 % of sales when lead"
                + " conversion is above 20 %.",
            scheme("60000", newClientBonus(), conversionBonus())),
        new TemplateSeed(
            "account_manager",
            "Менеджер по работе с существующими клиентами",
            "Account manager",
            SalesRole.ACCOUNT,
            "Оклад 70 000 ₽ + 5 % от объёма продаж, если он больше 1 000 000 ₽, + 1 % от повторных"
                + " продаж + 10 000 ₽ при NPS выше 70.",
            "Base 70,000 ₽ + 5 % of sales when they exceed 1,000,000 ₽ + 1 % of repeat sales +"
                + " 10,000 ₽ when NPS is above 70.",
            scheme("70000", volumeBonus(), repeatSalesBonus(), npsBonus())),
        new TemplateSeed(
            "vip_manager",
            "Менеджер по работе с VIP-клиентами",
            "VIP manager",
            SalesRole.VIP,
            "Высокий оклад 100 000 ₽ + 3 % от объёма продаж + квартальная премия 30 000 ₽ за"
                + " удержание клиентов не ниже 80 %.",
            "A high base of 100,000 ₽ + 3 % of sales + a quarterly 30,000 ₽ loyalty bonus for a"
                + " retention of 80 % or more.",
            scheme(
                "100000",
                component(
                    "vip_sales_bonus",
                    "Процент с продаж",
                    Frequency.MONTHLY,
                    Measure.self("sales_volume"),
                    new PercentRule(d("3"))),
                component(
                    "loyalty_bonus",
                    "Квартальная премия за удержание клиентов",
                    Frequency.QUARTERLY,
                    Measure.self("retention"),
                    new FixedRule(d("30000")),
                    gate(Measure.self("retention"), Comparator.GE, "80")))),
        new TemplateSeed(
            "head_of_sales",
            "Руководитель отдела продаж",
            "Head of sales",
            SalesRole.HEAD_OF_SALES,
            "Оклад 150 000 ₽ + 50 000 ₽ за выполнение плана отдела (не ниже 100 %) + 1 000 ₽ за"
                + " каждый процент перевыполнения (не больше 50 000 ₽) + квартальная премия 20 000 ₽"
                + " за текучесть кадров не выше 10 %.",
            "Base 150,000 ₽ + 50,000 ₽ for the team plan (100 % or more) + 1,000 ₽ per percentage"
                + " point above it (at most 50,000 ₽) + a quarterly 20,000 ₽ when staff turnover is"
                + " 10 % or less.",
            scheme(
                "150000",
                component(
                    "team_plan_bonus",
                    "Премия за выполнение плана отдела",
                    Frequency.MONTHLY,
                    Measure.team("team_plan_fulfilment"),
                    new FixedRule(d("50000")),
                    gate(Measure.team("team_plan_fulfilment"), Comparator.GE, "100")),
                new Component(
                    "team_overachievement",
                    "Ускоритель за перевыполнение плана отдела",
                    Frequency.MONTHLY,
                    Measure.team("team_plan_fulfilment"),
                    new FormulaRule("MAX(0, measure - 100) * 1000"),
                    List.of(),
                    d("50000"),
                    null),
                component(
                    "team_development_bonus",
                    "Квартальная премия за стабильность команды",
                    Frequency.QUARTERLY,
                    Measure.team("staff_turnover"),
                    new FixedRule(d("20000")),
                    gate(Measure.team("staff_turnover"), Comparator.LE, "10")))),
        new TemplateSeed(
            "salary_plus_percent",
            "Оклад + процент от продаж",
            "Salary + percent of sales",
            SalesRole.CUSTOM,
            "Оклад 50 000 ₽ + 5 % от объёма продаж.",
            "Base 50,000 ₽ + 5 % of sales.",
            scheme(
                "50000",
                component(
                    "sales_percent",
                    "Процент от продаж",
                    Frequency.MONTHLY,
                    Measure.self("sales_volume"),
                    new PercentRule(d("5"))))),
        new TemplateSeed(
            "progressive_scale",
            "Процент от продаж по прогрессивной шкале",
            "Percent of sales on a progressive scale",
            SalesRole.CUSTOM,
            "Оклад 50 000 ₽ + процент от продаж по ступеням: до 500 000 ₽ — 3 %, от 500 000 ₽ до"
                + " 1 000 000 ₽ — 5 %, свыше 1 000 000 ₽ — 7 % (каждая часть по своей ставке).",
            "Base 50,000 ₽ + a percent of sales by bands: up to 500,000 ₽ 3 %, from 500,000 ₽ to"
                + " 1,000,000 ₽ 5 %, above 1,000,000 ₽ 7 % (each band at its own rate).",
            scheme(
                "50000",
                component(
                    "progressive_sales",
                    "Процент от продаж по шкале",
                    Frequency.MONTHLY,
                    Measure.self("sales_volume"),
                    new TieredRule(
                        TierMode.MARGINAL,
                        List.of(
                            new Tier(d("0"), true, d("3")),
                            new Tier(d("500000"), true, d("5")),
                            new Tier(d("1000000"), true, d("7"))))))),
        new TemplateSeed(
            "kpi_bonus_deal_premiums",
            "KPI-премии и премии за сделки",
            "KPI bonuses and deal premiums",
            SalesRole.CUSTOM,
            "Оклад 60 000 ₽ и все семь правил из практики: 5 % от продаж свыше 1 000 000 ₽; 5 000 ₽"
                + " за выигранную сделку; +2 % от продаж при росте среднего чека на 10 %; 3 % от"
                + " продаж при конверсии выше 20 %; 1 % от повторных продаж; 10 000 ₽ при NPS выше"
                + " 70; 3 000 ₽ за нового клиента.",
            "Base 60,000 ₽ and all seven rules from practice: 5 % of sales above 1,000,000 ₽;"
                + " 5,000 ₽ per won deal; +2 % of sales when the average deal grew 10 %; 3 % of sales"
                + " when conversion is above 20 %; 1 % of repeat sales; 10,000 ₽ when NPS is above"
                + " 70; 3,000 ₽ per new client.",
            scheme(
                "60000",
                volumeBonus(),
                component(
                    "deal_premium",
                    "Премия за выигранную сделку",
                    Frequency.MONTHLY,
                    Measure.self("deals_won"),
                    new PerUnitRule(d("5000"))),
                component(
                    "growth_bonus",
                    "Премия за рост среднего чека",
                    Frequency.MONTHLY,
                    Measure.self("sales_volume"),
                    new PercentRule(d("2")),
                    new Gate(
                        Measure.self("average_deal"),
                        GateBasis.GROWTH_PERCENT,
                        Comparator.GE,
                        d("10"))),
                conversionBonus(),
                repeatSalesBonus(),
                npsBonus(),
                newClientBonus())),
        new TemplateSeed(
            "sales_contest",
            "Конкурс продаж",
            "Sales contest",
            SalesRole.CUSTOM,
            "Лучшие по объёму продаж за квартал получают призы 50 000 ₽, 30 000 ₽ и 20 000 ₽."
                + " Задайте даты, чтобы сделать конкурс разовым.",
            "The best three by sales volume of the quarter win 50,000 ₽, 30,000 ₽ and 20,000 ₽."
                + " Set dates to make it a one-off contest.",
            scheme(
                "50000",
                component(
                    "quarter_best",
                    "Лучший по продажам квартала",
                    Frequency.QUARTERLY,
                    Measure.self("sales_volume"),
                    new RankingRule(
                        true, List.of(d("50000"), d("30000"), d("20000")), null, null)))),
        new TemplateSeed(
            "gamification",
            "Геймификация: рейтинг активности",
            "Gamification: activity rating",
            SalesRole.CUSTOM,
            "Самый активный за месяц (звонки, встречи, письма) получает 10 000 ₽; каждая"
                + " проведённая встреча — 200 ₽.",
            "The most active of the month (calls, meetings, e-mails) wins 10,000 ₽; every meeting"
                + " held pays 200 ₽.",
            scheme(
                "50000",
                component(
                    "activity_leader",
                    "Лидер активности месяца",
                    Frequency.MONTHLY,
                    Measure.self("activity_total"),
                    new RankingRule(true, List.of(d("10000")), null, null)),
                component(
                    "meeting_premium",
                    "Премия за встречу",
                    Frequency.MONTHLY,
                    Measure.self("activity_meetings"),
                    new PerUnitRule(d("200"))))));
  }

  private static Component volumeBonus() {
    return component(
        "volume_bonus",
        "Премия с объёма продаж",
        Frequency.MONTHLY,
        Measure.self("sales_volume"),
        new PercentRule(d("5")),
        gate(Measure.self("sales_volume"), Comparator.GT, "1000000"));
  }

  private static Component conversionBonus() {
    return component(
        "conversion_bonus",
        "Премия за конверсию лидов",
        Frequency.MONTHLY,
        Measure.self("sales_volume"),
        new PercentRule(d("3")),
        gate(Measure.self("lead_conversion"), Comparator.GT, "20"));
  }

  private static Component repeatSalesBonus() {
    return component(
        "repeat_sales_bonus",
        "Премия с повторных продаж",
        Frequency.MONTHLY,
        Measure.self("repeat_sales"),
        new PercentRule(d("1")));
  }

  private static Component npsBonus() {
    return component(
        "nps_bonus",
        "Премия за лояльность клиентов (NPS)",
        Frequency.MONTHLY,
        Measure.self("nps"),
        new FixedRule(d("10000")),
        gate(Measure.self("nps"), Comparator.GT, "70"));
  }

  private static Component newClientBonus() {
    return component(
        "new_client_bonus",
        "Премия за нового клиента",
        Frequency.MONTHLY,
        Measure.self("new_clients"),
        new PerUnitRule(d("3000")));
  }

  private static SchemeDefinition scheme(String baseSalary, Component... components) {
    return new SchemeDefinition(d(baseSalary), List.of(components), null, null, null);
  }

  private static Component component(
      String key, String name, Frequency frequency, Measure measure, Rule rule, Gate... gates) {
    return new Component(key, name, frequency, measure, rule, List.of(gates), null, null);
  }

  private static Gate gate(Measure measure, Comparator comparator, String threshold) {
    return new Gate(measure, GateBasis.VALUE, comparator, d(threshold));
  }

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }
}
