package app.premia.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.premia.platform.config.RuntimeProfile;
import graphql.ExecutionResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** graphql-java's messages that would show Java internals, as clients see them instead. */
class SafeErrorMessagesTest {

  private final LimitsFixture fixture = new LimitsFixture(RuntimeProfile.PROD);

  private String message(String query, Map<String, Object> variables) {
    ExecutionResult result = fixture.run(query, variables);
    LimitsFixture.assertWellFormed(result);
    return LimitsFixture.errors(result).get(0).get("message").toString();
  }

  private String code(String query, Map<String, Object> variables) {
    return LimitsFixture.code(LimitsFixture.errors(fixture.run(query, variables)).get(0));
  }

  @Test
  void literalOfTheWrongType_namesTheArgumentAndTheExpectedKind_notTheSyntaxTree() {
    assertEquals(
        "Validation error (WrongType@[say]) : argument 'count' is not a valid 'Int' - Expected an"
            + " integer but it was a string",
        message("{ say(count: \"1\") }", Map.of()));
    assertEquals(
        "Validation error (WrongType@[say]) : argument 'on' is not a valid 'Date' - Date must be an"
            + " ISO-8601 date such as \"2026-11-27\"",
        message("{ say(on: \"2026-13-45\") }", Map.of()));
    assertEquals(
        "Validation error (WrongType@[say]) : argument 'input' contains a field not in 'SayInput':"
            + " 'nope'",
        message("{ say(input: {text: \"a\", nope: 1}) }", Map.of()));
    assertEquals(
        "Validation error (WrongType@[say]) : argument 'kind' is not a valid 'Kind' - Literal value"
            + " not in allowable values for enum 'Kind'",
        message("{ say(kind: small) }", Map.of()));
    // a value that imitates the message's own wording does not confuse the rewrite
    assertEquals(
        "Validation error (WrongType@[say]) : argument 'amount' is not a valid 'Decimal' - Decimal"
            + " must be a decimal string such as \"1234.56\"",
        message("{ say(amount: \"x' is not a valid 'Int'} IntValue{value=\") }", Map.of()));
    assertEquals(
        "Validation error (WrongType@[node]) : argument 'id' is not a valid 'ID' - Expected an"
            + " integer or a string but it was a number",
        message("{ node(id: 1.5) { id } }", Map.of()));
    assertEquals("VALIDATION_FAILED", code("{ say(count: \"1\") }", Map.of()));
  }

  @Test
  void badDefaultValue_doesNotShowTheSyntaxTree() {
    assertEquals(
        "Validation error (BadValueForDefaultArg) : Bad default value for type 'Int'",
        message("query($n: Int = \"abc\") { say(count: $n) }", Map.of()));
  }

  @Test
  void variableOfTheWrongType_saysWhatKindOfJsonValueCame_notWhichJavaClass() {
    String count = "query($n: Int) { say(count: $n) }";
    assertEquals(
        "Variable 'n' has an invalid value: Expected a value that can be converted to type 'Int'"
            + " but it was a number",
        message(count, Map.of("n", new BigDecimal("1.5"))));
    assertEquals(
        "Variable 'n' has an invalid value: Expected a value that can be converted to type 'Int'"
            + " but it was a list",
        message(count, Map.of("n", new java.util.ArrayList<>(List.of(1)))));
    assertEquals(
        "Variable 'n' has an invalid value: Expected a value that can be converted to type 'Int'"
            + " but it was an object",
        message(count, Map.of("n", new java.util.LinkedHashMap<>(Map.of("a", 1)))));
    assertEquals(
        "Variable 'i' has an invalid value: Expected an input object but it was a list.",
        message(
            "query($i: SayInput) { say(input: $i) }",
            Map.of("i", new java.util.ArrayList<>(List.of("a")))));
    assertEquals(
        "Variable 't' has an invalid value: Expected a String input, but it was a number",
        message("query($t: String) { say(text: $t) }", Map.of("t", 5)));
    assertEquals("BAD_USER_INPUT", code(count, Map.of("n", new BigDecimal("1.5"))));
  }

  @Test
  void badFaithIntrospection_isABadRequest_notAnInternalError() {
    LimitsFixture dev = new LimitsFixture(RuntimeProfile.DEV);
    ExecutionResult result =
        dev.run("{ a: __schema { queryType { name } } b: __schema { queryType { name } } }");
    Map<String, Object> error = LimitsFixture.errors(result).get(0);
    assertEquals("BAD_REQUEST", LimitsFixture.code(error));
    assertEquals(SafeErrorMessages.BAD_FAITH_INTROSPECTION, error.get("message"));
    assertFalse(result.isDataPresent());
  }

  @Test
  void rewrite_leavesOrdinaryMessagesAlone_andCutsUnknownNodeDumps() {
    String plain =
        "Validation error (FieldUndefined@[nope]) : Field 'nope' in type 'Query' is undefined";
    assertEquals(plain, SafeErrorMessages.rewrite(plain));
    String javaLikeName =
        "Validation error (FieldUndefined@[Integer]) : Field 'Integer' in type 'Query' is undefined";
    assertEquals(javaLikeName, message("{ Integer }", Map.of()));
    assertEquals(
        "Validation error (Something) : odd.",
        SafeErrorMessages.rewrite(
            "Validation error (Something) : odd 'ObjectValue{objectFields=[]}'"));
  }
}
