package app.premia.compensation.domain;

import app.premia.kpi.api.KpiDescriptor;
import app.premia.kpi.api.KpiPeriod;
import app.premia.kpi.api.KpiUnitKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data: the KPI catalogue as kpi.api describes it (codes, units, team flags and plannability
 * of app.premia.kpi.domain.Kpi and Plans.PLANNABLE, written out here because compensation may only
 * see kpi.api), a lookup of values and plans, participants and definitions.
 */
final class Fixtures {

  static final List<KpiDescriptor> CATALOGUE =
      List.of(
          kpi("sales_volume", KpiUnitKind.MONEY, false, true, "Объём продаж", "Sales volume"),
          kpi("deals_won", KpiUnitKind.COUNT, false, true, "Выигранные сделки", "Deals won"),
          kpi("average_deal", KpiUnitKind.MONEY, false, true, "Средний чек", "Average deal"),
          kpi(
              "lead_conversion",
              KpiUnitKind.PERCENT,
              false,
              true,
              "Конверсия лидов",
              "Lead conversion"),
          kpi("retention", KpiUnitKind.PERCENT, false, true, "Удержание клиентов", "Retention"),
          kpi("repeat_sales", KpiUnitKind.MONEY, false, true, "Повторные продажи", "Repeat sales"),
          kpi("new_clients", KpiUnitKind.COUNT, false, true, "Новые клиенты", "New clients"),
          kpi("nps", KpiUnitKind.SCORE, false, false, "NPS", "NPS"),
          kpi(
              "ltv",
              KpiUnitKind.MONEY,
              false,
              true,
              "LTV (пожизненная ценность клиента)",
              "LTV (lifetime value)"),
          kpi("activity_calls", KpiUnitKind.COUNT, false, true, "Звонки", "Calls"),
          kpi("activity_meetings", KpiUnitKind.COUNT, false, true, "Встречи", "Meetings"),
          kpi("activity_emails", KpiUnitKind.COUNT, false, true, "Письма", "E-mails"),
          kpi("activity_total", KpiUnitKind.COUNT, false, true, "Активность", "Activity"),
          kpi(
              "team_plan_fulfilment",
              KpiUnitKind.PERCENT,
              true,
              false,
              "Выполнение плана отдела",
              "Team plan fulfilment"),
          kpi(
              "average_sales_per_manager",
              KpiUnitKind.MONEY,
              true,
              true,
              "Средние продажи на менеджера",
              "Average sales per manager"),
          kpi(
              "staff_turnover",
              KpiUnitKind.PERCENT,
              true,
              false,
              "Текучесть кадров",
              "Staff turnover"),
          kpi(
              "funnel_stage_conversion",
              KpiUnitKind.PERCENT,
              true,
              false,
              "Конверсия воронки по стадиям",
              "Funnel conversion per stage"));

  static final KpiPeriod MARCH = KpiPeriod.month(2026, 3);
  static final KpiPeriod FEBRUARY = KpiPeriod.month(2026, 2);
  static final KpiPeriod Q1 =
      KpiPeriod.containing(LocalDate.of(2026, 1, 1), app.premia.kpi.api.KpiPeriodKind.QUARTER);
  static final char NB = '\u00A0';

  private Fixtures() {}

  static KpiDescriptor kpi(
      String code, KpiUnitKind unit, boolean department, boolean plannable, String ru, String en) {
    return new KpiDescriptor(code, unit, department, plannable, ru, en, ru, en);
  }

  static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  /** «1 250 000,00 ₽» with no-break spaces written as ordinary ones in the test source. */
  static String rub(String withSpaces) {
    return withSpaces.replace(' ', NB) + NB + "₽";
  }

  /**
   * Writes the no-break spaces the RU formats use: between digit groups and before ₽ and %, so test
   * sources can use ordinary spaces.
   */
  static String nb(String s) {
    return s.replaceAll("(?<=\\d) (?=\\d)", String.valueOf(NB))
        .replaceAll(" (?=[₽%])", String.valueOf(NB));
  }

