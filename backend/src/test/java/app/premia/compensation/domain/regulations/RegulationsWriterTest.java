package app.premia.compensation.domain.regulations;

import static app.premia.compensation.domain.regulations.RegFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.compensation.domain.Component;
import app.premia.compensation.domain.Gate;
import app.premia.compensation.domain.SalesRole;
import app.premia.compensation.domain.SchemeValidator;
import app.premia.compensation.domain.TemplateLibraryDefaults;
import app.premia.compensation.domain.TemplateSeed;
import app.premia.compensation.domain.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegulationsWriterTest {

  private static final List<String> GENERATED_TAIL =
      List.of("payout", "adaptation", "adjustments", "inquiries");

  private static List<String> keys(RegulationsDocument doc) {
    return doc.sections().stream().map(DocSection::key).toList();
  }

  private static DocSection section(RegulationsDocument doc, String key) {
    return doc.sections().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
  }

  private static String sectionText(DocSection s, String lang) {
    StringBuilder out = new StringBuilder(s.title().in(lang)).append('\n');
    s.blocks().forEach(b -> out.append(block(b, lang)).append('\n'));
    return out.toString();
  }

  @Test
  void everyTemplateGivesAllSectionsInOrderInBothLanguages() {
    for (TemplateSeed t : TemplateLibraryDefaults.templates()) {
      SchemeInForce s = inForce(t);
      RegulationsDocument doc =
          RegulationsWriter.write(input(3, LocalDate.of(2026, 4, 1), List.of(s)));
      List<String> expected = new ArrayList<>(List.of("general", "terms", "role:" + s.schemeId()));
      expected.addAll(GENERATED_TAIL);
      expected.add("final");
      assertEquals(expected, keys(doc), t.code());
      for (int i = 0; i < doc.sections().size(); i++) {
        DocSection section = doc.sections().get(i);
        assertEquals(i + 1, section.number(), t.code());
        assertFalse(section.blocks().isEmpty(), t.code() + " " + section.key());
        assertFalse(section.tenantWritten());
      }
      assertEquals(3, doc.number());
      assertEquals(COMPANY, doc.company());
      for (String lang : List.of("ru", "en")) {
        String text = text(doc, lang);
        assertFalse(text.contains("null"), t.code() + " " + lang + ":\n" + text);
        assertFalse(text.contains("\u0000"), t.code());
        for (DocSection section : doc.sections()) {
          assertFalse(section.title().in(lang).isBlank());
          for (DocBlock b : section.blocks()) {
            assertFalse(block(b, lang).isBlank(), t.code() + " " + section.key());
          }
        }
        String role = sectionText(section(doc, "role:" + s.schemeId()), lang);
        for (Component c : t.definition().components()) {
          assertTrue(role.contains("«" + c.name() + "»"), t.code() + " names " + c.name());
        }
      }
      String ru = text(doc, "ru");
      String en = text(doc, "en");
      assertTrue(ru.contains("Настоящее Положение"), t.code());
      assertTrue(ru.contains("ООО «Альфа»"));
      assertTrue(ru.contains("статьями 8, 129, 135, 144 и 191 Трудового кодекса"));
      assertTrue(ru.contains("(№ 3) вступает в силу с 1 апреля 2026 г."), ru);
      assertTrue(en.contains("(No. 3) comes into force on 1 April 2026"), en);
      String base =
          nb(
              t.definition()
                      .baseSalary()
                      .toBigInteger()
                      .toString()
                      .replaceAll("(\\d)(?=(\\d{3})+$)", "$1 ")
                  + ",00 ₽");
      assertTrue(ru.contains("базовый оклад в размере " + base + " ("), t.code() + " " + base);
      if (t.role() != SalesRole.CUSTOM) {
        assertTrue(ru.contains("Премирование: " + t.role().nameRu()), t.code());
        assertTrue(en.contains("Bonuses: " + t.role().nameEn()), t.code());
      }
    }
  }

  @Test
  void gatesAreWrittenWithTheirComparatorsInWords() {
    RegulationsDocument doc = allTemplates();
    String ru = text(doc, "ru");
    String en = text(doc, "en");
    // account manager: sales > 1 000 000 ₽, NPS > 70; VIP: retention ≥ 80 %; head: turnover ≤ 10 %
    assertTrue(
        ru.contains(
            nb(
                "значение показателя «Объём продаж» за период строго больше 1 000 000,00 ₽ (при"
                    + " значении, равном 1 000 000,00 ₽, условие не выполнено)")),
        ru);
    assertTrue(ru.contains("значение показателя «NPS» за период строго больше 70 ("));
    assertTrue(
        ru.contains(
            nb(
                "«Удержание клиентов» за период не менее 80 % (при значении, равном 80 %, условие выполнено)")));
    assertTrue(
        ru.contains(nb("за период не более 10 % (при значении, равном 10 %, условие выполнено)")));
    assertTrue(ru.contains(nb("по сравнению с предыдущим периодом той же продолжительности")));
    assertTrue(
        en.contains(
            "is strictly greater than 1,000,000.00\u00A0₽ (a value equal to 1,000,000.00\u00A0₽ does not meet it)"),
        en);
    assertTrue(en.contains("is at least 80\u00A0% (a value equal to 80\u00A0% meets it)"));
    assertTrue(en.contains("is at most 10\u00A0%"));
    // the formula line repeats the comparator as a symbol
    assertTrue(
        ru.contains(
            nb(
                "«Премия с объёма продаж» = 5 % × Объём продаж, если Объём продаж > 1 000 000,00 ₽; иначе 0")));
    // the marginal scale with its bounds
    assertTrue(ru.contains(nb("часть значения от 0,00 ₽ до 500 000,00 ₽ включительно — 3 %")));
    assertTrue(ru.contains(nb("часть значения свыше 1 000 000,00 ₽ — 7 %")));
    // a ranking's prizes in figures and words, the plural of its places
    assertTrue(ru.contains(nb("2-е место — 30 000,00 ₽ (тридцать тысяч рублей 00 копеек)")));
    assertTrue(ru.contains("Всего 3 призовых места;"));
    assertTrue(ru.contains("Всего 1 призовое место;"));
    assertTrue(ru.contains("Ранжирование проводится за каждый период."));
    // head of sales: the department's KPI
    assertTrue(ru.contains("«Выполнение плана отдела» (по отделу, которым руководит работник)"));
    // KPI definitions as measured, with units
    assertTrue(
        ru.contains(
            "Объём продаж — определение показателя «Объём продаж» как его измеряет Premia. Единица измерения: рубли."));
    assertTrue(
        en.contains(
            "NPS — the definition of “NPS” as Premia measures it. Unit: points (−100 to 100)."));
    // not a KPI no scheme uses
    assertFalse(ru.contains("LTV —"));
    // quarterly components: their month named
    assertTrue(ru.contains("ежеквартальные премии — в расчёте за последний месяц квартала"));
    assertTrue(ru.contains("утверждается другим уполномоченным лицом"));
    assertTrue(
        ru.contains(
            "Адаптационный период для вновь принятых работников схемами премирования не предусмотрен"));
  }

  @Test
  void everyRuleKindLimitAndAdaptationIsWritten() {
    assertEquals(List.of(), new SchemeValidator(CATALOGUE).validate(AllKinds.scheme(2)));
    SchemeInForce s = inForce("Полная схема", SalesRole.VIP, AllKinds.scheme(2), 4);
    RegulationsDocument doc =
        RegulationsWriter.write(input(1, LocalDate.of(2026, 4, 1), List.of(s)));
    String ru = sectionText(section(doc, "role:" + s.schemeId()), "ru");
    String en = sectionText(section(doc, "role:" + s.schemeId()), "en");
    assertTrue(
        ru.contains(
            nb(
                "Размер премии составляет 10 % от части значения показателя «Объём продаж», превышающей план на период")),
        ru);
    assertTrue(
        ru.contains(
            nb("при выполнении плана строго меньше 100 % — коэффициент 0 (премия не начисляется)")),
        ru);
    assertTrue(
        ru.contains(nb("при выполнении плана не менее 100 % и не более 120 % — коэффициент 1")),
        ru);
    assertTrue(ru.contains(nb("при выполнении плана строго больше 120 % — коэффициент 1,5")), ru);
    assertTrue(
        ru.contains(
            nb(
                "при значении не менее 100 000,00 ₽ и не более 500 000,00 ₽ — 1 % от всего значения")),
        ru);
    assertTrue(
        ru.contains(nb("при значении строго больше 500 000,00 ₽ — 2 % от всего значения")), ru);
    assertTrue(
        ru.contains(nb("при значении строго меньше 100 000,00 ₽ премия не начисляется")), ru);
    assertTrue(
        ru.contains(
            nb(
                "выполнение плана по значению показателя «Выигранные сделки» (значение ÷ план × 100 %) не менее 100 %")),
        ru);
    assertTrue(
        ru.contains("показателя, вычисляемого по формуле «sales_volume - repeat_sales»"), ru);
    assertTrue(ru.contains("base_salary — базовый оклад в месяц"), ru);
    assertTrue(ru.contains("sales_volume — значение показателя «Объём продаж» за период"), ru);
    assertTrue(ru.contains("Конкурс проводится с 1 апреля 2026 г. по 31 мая 2026 г."), ru);
    assertTrue(
        ru.contains(nb("за период не может превышать 100 000,00 ₽ (сто тысяч рублей 00 копеек)")),
        ru);
    assertTrue(
        ru.contains(nb("составляет не менее 1 000,00 ₽ (одна тысяча рублей 00 копеек)")), ru);
    assertTrue(
        ru.contains(nb("Общий размер переменной части за месяц не может превышать 150 000,00 ₽")),
        ru);
    assertTrue(
        ru.contains(
            nb(
                "составляет не менее 5 000,00 ₽ (пять тысяч рублей 00 копеек) (гарантированная часть)")),
        ru);
    assertTrue(ru.contains("ежегодно"));
    assertTrue(
        ru.contains(nb("«Весенний конкурс», но не менее 5 000,00 ₽ и не более 150 000,00 ₽]"))
            || ru.contains(
                nb("«Весенний конкурс», но не менее 5 000,00 ₽ и не более 150 000,00 ₽")),
        ru);
    assertTrue(
        ru.contains(nb("= ставка достигнутой ступени × Повторные продажи, но не менее 1 000,00 ₽")),
        ru);
    assertTrue(en.contains("strictly above 120\u00A0% — multiplier 1.5"), en);
    assertTrue(en.contains("The contest runs from 1 April 2026 to 31 May 2026"), en);
    String adaptation = sectionText(section(doc, "adaptation"), "ru");
    assertTrue(
        adaptation.contains("продолжительностью 2 месяца начиная с месяца приёма"), adaptation);
    assertTrue(adaptation.contains(nb("планы учитываются в размере 70 % от установленных")));
    assertTrue(adaptation.contains(nb("не менее 20 000,00 ₽ (двадцать тысяч рублей 00 копеек)")));
    assertTrue(text(doc, "ru").contains("ежегодные премии — в расчёте за декабрь"));
  }

  @Test
  void adaptationMonthsTakeTheirPluralForm() {
    for (int months : new int[] {1, 2, 5, 11, 21}) {
      SchemeInForce s = inForce("Схема", SalesRole.ACCOUNT, AllKinds.scheme(months), 1);
      RegulationsDocument doc =
          RegulationsWriter.write(input(1, LocalDate.of(2026, 4, 1), List.of(s)));
      String ru = sectionText(section(doc, "adaptation"), "ru");
      String expected =
          switch (months) {
            case 1, 21 -> months + " месяц ";
            case 2 -> "2 месяца ";
            default -> months + " месяцев ";
          };
      assertTrue(ru.contains("продолжительностью " + expected), ru);
      String en = sectionText(section(doc, "adaptation"), "en");
      assertTrue(en.contains(months + (months == 1 ? " month " : " months ")), en);
    }
  }

  @Test
  void tenantSectionsStandInPositionOrderBeforeTheFinalProvisions() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    List<TenantSection> own =
        List.of(
            new TenantSection(
                second, 2, "Премия за наставничество", null, "Текст **второй**.", null),
            new TenantSection(
                first, 1, "Депремирование", "Bonus withholding", "Первый.", "First."));
    SchemeInForce s = inForce(TemplateLibraryDefaults.templates().get(1));
    RegulationsDocument doc =
        RegulationsWriter.write(
            new RegulationsInput(
                COMPANY, 1, LocalDate.of(2026, 4, 1), List.of(s), CATALOGUE, own, "₽"));
    List<String> keys = keys(doc);
    assertEquals(
        List.of(
            "general",
            "terms",
            "role:" + s.schemeId(),
            "payout",
            "adaptation",
            "adjustments",
            "inquiries",
            "own:" + first,
            "own:" + second,
            "final"),
        keys);
    DocSection o1 = section(doc, "own:" + first);
    DocSection o2 = section(doc, "own:" + second);
    assertTrue(o1.tenantWritten() && o2.tenantWritten());
    assertEquals(8, o1.number());
    assertEquals(new Text("Депремирование", "Bonus withholding"), o1.title());
    assertEquals(new Text("Премия за наставничество", "Премия за наставничество"), o2.title());
    assertEquals(List.of(new DocBlock.Markdown("Текст **второй**.", null)), o2.blocks());
    assertEquals("First.", ((DocBlock.Markdown) o1.blocks().get(0)).in("en"));
  }

  @Test
  void noSchemesStillMakesADocument() {
    RegulationsDocument doc =
        RegulationsWriter.write(input(1, LocalDate.of(2026, 4, 1), List.of()));
    List<String> expected = new ArrayList<>(List.of("general", "terms"));
    expected.addAll(GENERATED_TAIL);
    expected.add("final");
    assertEquals(expected, keys(doc));
    assertTrue(
        text(doc, "ru").contains("схемы премирования работникам отдела продаж не назначены"));
    assertTrue(doc.examples().isEmpty());
  }

  @Test
  void anotherCurrencyIsWrittenInFiguresOnly() {
    SchemeInForce s = inForce(TemplateLibraryDefaults.templates().get(4));
    RegulationsDocument doc =
        RegulationsWriter.write(
            new RegulationsInput(
                COMPANY, 1, LocalDate.of(2026, 4, 1), List.of(s), CATALOGUE, List.of(), "$"));
    String ru = text(doc, "ru");
    String base = app.premia.compensation.domain.Formats.money(d("50000"), "$").ru();
    assertTrue(ru.contains("базовый оклад в размере " + base + " в месяц"), ru);
    assertFalse(ru.contains("рублей"));
  }

  @Test
  void gateOnOtherKpiIsNamedAndEveryGateHasAnExampleAtItsThreshold() {
    for (TemplateSeed t : TemplateLibraryDefaults.templates()) {
      SchemeInForce s = inForce(t);
      RegulationsDocument doc =
          RegulationsWriter.write(input(1, LocalDate.of(2026, 4, 1), List.of(s)));
      DocSection role = section(doc, "role:" + s.schemeId());
      long atThreshold =
          role.blocks().stream()
              .filter(
                  b ->
                      b instanceof DocBlock.Example e
                          && e.caption().ru().startsWith("Пример на границе условия"))
              .count();
      long gates = t.definition().components().stream().mapToLong(c -> c.gates().size()).sum();
      assertEquals(gates, atThreshold, t.code());
      for (Component c : t.definition().components()) {
        for (Gate g : c.gates()) {
          assertTrue(sectionText(role, "ru").contains(Words.comparator(g.comparator()).ru()));
        }
      }
    }
  }
}
