package app.premia.compensation.domain;

import static app.premia.compensation.domain.Fixtures.CATALOGUE;
import static app.premia.compensation.domain.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Formulas: exact arithmetic, and every hostile input refused or bounded (acceptance 3). */
class FormulaTest {

  private static final Set<String> VARS = Formula.variables(CATALOGUE, true).keySet();
  private static final Duration QUICK = Duration.ofSeconds(2);

  private static Formula ok(String source) {
    Formula.Compiled c = Formula.compile(source, VARS);
    if (c instanceof Formula.Refused r) {
      throw new AssertionError(source + " refused: " + r.message());
    }
    return ((Formula.Ok) c).formula();
  }

  private static Text refused(String source) {
    Formula.Compiled c = assertTimeoutPreemptively(QUICK, () -> Formula.compile(source, VARS));
    return assertInstanceOf(Formula.Refused.class, c, source).message();
  }

  @Test
  void declaresVariablesPerKpi() {
    assertTrue(
        VARS.containsAll(
            Set.of(
                "sales_volume",
                "plan_sales_volume",
                "prev_sales_volume",
                "team_sales_volume",
                "base_salary",
                "measure")));
    assertTrue(VARS.contains("team_plan_fulfilment"));
    assertTrue(!VARS.contains("team_team_plan_fulfilment"));
    assertTrue(!Formula.variables(CATALOGUE, false).containsKey("measure"));
  }

  @Test
  void computesExactlyWithDecimals() throws Exception {
    // 0.1 + 0.2 is exactly 0.3 (no binary floating point)
    assertEquals(0, ok("0.1 + 0.2").evaluate(Map.of()).compareTo(d("0.3")));
    // 1 250 000 × 5 ÷ 100 = 62 500
    Formula f = ok("sales_volume * 5 / 100");
    assertEquals(0, f.evaluate(Map.of("sales_volume", d("1250000"))).compareTo(d("62500")));
    assertEquals(java.util.List.of("sales_volume"), f.variables());
  }

  @Test
  void allowedFunctionsWork() throws Exception {
    Map<String, BigDecimal> v =
        Map.of("sales_volume", d("1200000"), "plan_sales_volume", d("1000000"));
    // MAX(0, 1 200 000 − 1 000 000) × 0.1 = 20 000
    assertEquals(
        0, ok("MAX(0, sales_volume - plan_sales_volume) * 0.1").evaluate(v).compareTo(d("20000")));
    assertEquals(0, ok("MIN(sales_volume, 5)").evaluate(v).compareTo(d("5")));
    assertEquals(0, ok("ABS(plan_sales_volume - sales_volume)").evaluate(v).compareTo(d("200000")));
    assertEquals(
        0, ok("IF(sales_volume > plan_sales_volume, 1000, 0)").evaluate(v).compareTo(d("1000")));
    // ROUND half-up: 2 / 3 = 0.666… → 0.67
    assertEquals(d("0.67"), ok("ROUND(2 / 3, 2)").evaluate(v));
    assertEquals(0, ok("2 ^ 10").evaluate(v).compareTo(d("1024")));
    assertEquals(0, ok("round(2.5, 0)").evaluate(v).compareTo(d("3")));
  }

  @Test
  void divisionByZeroIsAnEvaluationErrorNotACrash() {
    Formula f = ok("sales_volume / (deals_won - deals_won)");
    Formula.FormulaException e =
        assertThrows(
            Formula.FormulaException.class,
            () -> f.evaluate(Map.of("sales_volume", d("1"), "deals_won", d("3"))));
    assertTrue(e.reason().ru().contains("деление на ноль"), e.reason().ru());
  }

  @Test
  void unknownVariableNamesItsPosition() {
    // «foo» starts at the 16th character
    Text m = refused("sales_volume + foo");
    assertEquals("Формула: неизвестная переменная «foo» (позиция 16)", m.ru());
    assertEquals("Formula: unknown variable «foo» (position 16)", m.en());
  }

  @Test
  void variablesAreCaseSensitive() {
    assertTrue(
        refused("Sales_Volume").ru().contains("неизвестная переменная «Sales_Volume» (позиция 1)"));
  }

