package app.premia.compensation.domain;

import static app.premia.compensation.domain.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemeCodecTest {

  /** A minimal valid input as graphql-java gives it. */
  private static Map<String, Object> input(Map<String, Object> rule) {
    Map<String, Object> measure = new HashMap<>(Map.of("kpi", "sales_volume", "subject", "SELF"));
    Map<String, Object> component = new LinkedHashMap<>();
    component.put("key", "volume_bonus");
    component.put("name", "Премия");
    component.put("frequency", "MONTHLY");
    component.put("measure", measure);
    component.put("rule", rule);
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("baseSalary", new BigDecimal("70000"));
    in.put("components", new ArrayList<>(List.of(component)));
    return in;
  }

  private static List<String> path(String... p) {
    return List.of(p);
  }

  private static Problem single(SchemeCodec.Decoded decoded) {
    assertFalse(decoded.ok());
    assertNull(decoded.definition());
    assertEquals(1, decoded.problems().size(), decoded.problems().toString());
    return decoded.problems().get(0);
  }

  @Test
  void roundTripsEveryTemplate() {
    for (TemplateSeed t : TemplateLibraryDefaults.templates()) {
      SchemeDefinition d = t.definition();
      assertEquals(d, SchemeCodec.fromJson(SchemeCodec.toJson(d)), t.code());
      SchemeCodec.Decoded decoded = SchemeCodec.decode(SchemeCodec.toMap(d));
      assertTrue(decoded.problems().isEmpty(), decoded.problems().toString());
      assertEquals(d, decoded.definition(), t.code());
    }
  }

  @Test
  void roundTripsEveryRuleKindAndLimit() {
    SchemeDefinition d =
        new SchemeDefinition(
            d("70000.50"),
            List.of(
                new Component(
                    "a",
                    "A",
                    Frequency.MONTHLY,
                    Measure.self("sales_volume"),
                    new AcceleratorRule(
                        AcceleratorMode.CURVE,
                        d("5.1250"),
                        List.of(
                            new CurveStep(d("100"), true, d("1")),
                            new CurveStep(d("120"), false, d("1.5")))),
                    List.of(
                        new Gate(
                            Measure.self("sales_volume"),
                            GateBasis.ATTAINMENT_PERCENT,
                            Comparator.GE,
                            d("90"))),
                    d("50000"),
                    d("1000")),
                new Component(
                    "b",
                    "B",
                    Frequency.ANNUAL,
                    Measure.formula("sales_volume - repeat_sales"),
                    new FormulaRule("measure * 0.01"),
                    List.of(),
                    null,
                    null),
                new Component(
                    "c",
                    "C",
                    Frequency.QUARTERLY,
                    Measure.team("staff_turnover"),
                    new RankingRule(
                        false,
                        List.of(d("100"), d("50.5")),
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 6, 30)),
                    List.of(),
                    null,
                    null),
                new Component(
                    "e",
                    "E",
                    Frequency.MONTHLY,
                    Measure.self("sales_volume"),
                    new TieredRule(
                        TierMode.WHOLE,
                        List.of(
                            new Tier(d("0"), true, d("1")), new Tier(d("10.00"), false, d("2")))),
                    List.of(),
                    null,
                    null)),
            d("100000"),
            d("0"),
            new Adaptation(3, d("70"), d("20000")));
    String json = SchemeCodec.toJson(d);
    // decimals are strings, exactly as written (scale kept)
    assertTrue(json.contains("\"baseSalary\":\"70000.50\""), json);
    assertTrue(json.contains("\"ratePercent\":\"5.1250\""), json);
    assertTrue(json.contains("\"contestFrom\":\"2026-01-01\""), json);
    assertTrue(json.contains("\"months\":3"), json);
    assertFalse(json.contains("null"), json);
    assertEquals(d, SchemeCodec.fromJson(json));
    assertEquals(d, SchemeCodec.decode(SchemeCodec.toMap(d)).definition());
  }

  @Test
  void toMapUsesGraphqlNamesAndEnumNames() {
    Map<String, Object> m =
        SchemeCodec.toMap(TemplateLibraryDefaults.templates().get(1).definition());
    assertEquals(d("70000"), m.get("baseSalary"));
    @SuppressWarnings("unchecked")
    Map<String, Object> c = ((List<Map<String, Object>>) m.get("components")).get(0);
    assertEquals("volume_bonus", c.get("key"));
    assertEquals("MONTHLY", c.get("frequency"));
    @SuppressWarnings("unchecked")
    Map<String, Object> rule = (Map<String, Object>) c.get("rule");
    assertEquals("PERCENT", rule.get("kind"));
    assertEquals(d("5"), rule.get("ratePercent"));
    @SuppressWarnings("unchecked")
    Map<String, Object> gate = ((List<Map<String, Object>>) c.get("gates")).get(0);
    assertEquals("GT", gate.get("comparator"));
    assertEquals("VALUE", gate.get("basis"));
  }

  @Test
  void decodesDecimalsGivenAsStringsOrNumbers() {
    Map<String, Object> in = input(new HashMap<>(Map.of("kind", "PERCENT", "ratePercent", "5.5")));
    in.put("baseSalary", 70000);
    SchemeCodec.Decoded decoded = SchemeCodec.decode(in);
    assertTrue(decoded.ok(), decoded.problems().toString());
    assertEquals(
        d("5.5"), ((PercentRule) decoded.definition().components().get(0).rule()).ratePercent());
    assertEquals(0, decoded.definition().baseSalary().compareTo(d("70000")));
    // gates absent = none; subject default SELF
    assertTrue(decoded.definition().components().get(0).gates().isEmpty());
  }

  @Test
  void defaultsSubjectBasisAndHighestWins() {
    Map<String, Object> rule = new HashMap<>(Map.of("kind", "RANKING", "prizes", List.of("100")));
    Map<String, Object> in = input(rule);
    @SuppressWarnings("unchecked")
    Map<String, Object> c = ((List<Map<String, Object>>) in.get("components")).get(0);
    c.put("measure", new HashMap<>(Map.of("kpi", "sales_volume")));
    c.put(
        "gates",
        List.of(
            new HashMap<>(
                Map.of("measure", Map.of("kpi", "nps"), "comparator", "GT", "threshold", "70"))));
    SchemeDefinition d = SchemeCodec.decode(in).definition();
    Component comp = d.components().get(0);
    assertEquals(Subject.SELF, comp.measure().subject());
    assertEquals(GateBasis.VALUE, comp.gates().get(0).basis());
    assertTrue(((RankingRule) comp.rule()).highestWins());
  }

  @Test
  void percentNeedsItsRate() {
    Problem p =
        single(SchemeCodec.decode(input(new HashMap<>(Map.of("kind", "PERCENT", "amount", "5")))));
    assertEquals(path("components", "0", "rule", "ratePercent"), p.path());
    assertEquals(ProblemCode.REQUIRED, p.code());
  }

  @Test
  void fieldsIrrelevantToTheKindAreIgnored() {
    SchemeCodec.Decoded decoded =
        SchemeCodec.decode(
            input(
                new HashMap<>(
                    Map.of(
                        "kind",
                        "FIXED",
                        "amount",
                        "5",
                        "ratePercent",
                        "7",
                        "tierMode",
                        "NONSENSE"))));
    assertTrue(decoded.ok(), decoded.problems().toString());
    assertEquals(new FixedRule(d("5")), decoded.definition().components().get(0).rule());
  }

  @Test
  void requiredFieldsPerKind() {
    assertEquals(
        path("components", "0", "rule", "amount"),
        single(SchemeCodec.decode(input(new HashMap<>(Map.of("kind", "PER_UNIT"))))).path());
    assertEquals(
        path("components", "0", "rule", "amount"),
        single(SchemeCodec.decode(input(new HashMap<>(Map.of("kind", "FIXED"))))).path());
    assertEquals(
        path("components", "0", "rule", "expression"),
        single(SchemeCodec.decode(input(new HashMap<>(Map.of("kind", "FORMULA"))))).path());
    assertEquals(
        path("components", "0", "rule", "prizes"),
        single(SchemeCodec.decode(input(new HashMap<>(Map.of("kind", "RANKING"))))).path());
    SchemeCodec.Decoded tiered = SchemeCodec.decode(input(new HashMap<>(Map.of("kind", "TIERED"))));
    assertEquals(2, tiered.problems().size());
    SchemeCodec.Decoded accelerator =
        SchemeCodec.decode(
            input(
                new HashMap<>(
                    Map.of(
                        "kind", "ACCELERATOR", "acceleratorMode", "CURVE", "ratePercent", "5"))));
    assertEquals(path("components", "0", "rule", "curve"), single(accelerator).path());
    SchemeCodec.Decoded abovePlan =
        SchemeCodec.decode(
            input(
                new HashMap<>(
                    Map.of(
                        "kind",
                        "ACCELERATOR",
                        "acceleratorMode",
                        "ABOVE_PLAN",
                        "ratePercent",
                        "5"))));
    assertTrue(abovePlan.ok(), abovePlan.problems().toString());
  }

  @Test
  void tierFieldsHavePaths() {
    Map<String, Object> tier = new HashMap<>(Map.of("from", "0", "fromInclusive", "yes"));
    Map<String, Object> rule =
        new HashMap<>(Map.of("kind", "TIERED", "tierMode", "MARGINAL", "tiers", List.of(tier)));
    List<Problem> problems = SchemeCodec.decode(input(rule)).problems();
    assertEquals(2, problems.size(), problems.toString());
    assertEquals(
        path("components", "0", "rule", "tiers", "0", "fromInclusive"), problems.get(0).path());
    assertEquals(ProblemCode.INVALID, problems.get(0).code());
    assertEquals(
        path("components", "0", "rule", "tiers", "0", "ratePercent"), problems.get(1).path());
    assertEquals(ProblemCode.REQUIRED, problems.get(1).code());
  }

  @Test
  void unknownEnumValuesAreNamed() {
    Problem p = single(SchemeCodec.decode(input(new HashMap<>(Map.of("kind", "BONUS")))));
    assertEquals(path("components", "0", "rule", "kind"), p.path());
    assertEquals(ProblemCode.INVALID, p.code());
    assertTrue(
        p.message().ru().contains("«BONUS»") && p.message().ru().contains("PERCENT"),
        p.message().ru());
  }

  @Test
  void wrongTypes() {
    Map<String, Object> in = input(new HashMap<>(Map.of("kind", "PERCENT", "ratePercent", "five")));
    in.put("baseSalary", List.of());
    List<Problem> problems = SchemeCodec.decode(in).problems();
    assertEquals(2, problems.size());
    assertEquals(path("baseSalary"), problems.get(0).path());
    assertEquals(path("components", "0", "rule", "ratePercent"), problems.get(1).path());
    assertTrue(problems.get(1).message().ru().contains("Ожидается число"));
  }

  @Test
  void measureNeedsExactlyOneOfKpiAndFormula() {
    Map<String, Object> in = input(new HashMap<>(Map.of("kind", "PERCENT", "ratePercent", "5")));
    @SuppressWarnings("unchecked")
    Map<String, Object> c = ((List<Map<String, Object>>) in.get("components")).get(0);
    c.put("measure", new HashMap<>(Map.of("kpi", "sales_volume", "formula", "1")));
    assertEquals(
        path("components", "0", "measure", "formula"), single(SchemeCodec.decode(in)).path());
    c.put("measure", new HashMap<>(Map.of("subject", "SELF")));
    Problem none = single(SchemeCodec.decode(in));
    assertEquals(path("components", "0", "measure", "kpi"), none.path());
    assertEquals(ProblemCode.REQUIRED, none.code());
  }

  @Test
  void missingComponentsAndBaseSalary() {
    List<Problem> problems = SchemeCodec.decode(new HashMap<>()).problems();
    assertEquals(
        List.of(path("baseSalary"), path("components")),
        problems.stream().map(Problem::path).toList());
  }

  @Test
  void badDates() {
    Map<String, Object> rule =
        new HashMap<>(
            Map.of("kind", "RANKING", "prizes", List.of("1"), "contestFrom", "31.12.2026"));
    assertEquals(
        path("components", "0", "rule", "contestFrom"),
        single(SchemeCodec.decode(input(rule))).path());
  }

  @Test
  void fromJsonRefusesBrokenJson() {
    assertThrows(IllegalArgumentException.class, () -> SchemeCodec.fromJson("{"));
    assertThrows(IllegalArgumentException.class, () -> SchemeCodec.fromJson("[]"));
    assertThrows(
        IllegalArgumentException.class, () -> SchemeCodec.fromJson("{\"baseSalary\":\"1\"}"));
  }
}
