package app.premia.compensation.domain.regulations;

import app.premia.compensation.domain.Component;
import app.premia.compensation.domain.EmployeeResult;
import app.premia.compensation.domain.Engine;
import app.premia.compensation.domain.Line;
import app.premia.compensation.domain.SalesRole;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.compensation.domain.TemplateLibraryDefaults;
import app.premia.compensation.domain.TemplateSeed;
import app.premia.compensation.domain.Text;
import app.premia.kpi.api.KpiDescriptor;
import app.premia.kpi.api.KpiUnitKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Test data of the regulations: the KPI catalogue of the domain tests (codes, units, team flags and
 * plannability as kpi.api describes them, with definitions), schemes in force, inputs.
 */
final class RegFixtures {

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
          kpi("ltv", KpiUnitKind.MONEY, false, true, "LTV", "LTV"),
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
              "Staff turnover"));

  static final CompanyDetails COMPANY =
      new CompanyDetails(
          "ООО «Альфа»",
          "7701234567",
          "15-П",
          LocalDate.of(2026, 2, 20),
          "г. Москва",
          "Генеральный директор",
          "И. И. Иванов");

  static final char NB = '\u00A0';

  private RegFixtures() {}

  static KpiDescriptor kpi(
      String code, KpiUnitKind unit, boolean department, boolean plannable, String ru, String en) {
    return new KpiDescriptor(
        code,
        unit,
        department,
        plannable,
        ru,
        en,
        "определение показателя «" + ru + "» как его измеряет Premia",
        "the definition of “" + en + "” as Premia measures it");
  }

  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  /** Writes the no-break spaces the RU formats use, so test sources can use ordinary spaces. */
  static String nb(String s) {
    return s.replaceAll("(?<=\\d) (?=\\d)", String.valueOf(NB))
        .replaceAll(" (?=[₽%])", String.valueOf(NB));
  }

  static UUID id(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static SchemeInForce inForce(String name, SalesRole role, SchemeDefinition d, int version) {
    return new SchemeInForce(
        id("scheme:" + name),
        name,
        role,
        id("version:" + name + ":" + version),
        version,
        LocalDate.of(2026, 1, 1),
        d);
  }

  static SchemeInForce inForce(TemplateSeed t) {
    return inForce(t.nameRu(), t.role(), t.definition(), 1);
  }

  static RegulationsInput input(int number, LocalDate from, List<SchemeInForce> schemes) {
    return new RegulationsInput(COMPANY, number, from, schemes, CATALOGUE, List.of(), "₽");
  }

  /** One document per template (each template its own scheme). */
  static List<RegulationsDocument> perTemplate() {
    List<RegulationsDocument> out = new ArrayList<>();
    for (TemplateSeed t : TemplateLibraryDefaults.templates()) {
      out.add(RegulationsWriter.write(input(1, LocalDate.of(2026, 4, 1), List.of(inForce(t)))));
    }
    return out;
  }

  /** All templates in one document. */
  static RegulationsDocument allTemplates() {
    List<SchemeInForce> schemes = new ArrayList<>();
    for (TemplateSeed t : TemplateLibraryDefaults.templates()) {
      schemes.add(inForce(t));
    }
    return RegulationsWriter.write(input(1, LocalDate.of(2026, 4, 1), schemes));
  }

  /** The whole document as text in a language: titles, clauses, items, examples. */
  static String text(RegulationsDocument doc, String lang) {
    StringBuilder out = new StringBuilder();
    out.append(doc.title().in(lang)).append('\n');
    for (DocSection s : doc.sections()) {
      out.append('\n').append(s.number()).append(". ").append(s.title().in(lang)).append('\n');
      for (DocBlock b : s.blocks()) {
        out.append(block(b, lang)).append('\n');
      }
    }
    return out.toString();
  }

  static String block(DocBlock b, String lang) {
    if (b instanceof DocBlock.Clause c) {
      return "  " + c.text().in(lang);
    } else if (b instanceof DocBlock.Items i) {
      return String.join("\n", i.items().stream().map(t -> "    - " + t.in(lang)).toList());
    } else if (b instanceof DocBlock.Formula f) {
      return "    [" + f.text().in(lang) + "]";
    } else if (b instanceof DocBlock.Example e) {
      StringBuilder s = new StringBuilder("    > " + e.caption().in(lang));
      for (Text step : e.steps()) {
        s.append("\n    >   ").append(step.in(lang));
      }
      return s.append("\n    > ").append(e.result().in(lang)).toString();
    } else if (b instanceof DocBlock.Markdown m) {
      return m.in(lang);
    }
    throw new AssertionError(b);
  }

  /** The engine's amount for an example, evaluated afresh. */
  static BigDecimal evaluate(WorkedExample e) {
    EmployeeResult r =
        new Engine(CATALOGUE, "₽").evaluate(e.definition(), e.month(), e.participants()).get(0);
    if (e.componentKey() == null) {
      return r.variablePay();
    }
    return r.lines().stream()
        .filter(l -> l.componentKey().equals(e.componentKey()))
        .map(Line::amount)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line " + e.componentKey()));
  }

  static Component component(SchemeDefinition d, String key) {
    return d.components().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
  }
}