  @Test
  void methodCallsAreRefused() {
    assertTrue(refused("sales_volume.getClass()").ru().contains("вызов методов"), "method");
    assertTrue(refused("x.getClass()").ru().contains("(позиция 2)"));
    Text m = refused("Runtime.getRuntime().exec(\"ls\")");
    assertTrue(m.ru().contains("вызов методов") && m.ru().contains("позиция 8"), m.ru());
  }

  @Test
  void springStyleTypeReferencesAreRefused() {
    Text m = refused("T(java.lang.System).exit(0)");
    assertTrue(m.ru().contains("неизвестная функция «T»") && m.ru().contains("позиция 1"), m.ru());
  }

  @Test
  void stringLiteralsAreRefused() {
    assertTrue(refused("\"abc\"").ru().contains("строки не допускаются (позиция 1)"));
    assertTrue(refused("sales_volume + 'a'").ru().contains("строки не допускаются (позиция 16)"));
  }

  @Test
  void unknownAndRemovedFunctionsAreRefused() {
    assertTrue(refused("FACT(100000)").ru().contains("неизвестная функция «FACT»"));
    assertTrue(refused("SQRT(2)").ru().contains("неизвестная функция «SQRT»"));
    assertTrue(refused("DATE_NOW()").ru().contains("неизвестная функция «DATE_NOW»"));
    assertTrue(refused("DT_NOW()").ru().contains("неизвестная функция"));
    assertTrue(refused("STR_UPPER(1)").ru().contains("неизвестная функция"));
    assertTrue(refused("RANDOM()").ru().contains("неизвестная функция"));
  }

  @Test
  void constantsAreNotDefined() {
    assertTrue(refused("PI * 2").ru().contains("неизвестная переменная «PI»"));
    assertTrue(refused("TRUE").ru().contains("неизвестная переменная «TRUE»"));
  }

  @Test
  void towersOfPowersAreBounded() {
    Formula f = ok("2^2^2^2^2^2^2");
    // right-associative: 2^(2^(2^…)) reaches an exponent above 10 and stops at once
    Formula.FormulaException e =
        assertThrows(
            Formula.FormulaException.class,
            () -> assertTimeoutPreemptively(QUICK, () -> f.evaluate(Map.of())));
    assertTrue(e.reason().ru().contains("показатель степени"), e.reason().ru());
    Formula nine = ok("9^9^9");
    assertThrows(
        Formula.FormulaException.class,
        () -> assertTimeoutPreemptively(QUICK, () -> nine.evaluate(Map.of())));
    assertThrows(Formula.FormulaException.class, () -> ok("2 ^ 0.5").evaluate(Map.of()));
  }

  @Test
  void hugeIntermediateNumbersStayBounded() throws Exception {
    // (10^10)^10 = 10^100, ×10^100 …: DECIMAL128 keeps 34 significant digits, no blow-up
    Formula f = ok("((10^10)^10)^10 * ((10^10)^10)^10 * 999999999999999999999999999999");
    BigDecimal v = assertTimeoutPreemptively(QUICK, () -> f.evaluate(Map.of()));
    assertTrue(v.precision() <= 34, v.toString());
  }

  @Test
  void roundScaleIsBounded() {
    assertThrows(
        Formula.FormulaException.class, () -> ok("ROUND(1, 1000000000)").evaluate(Map.of()));
    assertThrows(Formula.FormulaException.class, () -> ok("ROUND(1, -1)").evaluate(Map.of()));
  }

  @Test
  void tenThousandNestedParenthesesAreRefusedWithoutStackOverflow() {
    String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
    // longer than 1000 characters: refused before any parsing
    assertTrue(refused(deep).ru().contains("длиннее 1000"));
    String fortyOne = "(".repeat(41) + "1" + ")".repeat(41);
    assertTrue(refused(fortyOne).ru().contains("скобки вложены глубже 40 уровней (позиция 41)"));
    String forty = "(".repeat(40) + "1" + ")".repeat(40);
    ok(forty);
  }