  static Engine engine() {
    return new Engine(CATALOGUE);
  }

  /** A KPI lookup filled by tests. */
  static final class Lookup implements KpiLookup {
    private final Map<String, KpiValue> values = new HashMap<>();
    private final Map<String, BigDecimal> plans = new HashMap<>();

    Lookup value(String kpi, KpiPeriod period, String number, long facts) {
      values.put(key(kpi, Subject.SELF, period), KpiValue.of(d(number), facts));
      return this;
    }

    Lookup team(String kpi, KpiPeriod period, String number, long facts) {
      values.put(key(kpi, Subject.TEAM, period), KpiValue.of(d(number), facts));
      return this;
    }

    Lookup raw(String kpi, Subject subject, KpiPeriod period, KpiValue value) {
      values.put(key(kpi, subject, period), value);
      return this;
    }

    Lookup plan(String kpi, KpiPeriod period, String target) {
      plans.put(key(kpi, Subject.SELF, period), d(target));
      return this;
    }

    Lookup teamPlan(String kpi, KpiPeriod period, String target) {
      plans.put(key(kpi, Subject.TEAM, period), d(target));
      return this;
    }

    @Override
    public KpiValue value(String kpi, Subject subject, KpiPeriod period) {
      return values.getOrDefault(key(kpi, subject, period), KpiValue.undefined());
    }

    @Override
    public BigDecimal plan(String kpi, Subject subject, KpiPeriod period) {
      return plans.get(key(kpi, subject, period));
    }

    private static String key(String kpi, Subject subject, KpiPeriod period) {
      return kpi + "/" + subject + "/" + period.kind() + "/" + period.firstDay();
    }
  }

  static Lookup lookup() {
    return new Lookup();
  }

  /** On the version all along, hired long ago, not a head. */
  static Participant participant(long id, Lookup lookup) {
    return new Participant(
        id,
        "Сотрудник " + id,
        LocalDate.of(2020, 1, 10),
        LocalDate.of(2020, 1, 10),
        null,
        false,
        lookup);
  }

  static Participant head(long id, Lookup lookup) {
    return new Participant(
        id,
        "Руководитель " + id,
        LocalDate.of(2020, 1, 10),
        LocalDate.of(2020, 1, 10),
        null,
        true,
        lookup);
  }

  static Participant onVersion(long id, LocalDate from, LocalDate to, Lookup lookup) {
    return new Participant(id, "Сотрудник " + id, from, from, to, false, lookup);
  }

  static Component monthly(String key, Measure measure, Rule rule, Gate... gates) {
    return new Component(
        key, key, Frequency.MONTHLY, measure, rule, Arrays.asList(gates), null, null);
  }

  static Component limited(
      String key, Measure measure, Rule rule, BigDecimal cap, BigDecimal floor, Gate... gates) {
    return new Component(
        key, key, Frequency.MONTHLY, measure, rule, Arrays.asList(gates), cap, floor);
  }

  static SchemeDefinition scheme(String base, Component... components) {
    return new SchemeDefinition(d(base), List.of(components), null, null, null);
  }

  static Gate gate(String kpi, Comparator comparator, String threshold) {
    return new Gate(Measure.self(kpi), GateBasis.VALUE, comparator, d(threshold));
  }

  /** Evaluates one participant in March 2026. */
  static EmployeeResult march(SchemeDefinition scheme, Participant p) {
    return engine().evaluate(scheme, MARCH, List.of(p)).get(0);
  }

  static Line only(EmployeeResult r) {
    if (r.lines().size() != 1) {
      throw new AssertionError("expected one line, got " + r.lines());
    }
    return r.lines().get(0);
  }

  static String ru(Line line) {
    return String.join("\n", line.explanation().stream().map(Text::ru).toList());
  }

  static String en(Line line) {
    return String.join("\n", line.explanation().stream().map(Text::en).toList());
  }
}
