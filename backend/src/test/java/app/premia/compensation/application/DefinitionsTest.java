package app.premia.compensation.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.premia.compensation.domain.SchemeDefinition;
import app.premia.compensation.domain.SchemeValidator;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A definition's problems come back as payload errors on the GraphQL input field they are about.
 */
class DefinitionsTest {

  static final SchemeValidator VALIDATOR = new SchemeValidator(SchemesIT.CATALOGUE);

  @Test
  void aValidInput_isDecoded() {
    SchemeDefinition d = Definitions.require(input("5"), VALIDATOR, "ru", "input", "definition");
    assertEquals(0, new BigDecimal("60000").compareTo(d.baseSalary()));
    assertEquals("volume_bonus", d.components().get(0).key());
  }

  @Test
  void aMissingRate_isRequired_onItsInputPath() {
    BusinessRuleException refused =
        assertThrows(
            BusinessRuleException.class,
            () -> Definitions.require(input(null), VALIDATOR, "ru", "input", "definition"));
    UserError error = refused.errors().get(0);
    assertEquals(
        List.of("input", "definition", "components", "0", "rule", "ratePercent"), error.field());
    assertEquals(UserError.Code.REQUIRED, error.code());
  }

  @Test
  void anUnknownKpi_isInvalid_onItsInputPath() {
    Map<String, Object> input = input("5");
    component(input)
        .put("measure", new LinkedHashMap<>(Map.of("kpi", "no_such_kpi", "subject", "SELF")));
    BusinessRuleException refused =
        assertThrows(
            BusinessRuleException.class,
            () -> Definitions.require(input, VALIDATOR, "ru", "input", "definition"));
    UserError error = refused.errors().get(0);
    assertEquals("input", error.field().get(0));
    assertEquals("definition", error.field().get(1));
    assertEquals(List.of("components", "0", "measure"), error.field().subList(2, 5));
    assertEquals(UserError.Code.INVALID, error.code());
  }

  @Test
  void noDefinition_isRequired() {
    BusinessRuleException refused =
        assertThrows(
            BusinessRuleException.class,
            () -> Definitions.require(null, VALIDATOR, "ru", "input", "definition"));
    assertEquals(List.of("input", "definition"), refused.errors().get(0).field());
  }

  /** One PERCENT component on sales volume, as graphql-java hands the input over. */
  static Map<String, Object> input(String ratePercent) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("kind", "PERCENT");
    if (ratePercent != null) {
      rule.put("ratePercent", new BigDecimal(ratePercent));
    }
    Map<String, Object> component = new LinkedHashMap<>();
    component.put("key", "volume_bonus");
    component.put("name", "Премия с объёма");
    component.put("frequency", "MONTHLY");
    component.put("measure", new LinkedHashMap<>(Map.of("kpi", "sales_volume", "subject", "SELF")));
    component.put("rule", rule);
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("baseSalary", new BigDecimal("60000"));
    input.put("components", List.of(component));
    return input;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> component(Map<String, Object> input) {
    return ((List<Map<String, Object>>) input.get("components")).get(0);
  }
}