  @Test
  void deepPrefixOperatorsAreBounded() {
    // 500 unary minus signs fit in 1000 characters but nest 500 deep
    Text m = refused("-".repeat(500) + "1");
    assertTrue(m.ru().contains("вложено глубже"), m.ru());
  }

  @Test
  void aHundredKilobyteExpressionIsRefusedQuickly() {
    String big = "1+".repeat(50_000) + "1";
    Text m = refused(big);
    assertTrue(m.ru().contains("длиннее 1000 символов (100001)"), m.ru());
  }

  @Test
  void assignmentsAndSemicolonsAreRefused() {
    assertTrue(
        refused("sales_volume = 5")
            .ru()
            .matches("Формула: присваивание не допускается .*\\(позиция 14\\)"));
    assertTrue(refused("1; 2").ru().contains("точка с запятой"));
    assertTrue(refused("sales_volume := 1").ru().contains("недопустимый символ «:»"));
  }

  @Test
  void unicodeTricksAreRefused() {
    // Cyrillic «а» looks like Latin «a»
    assertTrue(refused("s\u0430les_volume").ru().contains("U+0430"));
    // a zero-width space hidden between two tokens
    assertTrue(refused("sales_volume\u200B+ 1").ru().contains("U+200B (позиция 13)"));
    // right-to-left override
    assertTrue(refused("1 + \u202E2").ru().contains("U+202E"));
    // full-width digits
    assertTrue(refused("\uFF11 + 1").ru().contains("U+FF11"));
    // a non-breaking space
    assertTrue(refused("1\u00A0+ 1").ru().contains("U+00A0"));
  }

  @Test
  void arraysStructuresAndOtherSyntaxAreRefused() {
    assertTrue(refused("[1, 2]").ru().contains("недопустимый символ «[»"));
    assertTrue(refused("{a: 1}").ru().contains("недопустимый символ «{»"));
    assertTrue(refused("1 % 2").ru().contains("недопустимый символ «%»"));
    assertTrue(refused("1e999999999").ru().contains("число записано неверно"));
    assertTrue(refused(".5").ru().contains("число должно начинаться с цифры"));
    assertTrue(refused("1 & 2").ru().contains("недопустимый символ «&»"));
    assertTrue(refused("sales_volume # comment").ru().contains("«#»"));
    assertTrue(refused("`ls`").ru().contains("«`»"));
    assertTrue(refused("$x").ru().contains("«$»"));
    assertTrue(refused("@x").ru().contains("«@»"));
  }

  @Test
  void syntaxErrorsNameAPosition() {
    assertTrue(refused("(1 + 2").ru().contains("скобка не закрыта (позиция 1)"));
    assertTrue(refused("1 + 2)").ru().contains("лишняя закрывающая скобка (позиция 6)"));
    Text m = refused("1 + * 2");
    assertTrue(m.ru().startsWith("Формула: синтаксическая ошибка"), m.ru());
    assertTrue(m.ru().contains("позиция"), m.ru());
    assertTrue(refused("").ru().contains("пуста"));
    assertTrue(refused("   ").ru().contains("пуста"));
  }

  @Test
  void aComparisonAloneIsNotAnAmount() {
    assertTrue(refused("sales_volume > 1000000").ru().contains("«да/нет»"));
    assertTrue(refused("!(1 > 2)").ru().contains("«да/нет»"));
  }

  @Test
  void wrongArgumentCountsAreRefusedOrFailBounded() {
    Formula.Compiled c = Formula.compile("ROUND(1)", VARS);
    if (c instanceof Formula.Ok ok) {
      assertThrows(Formula.FormulaException.class, () -> ok.formula().evaluate(Map.of()));
    }
    Formula.Compiled c2 = Formula.compile("IF(1 > 0, 1)", VARS);
    if (c2 instanceof Formula.Ok ok2) {
      assertThrows(Formula.FormulaException.class, () -> ok2.formula().evaluate(Map.of()));
    }
  }

  @Test
  void aMissingValueIsAnError() {
    Formula f = ok("sales_volume + 1");
    assertThrows(Formula.FormulaException.class, () -> f.evaluate(Map.of()));
  }
}
