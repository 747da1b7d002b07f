package app.premia.compensation.application;

import app.premia.compensation.domain.Text;
import app.premia.compensation.domain.regulations.CompanyDetails;
import app.premia.compensation.domain.regulations.DocBlock;
import app.premia.compensation.domain.regulations.DocSection;
import app.premia.compensation.domain.regulations.RegulationsDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Regulations documents built by hand for the rendering tests (not by the writer): Russian text
 * with «ё», the rouble sign, guillemets and amounts like «1 234 567,89 ₽» (no-break spaces between
 * the groups), every kind of block, and a tenant section whose Markdown tries to inject a script,
 * an event handler, a {@code javascript:} link and a remote image.
 */
final class RegulationsRenderingTestDocument {

  static final String NBSP = "\u00A0";

  /** «1 234 567,89 ₽» with no-break spaces, as the writer prints amounts. */
  static final String AMOUNT = "1" + NBSP + "234" + NBSP + "567,89" + NBSP + "₽";

  static final CompanyDetails ALFA =
      new CompanyDetails(
          "ООО «Альфа»",
          "7701234567",
          "15-П",
          LocalDate.of(2026, 4, 20),
          "г. Москва",
          "Генеральный директор",
          "И. И. Иванов");

  /** The tenant's Markdown: headings, emphasis, a list, and four attempts at markup. */
  static final String HOSTILE_MARKDOWN =
      """
      # Порядок учёта возвратов

      Возвраты учитываются в **объёме продаж** месяца возврата, *без исключений*.

      <script>alert('ё')</script>

      <b onclick="steal()">жирный</b> текст и [ссылка](javascript:alert(1)) на «правила».

      ![схема](http://example.invalid/scheme.png)

      - первый пункт списка;
      - второй пункт: 10 % от 500 000 ₽.
      """;

  private RegulationsRenderingTestDocument() {}

  static Text t(String ru, String en) {
    return new Text(ru, en);
  }

  /** A document of five sections, every kind of block among them. */
  static RegulationsDocument sample() {
    return new RegulationsDocument(
        t("Положение о премировании работников отдела продаж", "Sales staff bonus regulations"),
        ALFA,
        2,
        LocalDate.of(2026, 5, 1),
        List.of(general(), terms(), role(), tenant(), closing()),
        List.of());
  }

  private static DocSection general() {
    return new DocSection(
        "general",
        1,
        t("Общие положения", "General provisions"),
        List.of(
            new DocBlock.Clause(
                t(
                    "Настоящее Положение определяет порядок учёта объёма продаж, расчёта и"
                        + " выплаты премий работникам отдела продаж ООО «Альфа».",
                    "These regulations set out how the sales volume is recorded and how bonuses"
                        + " of the sales staff of Alfa LLC are computed and paid.")),
            new DocBlock.Clause(
                t(
                    "Положение распространяется на работников следующих должностей:",
                    "The regulations apply to employees in the following positions:")),
            new DocBlock.Items(
                List.of(
                    t("менеджер по работе с клиентами;", "account manager;"),
                    t("старший менеджер;", "senior manager;"),
                    t("руководитель отдела продаж.", "head of sales."))),
            new DocBlock.Clause(
                t(
                    "Премия не является гарантированной частью заработной платы и начисляется при"
                        + " выполнении условий, установленных разделом 3.",
                    "The bonus is not a guaranteed part of the salary and accrues when the"
                        + " conditions of section 3 are met."))),
        false);
  }

  private static DocSection terms() {
    return new DocSection(
        "terms",
        2,
        t("Термины и определения", "Terms and definitions"),
        List.of(
            new DocBlock.Clause(
                t(
                    "Объём продаж — сумма выигранных сделок за месяц, в рублях, без НДС.",
                    "Sales volume: the sum of deals won in the month, in roubles, net of VAT.")),
            new DocBlock.Clause(
                t(
                    "План — объём продаж, установленный работнику на месяц.",
                    "Target: the sales volume set for the employee for the month."))),
        false);
  }

