package app.premia.compensation.domain;

import static app.premia.compensation.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemeDiffTest {

  private static final SchemeDefinition ACCOUNT =
      TemplateLibraryDefaults.templates().get(1).definition();

  private static SchemeDefinition withComponents(SchemeDefinition d, List<Component> components) {
    return new SchemeDefinition(d.baseSalary(), components, d.cap(), d.floor(), d.adaptation());
  }

  private static Component replaceRule(Component c, Rule rule) {
    return new Component(
        c.key(), c.name(), c.frequency(), c.measure(), rule, c.gates(), c.cap(), c.floor());
  }

  private static Component replaceGates(Component c, List<Gate> gates) {
    return new Component(
        c.key(), c.name(), c.frequency(), c.measure(), c.rule(), gates, c.cap(), c.floor());
  }

  @Test
  void identicalDefinitionsHaveNoChanges() {
    for (TemplateSeed t : TemplateLibraryDefaults.templates()) {
      assertEquals(
          List.of(),
          SchemeDiff.between(
              t.definition(), SchemeCodec.fromJson(SchemeCodec.toJson(t.definition())), CATALOGUE));
    }
  }

  @Test
  void numbersAreComparedByValue() {
    List<Component> cs = new ArrayList<>(ACCOUNT.components());
    cs.set(0, replaceRule(cs.get(0), new PercentRule(d("5.00"))));
    assertEquals(List.of(), SchemeDiff.between(ACCOUNT, withComponents(ACCOUNT, cs)));
  }

  @Test
  void rateChange() {
    List<Component> cs = new ArrayList<>(ACCOUNT.components());
    cs.set(0, replaceRule(cs.get(0), new PercentRule(d("6"))));
    List<Change> changes = SchemeDiff.between(ACCOUNT, withComponents(ACCOUNT, cs), CATALOGUE);
    assertEquals(1, changes.size());
    Change c = changes.get(0);
    assertEquals(List.of("components", "volume_bonus", "rule", "ratePercent"), c.path());
    assertEquals(ChangeKind.CHANGED, c.kind());
    assertEquals(nb("Премия с объёма продаж: ставка 5 % → 6 %"), c.text().ru());
    assertEquals("Премия с объёма продаж: rate 5" + NB + "% → 6" + NB + "%", c.text().en());
  }

  @Test
  void gateThresholdAndComparator() {
    List<Component> cs = new ArrayList<>(ACCOUNT.components());
    cs.set(0, replaceGates(cs.get(0), List.of(gate("sales_volume", Comparator.GE, "1200000"))));
    Change c = SchemeDiff.between(ACCOUNT, withComponents(ACCOUNT, cs), CATALOGUE).get(0);
    assertEquals(List.of("components", "volume_bonus", "gates", "0"), c.path());
    assertEquals(
        "Премия с объёма продаж: порог («Объём продаж»): > "
            + rub("1 000 000,00")
            + " → ≥ "
            + rub("1 200 000,00"),
        c.text().ru());
    // without the catalogue: the code and a plain number
    Change plain = SchemeDiff.between(ACCOUNT, withComponents(ACCOUNT, cs)).get(0);
    assertEquals(
        nb("Премия с объёма продаж: порог («sales_volume»): > 1 000 000 → ≥ 1 200 000"),
        plain.text().ru());
  }

  @Test
  void gatesAddedAndRemoved() {
    List<Component> cs = new ArrayList<>(ACCOUNT.components());
    cs.set(0, replaceGates(cs.get(0), List.of()));
    cs.set(1, replaceGates(cs.get(1), List.of(gate("nps", Comparator.GE, "50"))));
    List<Change> changes = SchemeDiff.between(ACCOUNT, withComponents(ACCOUNT, cs), CATALOGUE);
    assertEquals(2, changes.size(), changes.toString());
    assertEquals(ChangeKind.REMOVED, changes.get(0).kind());
    assertEquals(
        "Премия с объёма продаж: убрано условие: Объём продаж > " + rub("1 000 000,00"),
        changes.get(0).text().ru());
    assertEquals(ChangeKind.ADDED, changes.get(1).kind());
    assertEquals(
        "Премия с повторных продаж: добавлено условие: NPS ≥ 50", changes.get(1).text().ru());
  }

  @Test
  void componentsAddedRemovedRenamedByKeyNotOrder() {
    List<Component> cs = new ArrayList<>(ACCOUNT.components());
    Component removed = cs.remove(2);
    java.util.Collections.reverse(cs);
    Component renamed = cs.get(0);
    cs.set(
        0,
        new Component(
            renamed.key(),
            "Повторные",
            renamed.frequency(),
            renamed.measure(),
            renamed.rule(),
            renamed.gates(),
            renamed.cap(),
            renamed.floor()));
    cs.add(monthly("deal_premium", Measure.self("deals_won"), new PerUnitRule(d("5000"))));
    List<Change> changes = SchemeDiff.between(ACCOUNT, withComponents(ACCOUNT, cs), CATALOGUE);
    assertEquals(3, changes.size(), changes.toString());
    assertEquals("Удалён компонент «" + removed.name() + "»", changes.get(0).text().ru());
    assertEquals(
        "Компонент «Премия с повторных продаж» переименован в «Повторные»",
        changes.get(1).text().ru());
    assertEquals(ChangeKind.ADDED, changes.get(2).kind());
    assertEquals(
        "Добавлен компонент «deal_premium»: " + rub("5 000,00") + " за единицу «Выигранные сделки»",
        changes.get(2).text().ru());
  }

  @Test
  void schemeFields() {
    SchemeDefinition after =
        new SchemeDefinition(
            d("75000"), ACCOUNT.components(), d("200000"), null, new Adaptation(3, d("70"), null));
    List<Change> changes = SchemeDiff.between(ACCOUNT, after, CATALOGUE);
    assertEquals(3, changes.size(), changes.toString());
    assertEquals(
        "Оклад: " + rub("70 000,00") + " → " + rub("75 000,00"), changes.get(0).text().ru());
    assertEquals(
        "Base salary: 70,000.00" + NB + "₽ → 75,000.00" + NB + "₽", changes.get(0).text().en());
    assertEquals(ChangeKind.ADDED, changes.get(1).kind());
    assertEquals(
        "Максимум переменной части: нет → " + rub("200 000,00"), changes.get(1).text().ru());
    assertEquals(List.of("adaptation"), changes.get(2).path());
    List<Change> back =
        SchemeDiff.between(
            after,
            new SchemeDefinition(
                d("75000"),
                ACCOUNT.components(),
                d("200000"),
                null,
                new Adaptation(6, d("80"), d("10000"))),
            CATALOGUE);
    assertEquals(3, back.size(), back.toString());
    assertEquals(nb("Адаптация: коэффициент плана 70 % → 80 %"), back.get(1).text().ru());
  }

  @Test
  void ruleKindAndKindFields() {
    Component tiered =
        monthly(
            "s",
            SALES(),
            new TieredRule(
                TierMode.MARGINAL,
                List.of(new Tier(d("0"), true, d("3")), new Tier(d("500000"), true, d("5")))));
    Component tiered2 =
        monthly(
            "s",
            SALES(),
            new TieredRule(
                TierMode.WHOLE,
                List.of(new Tier(d("0"), true, d("3")), new Tier(d("600000"), false, d("5")))));
    List<Change> changes = SchemeDiff.between(scheme("0", tiered), scheme("0", tiered2), CATALOGUE);
    assertEquals(2, changes.size(), changes.toString());
    assertEquals("s: режим шкалы по ступеням → на всю сумму", changes.get(0).text().ru());
    assertTrue(
        changes
            .get(1)
            .text()
            .ru()
            .contains(
                "≥ "
                    + rub("500 000,00")
                    + " — 5"
                    + NB
                    + "% → ≥ "
                    + rub("0,00")
                    + " — 3"
                    + NB
                    + "%; > "
                    + rub("600 000,00")),
        changes.get(1).text().ru());
    List<Change> kind =
        SchemeDiff.between(
            scheme("0", tiered),
            scheme("0", monthly("s", SALES(), new FixedRule(d("1000")))),
            CATALOGUE);
    assertEquals(List.of("components", "s", "rule", "kind"), kind.get(0).path());
    assertTrue(
        kind.get(0).text().ru().contains("→ «фиксированно " + rub("1 000,00") + "»"),
        kind.get(0).text().ru());
  }

  @Test
  void rankingAndFormulaFields() {
    Component r1 = monthly("r", SALES(), new RankingRule(true, List.of(d("100")), null, null));
    Component r2 =
        monthly(
            "r",
            SALES(),
            new RankingRule(
                false,
                List.of(d("100"), d("50")),
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31)));
    List<Change> changes = SchemeDiff.between(scheme("0", r1), scheme("0", r2), CATALOGUE);
    assertEquals(4, changes.size(), changes.toString());
    assertEquals(
        "r: призы: " + rub("100,00") + " → " + rub("100,00") + " / " + rub("50,00"),
        changes.get(1).text().ru());
    assertEquals("r: начало конкурса нет → 2026-01-01", changes.get(2).text().ru());
    List<Change> f =
        SchemeDiff.between(
            scheme("0", monthly("f", SALES(), new FormulaRule("measure * 0.01"))),
            scheme("0", monthly("f", SALES(), new FormulaRule("measure * 0.02"))));
    assertEquals("f: формула «measure * 0.01» → «measure * 0.02»", f.get(0).text().ru());
  }

  @Test
  void frequencyMeasureCapFloor() {
    Component a = monthly("c", SALES(), new PercentRule(d("5")));
    Component b =
        new Component(
            "c",
            "c",
            Frequency.QUARTERLY,
            Measure.self("repeat_sales"),
            new PercentRule(d("5")),
            List.of(),
            d("1000"),
            null);
    List<Change> changes = SchemeDiff.between(scheme("0", a), scheme("0", b), CATALOGUE);
    assertEquals(3, changes.size(), changes.toString());
    assertEquals("c: периодичность ежемесячно → ежеквартально", changes.get(0).text().ru());
    assertEquals("c: показатель Объём продаж → Повторные продажи", changes.get(1).text().ru());
    assertEquals("c: максимум нет → " + rub("1 000,00"), changes.get(2).text().ru());
  }

  private static Measure SALES() {
    return Measure.self("sales_volume");
  }
}