  private static DocSection role() {
    return new DocSection(
        "role:manager",
        3,
        t("Премия менеджера по работе с клиентами", "Account manager's bonus"),
        List.of(
            new DocBlock.Clause(
                t(
                    "Премия начисляется ежемесячно в размере 5 % объёма продаж, превышающего"
                        + " 1"
                        + NBSP
                        + "000"
                        + NBSP
                        + "000,00"
                        + NBSP
                        + "₽.",
                    "The bonus accrues monthly at 5 % of the sales volume above RUB 1,000,000.00.")),
            new DocBlock.Formula(
                t(
                    "Премия = 5 % × (Объём продаж − 1"
                        + NBSP
                        + "000"
                        + NBSP
                        + "000,00"
                        + NBSP
                        + "₽)",
                    "Bonus = 5 % × (Sales volume − 1,000,000.00 ₽)")),
            new DocBlock.Example(
                t("Пример 1. Расчёт премии за май 2026 г.", "Example 1. The bonus for May 2026."),
                List.of(
                    t(
                        "Объём продаж: 25" + NBSP + "691" + NBSP + "351,80" + NBSP + "₽.",
                        "Sales volume: 25,691,351.80 ₽."),
                    t(
                        "Превышение: 25"
                            + NBSP
                            + "691"
                            + NBSP
                            + "351,80 − 1"
                            + NBSP
                            + "000"
                            + NBSP
                            + "000,00 = 24"
                            + NBSP
                            + "691"
                            + NBSP
                            + "351,80"
                            + NBSP
                            + "₽.",
                        "Excess: 25,691,351.80 − 1,000,000.00 = 24,691,351.80 ₽.")),
                t(
                    "Премия: "
                        + AMOUNT
                        + " (один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь"
                        + " рублей 89 копеек).",
                    "Bonus: 1,234,567.89 ₽.")),
            new DocBlock.Clause(
                t(
                    "Премия выплачивается не позднее 15-го числа месяца, следующего за отчётным.",
                    "The bonus is paid no later than the 15th of the following month."))),
        false);
  }

  private static DocSection tenant() {
    return new DocSection(
        "own:returns",
        4,
        t("Учёт возвратов", "Returns"),
        List.of(new DocBlock.Markdown(HOSTILE_MARKDOWN, null)),
        true);
  }

  private static DocSection closing() {
    return new DocSection(
        "final",
        5,
        t("Заключительные положения", "Final provisions"),
        List.of(
            new DocBlock.Clause(
                t(
                    "Работник знакомится с Положением под подпись: «Ознакомлен»; объём"
                        + " обязательств сторон определяется трудовым договором.",
                    "Employees acknowledge the regulations by signing «Acknowledged».")),
            new DocBlock.Clause(
                t(
                    "Ёмкость рынка и её изменения на расчёт премии не влияют.",
                    "Market capacity does not affect the bonus."))),
        false);
  }

  /**
   * A long document for the timing check: {@code sections} sections of ten clauses, a list, a
   * formula and an example each (about 1.3 pages per section).
   */
  static RegulationsDocument longDocument(int sections) {
    List<DocSection> list = new ArrayList<>();
    for (int s = 1; s <= sections; s++) {
      List<DocBlock> blocks = new ArrayList<>();
      for (int c = 1; c <= 10; c++) {
        blocks.add(
            new DocBlock.Clause(
                t(
                    "Положение "
                        + c
                        + " раздела "
                        + s
                        + ": премия начисляется за выполнение плана по объёму продаж, учёт"
                        + " сделок ведётся в CRM, сумма округляется до копейки по правилам"
                        + " математического округления; выплата не превышает "
                        + AMOUNT
                        + " в месяц.",
                    "Clause " + c + " of section " + s + ": the bonus accrues for the target.")));
      }
      blocks.add(
          new DocBlock.Items(
              List.of(t("первое условие;", "first;"), t("второе условие.", "second."))));
      blocks.add(new DocBlock.Formula(t("Премия = 5 % × Объём продаж", "Bonus = 5 % × Sales")));
      blocks.add(
          new DocBlock.Example(
              t("Пример " + s + ".", "Example " + s + "."),
              List.of(t("Объём продаж: " + AMOUNT + ".", "Sales: 1,234,567.89 ₽.")),
              t("Премия: 61" + NBSP + "728,39" + NBSP + "₽.", "Bonus: 61,728.39 ₽.")));
      list.add(new DocSection("s" + s, s, t("Раздел " + s, "Section " + s), blocks, false));
    }
    return new RegulationsDocument(
        t("Положение о премировании работников отдела продаж", "Sales staff bonus regulations"),
        ALFA,
        1,
        LocalDate.of(2026, 5, 1),
        list,
        List.of());
  }
}
