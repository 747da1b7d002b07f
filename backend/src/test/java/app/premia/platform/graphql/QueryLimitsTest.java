package app.premia.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.platform.config.RuntimeProfile;
import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.parser.Parser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One test per limit: a document just within it runs, one just beyond it is refused with {@code
 * BAD_REQUEST}, a message naming the limit, no data, and no data fetcher called.
 */
class QueryLimitsTest {

  private final LimitsFixture fixture = new LimitsFixture(RuntimeProfile.PROD);

  // ---- depth ------------------------------------------------------------------------------------

  /** {@code { node { child { ... { id } } } }} with the leaf at the given depth. */
  private static String chain(int depth) {
    return "{ node " + "{ child ".repeat(depth - 2) + "{ id }" + " }".repeat(depth - 1);
  }

  @Test
  void depth_12_runs_13_isRefused() {
    fixture.assertAccepted(fixture.run(chain(12)));
    fixture.fetches.set(0);
    fixture.assertRefused(fixture.run(chain(13)), "Query depth 13 exceeds the limit of 12.");
  }

  @Test
  void depth_countsFieldsReachedThroughFragments() {
    String fragments =
        " fragment A on Node { child { child { ...B } } }"
            + " fragment B on Node { child { child { child { ...C } } } }"
            + " fragment C on Node { child { child { child { ... on Node { child { id } } } } } }";
    // node 1, child 2-4, A 5-6, B 7-9, C 10-12, the inline fragment's child 13, id 14
    fixture.assertRefused(
        fixture.run("{ node { child { child { child { ...A } } } } }" + fragments),
        "Query depth 14 exceeds the limit of 12.");
  }

  // ---- complexity -------------------------------------------------------------------------------

  private static String page(String alias, int first) {
    // items 1 + first * (edges 1 + 1 * (node 1 + id, name, amount 3)) = 1 + 5 * first
    return alias + ": items(first: " + first + ") { edges { node { id name amount } } }";
  }

  @Test
  void complexity_5000_runs_5001_isRefused() {
    // 9 pages of 100 (9 x 501) + a page of 97 (486) + say, s2, s3, s4 + __typename = 5000
    StringBuilder pages = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      pages.append(page("p" + i, 100)).append(' ');
    }
    String common = pages + page("b", 97) + " say s2: say(text: \"x\") s3: say(text: \"y\")";
    String within = "{ " + common + " s4: say(text: \"z\") __typename }";
    assertEquals(5000, complexity(within));
    fixture.assertAccepted(fixture.run(within));
    fixture.fetches.set(0);
    // one field more
    String beyond = "{ " + common + " s4: say(text: \"z\") s5: say(text: \"w\") __typename }";
    assertEquals(5001, complexity(beyond));
    fixture.assertRefused(fixture.run(beyond), "Query complexity 5001 exceeds the limit of 5000.");
  }

  @Test
  void complexity_aPageOf50UsersWithTheirDetails_fits() {
    // what the users page asks: 50 rows of a node with a nested object, plus page info
    String usersPage =
        "{ items(first: 50) { edges { node { id name amount } } nodes { id name amount } } }";
    assertTrue(complexity(usersPage) < 5000, () -> "complexity " + complexity(usersPage));
  }

  @Test
  void complexity_listsWithoutPageSizeCountTenTimes() {
    // nodes 1 + 10 * (children 1 + 10 * (id 1)) = 111
    assertEquals(111, complexity("{ nodes { children { id } } }"));
    // a connection without first/last counts as ten items; edges inside it are not multiplied again
    assertEquals(1 + 10 * (1 + (1 + 1)), complexity("{ items { edges { node { id } } } }"));
    // a connection with a default page size in the schema counts with it
    assertEquals(1 + 30 * (1 + 1), complexity("{ recent { nodes { id } } }"));
    assertEquals(
        1 + 30 * (1 + 1), complexity("query($n: Int) { recent(first: $n) { nodes { id } } }"));
    // a page size given as a variable counts with its value
    assertEquals(
        1 + 40 * (1 + 1),
        complexity("query($n: Int) { items(first: $n) { nodes { id } } }", Map.of("n", 40)));
    // ... or with the variable's default
    assertEquals(
        1 + 7 * (1 + 1), complexity("query($n: Int = 7) { items(first: $n) { nodes { id } } }"));
    // fragments count wherever they are spread
    assertEquals(
        2 * (1 + 10 * 2),
        complexity("{ a: nodes { ...F } b: nodes { ...F } } fragment F on Node { id name }"));
    fixture.assertRefused(
        fixture.run("{ nodes { children { children { children { id } } } } }"),
        "Query complexity 11111 exceeds the limit of 5000.");
  }

  @Test
  void complexity_ofNestedPagesDoesNotOverflow() {
    String nested =
        "{ items(first: 100) { nodes { related(first: 100) { nodes { related(first: 100) { nodes {"
            + " related(first: 100) { nodes { related(first: 100) { nodes { related(first: 100) {"
            + " nodes { related(first: 100) { nodes { id } } } } } } } } } } } } } } }";
    // 100^7 is beyond what is worth counting: the sum stops at 10^12
    ExecutionResult result = fixture.run(nested);
    assertFalse(result.isDataPresent());
    assertTrue(
        LimitsFixture.errors(result).stream()
            .anyMatch(
                e ->
                    e.get("message")
                        .equals(
                            "Query complexity of at least 1000000000000 exceeds the limit of"
                                + " 5000.")),
        () -> LimitsFixture.errors(result).toString());
    assertEquals(0, fixture.fetches.get());
  }

  // ---- aliases ----------------------------------------------------------------------------------

  private static String aliases(int count) {
    return "{ node { "
        + IntStream.range(0, count).mapToObj(i -> "a" + i + ": id").collect(Collectors.joining(" "))
        + " } }";
  }

  @Test
  void aliases_30_run_31_areRefused() {
    fixture.assertAccepted(fixture.run(aliases(30)));
    fixture.fetches.set(0);
    fixture.assertRefused(fixture.run(aliases(31)), "Alias count 31 exceeds the limit of 30.");
  }

  // ---- root fields ------------------------------------------------------------------------------

  @Test
  void rootFields_20_run_21_areRefused() {
    fixture.assertAccepted(fixture.run("{ " + "say ".repeat(20) + "}"));
    fixture.fetches.set(0);
    fixture.assertRefused(
        fixture.run("{ " + "say ".repeat(21) + "}"),
        "Root field count 21 exceeds the limit of 20.");
  }

  @Test
  void rootFields_includeFragmentsSpreadAtTheRoot() {
    fixture.assertRefused(
        fixture.run(
            "{ ...F ... on Query { say } serverInfo { name } }"
                + " fragment F on Query { "
                + "say ".repeat(19)
                + "}"),
        "Root field count 21 exceeds the limit of 20.");
  }

  // ---- fragment nesting -------------------------------------------------------------------------

  /** {@code { ...F1 }} where F1 spreads F2, ..., down to F{levels}. */
  private static String spreads(int levels) {
    StringBuilder document = new StringBuilder("{ ...F1 }");
    for (int i = 1; i < levels; i++) {
      document
          .append(" fragment F")
          .append(i)
          .append(" on Query { ...F")
          .append(i + 1)
          .append(" }");
    }
    return document.append(" fragment F").append(levels).append(" on Query { say }").toString();
  }

  @Test
  void fragmentNesting_20_runs_21_isRefused_andAThousandCannotOverflowTheStack() {
    fixture.assertAccepted(fixture.run(spreads(20)));
    fixture.fetches.set(0);
    fixture.assertRefused(fixture.run(spreads(21)), "Fragment nesting exceeds the limit of 20.");
    // graphql-java's validation would overflow a 1 MiB stack on this one
    fixture.assertRefused(fixture.run(spreads(1_800)), "Fragment nesting exceeds the limit of 20.");
  }

  // ---- page sizes -------------------------------------------------------------------------------

  @Test
  void pageSize_1_and_100_run_0_and_101_areRefused() {
    fixture.assertAccepted(
        fixture.run(
            "{ a: items(first: 1) { nodes { id } } b: items(last: 100) { nodes { id } } }"));
    fixture.fetches.set(0);
    fixture.assertRefused(
        fixture.run("{ items(first: 101) { nodes { id } } }"),
        "Page size 101 (argument \"first\" of field \"items\") is outside the allowed range 1 to"
            + " 100.");
    fixture.assertRefused(
        fixture.run("{ items(last: 0) { nodes { id } } }"),
        "Page size 0 (argument \"last\" of field \"items\") is outside the allowed range 1 to 100.");
    fixture.assertRefused(
        fixture.run("{ nodes { items(first: -5) { nodes { id } } } }"),
        "Page size -5 (argument \"first\" of field \"items\") is outside the allowed range 1 to"
            + " 100.");
  }

  @Test
  void pageSize_isCheckedInVariablesDefaultsAndFragments() {
    String byVariable = "query($n: Int) { items(first: $n) { nodes { id } } }";
    fixture.assertAccepted(fixture.run(byVariable, Map.of("n", 100)));
    fixture.fetches.set(0);
    fixture.assertRefused(
        fixture.run(byVariable, Map.of("n", 101)),
        "Page size 101 (argument \"first\" of field \"items\") is outside the allowed range 1 to"
            + " 100.");
    Map<String, Object> nullPage = new HashMap<>();
    nullPage.put("n", null);
    fixture.assertAccepted(fixture.run(byVariable, nullPage)); // null: the field's default page
    fixture.fetches.set(0);
    fixture.assertRefused(
        fixture.run("query($n: Int = 500) { items(first: $n) { nodes { id } } }"),
        "Page size 500 (argument \"first\" of field \"items\") is outside the allowed range 1 to"
            + " 100.");
    fixture.assertRefused(
        fixture.run(
            "{ ...F } fragment F on Query { node { items(first: 1000) { nodes { id } } } }"),
        "Page size 1000 (argument \"first\" of field \"items\") is outside the allowed range 1 to"
            + " 100.");
    fixture.assertRefused(
        fixture.run(byVariable, Map.of("n", new java.math.BigDecimal("1E+999999999"))),
        "Page size 1E+999999999 (argument \"first\" of field \"items\") is outside the allowed"
            + " range 1 to 100.");
  }

  // ---- parser: characters, tokens, whitespace, rule depth
  // -----------------------------------------

  @Test
  void tokens_15000_parse_15001_areRefused() {
    // "{ say(input: {text: "a", kinds: [" is 12 tokens, "] }) }" 4 more, the end of input 1 more
    fixture.assertAccepted(fixture.run(kinds(15_000 - 17)));
    fixture.fetches.set(0);
    assertParserRefused(fixture.run(kinds(15_001 - 17)), "More than 15?000 'grammar' tokens");
  }

  private static String kinds(int count) {
    return "{ say(input: {text: \"a\", kinds: [" + "SMALL ".repeat(count) + "] }) }";
  }

  @Test
  void whitespaceTokens_50000_parse_50001_areRefused() {
    // "{ say }": two single spaces are whitespace tokens; each comma is one more
    fixture.assertAccepted(fixture.run("{ say" + ",".repeat(50_000 - 2) + " }"));
    fixture.fetches.set(0);
    assertParserRefused(
        fixture.run("{ say" + ",".repeat(50_001 - 2) + " }"),
        "More than 50?000 'whitespace' tokens");
  }

  @Test
  void characters_262144_parse_262145_areRefused() {
    String prefix = "{ say(text: \"";
    String suffix = "\") }";
    int room = QueryLimits.MAX_CHARACTERS - prefix.length() - suffix.length();
    fixture.assertAccepted(fixture.run(prefix + "x".repeat(room) + suffix));
    fixture.fetches.set(0);
    assertParserRefused(
        fixture.run(prefix + "x".repeat(room + 1) + suffix), "More than 262?144 characters");
  }

  @Test
  void numberLiterals_of100Characters_parse_101_areRefused_beforeTheyAreConverted() {
    ExecutionResult within = fixture.run("{ say(count: -1" + "0".repeat(98) + ") }");
    assertEquals("VALIDATION_FAILED", LimitsFixture.code(LimitsFixture.errors(within).get(0)));
    assertEquals(0, fixture.fetches.get());
    fixture.assertRefused(
        fixture.run("{ say(count: 1" + "0".repeat(100) + ") }"),
        "Number literal of 101 characters exceeds the limit of 100.");
    fixture.assertRefused(
        fixture.run("{ say(count: 1." + "5".repeat(250_000) + ") }"),
        "Number literal of 250002 characters exceeds the limit of 100.");
    // strings and names may be long: reading them costs linear time
    fixture.assertAccepted(fixture.run("{ say(text: \"" + "9".repeat(250_000) + "\") }"));
  }

  @Test
  void numberLiterals_areFoundOutsideStringsCommentsAndNames_withTheirPlace() {
    String digits = "9".repeat(101);
    assertEquals(null, NumberLiterals.find("{ say(text: \"" + digits + "\") }", 100));
    assertEquals(null, NumberLiterals.find("{ say(text: \"\\\"" + digits + "\") }", 100));
    assertEquals(
        null, NumberLiterals.find("{ say(text: \"\"\"a\\\"\"\"" + digits + "\"\"\") }", 100));
    assertEquals(null, NumberLiterals.find("# " + digits + "\n{ say }", 100));
    assertEquals(null, NumberLiterals.find("{ f" + digits + " }", 100));
    assertEquals(null, NumberLiterals.find("{ say(count: -" + "9".repeat(99) + ") }", 100));
    NumberLiterals.TooLong exponent =
        NumberLiterals.find("{\n  say(count: 1e" + digits + ") }", 100);
    assertEquals(103, exponent.length());
    assertEquals(2, exponent.location().getLine());
    assertEquals(14, exponent.location().getColumn());
    assertEquals(
        102, NumberLiterals.find("{ say(text: \"a\", count: -" + digits + ") }", 100).length());
  }

  @Test
  void parserRuleDepth_deepValuesAreRefused() {
    fixture.assertAccepted(fixture.run("{ say(input: " + nested(10) + ") }"));
    fixture.fetches.set(0);
    assertParserRefused(fixture.run("{ say(input: " + nested(100) + ") }"), "More than 200 deep");
    assertParserRefused(fixture.run("{ say(text: " + "[".repeat(5000) + ") }"), "More than 200");
  }

  private static String nested(int levels) {
    return "{text: \"a\", nested: ".repeat(levels) + "{text: \"b\"}" + "}".repeat(levels);
  }

  /**
   * @param messageStart how the parser's message starts; "?" stands for a thousands separator,
   *     which depends on the default locale
   */
  private void assertParserRefused(ExecutionResult result, String messageStart) {
    List<Map<String, Object>> errors = LimitsFixture.errors(result);
    assertFalse(result.isDataPresent());
    assertEquals(1, errors.size(), errors::toString);
    assertEquals("BAD_REQUEST", LimitsFixture.code(errors.get(0)));
    String pattern = java.util.regex.Pattern.quote(messageStart).replace("?", "\\E\\D?\\Q");
    assertTrue(
        errors.get(0).get("message").toString().matches(pattern + ".*"),
        () -> errors.get(0).get("message") + " does not start with " + messageStart);
    assertEquals(0, fixture.fetches.get());
    LimitsFixture.assertWellFormed(result);
  }

  // ---- several limits, several operations -------------------------------------------------------

  @Test
  void everyBrokenLimitIsReported_inAFixedOrder_pageSizesTenAtMost() {
    ExecutionResult result =
        fixture.run(
            "{ "
                + IntStream.range(0, 25)
                    .mapToObj(i -> "a" + i + ": items(first: 200) { nodes { id } }")
                    .collect(Collectors.joining(" "))
                + " }");
    List<String> messages =
        LimitsFixture.errors(result).stream().map(e -> e.get("message").toString()).toList();
    // each: 1 + 100 (200 counts as the largest page) * (nodes 1 + id 1) = 201
    // complexity, root fields, and the first 10 of the 25 page sizes
    assertEquals(12, messages.size(), messages::toString);
    assertTrue(messages.get(0).startsWith("Query complexity 5025 "), messages::toString);
    assertTrue(messages.get(1).startsWith("Root field count 25 "), messages::toString);
    assertTrue(messages.get(2).startsWith("Page size 200 "), messages::toString);
    assertEquals(0, fixture.fetches.get());
  }

  @Test
  void everyOperationOfTheDocumentMustBeWithinTheLimits() {
    String document = "query Small { say } query Deep " + chain(13);
    ExecutionResult result = fixture.run(new GraphQlRequest(document, "Small", Map.of()));
    fixture.assertRefused(result, "Query depth 13 exceeds the limit of 12.");
  }

  // ---- introspection, suggestions, batching -----------------------------------------------------

  @Test
  void devProfile_letsGraphiqlIntrospectionThrough_butStillLimitsTheRest() {
    LimitsFixture dev = new LimitsFixture(RuntimeProfile.DEV);
    ExecutionResult introspection = dev.run(introspectionQuery());
    assertTrue(introspection.getErrors().isEmpty(), () -> introspection.getErrors().toString());
    // the same document is over the depth limit where introspection counts (and is disabled)
    ExecutionResult prod = fixture.run(introspectionQuery());
    assertFalse(prod.isDataPresent());
    assertEquals("BAD_REQUEST", LimitsFixture.code(LimitsFixture.errors(prod).get(0)));
    dev.assertRefused(dev.run(chain(13)), "Query depth 13 exceeds the limit of 12.");
  }

  @Test
  void validationMessagesNeverSuggestFieldNames_inAnyProfile() {
    List<String> nearMisses =
        List.of(
            "{ serverInf { name } }",
            "{ serverInfo { nam } }",
            "{ nodes { nme } }",
            "{ say(txt: \"a\") }",
            "{ say(kind: SMAL) }",
            "{ say(input: {txt: \"a\"}) }",
            "{ thing(id: 1) { ... on Nod { id } } }",
            "query($a: Strin) { say(text: $a) }",
            "{ items(frist: 1) { nodes { id } } }",
            "{ node { id @skp(if: true) } }",
            "mutaton { ping }",
            "{ Say }",
            "{ __typenam }");
    for (RuntimeProfile profile : RuntimeProfile.values()) {
      LimitsFixture engine = new LimitsFixture(profile);
      for (String query : nearMisses) {
        ExecutionResult result = engine.run(query);
        String json = LimitsFixture.assertWellFormed(result);
        assertFalse(LimitsFixture.errors(result).isEmpty(), query);
        assertFalse(json.toLowerCase(java.util.Locale.ROOT).contains("did you mean"), json);
        assertFalse(json.contains("serverInfo\""), json); // no other name offered instead
      }
    }
  }

  @Test
  void batchesAreRefusedByTheHttpLayer_asAJsonArray() {
    GraphQlHttpException e =
        assertThrows(
            GraphQlHttpException.class,
            () -> GraphQlJson.parseRequest("[{\"query\":\"{ say }\"},{\"query\":\"{ say }\"}]"));
    assertEquals(400, e.status());
    assertEquals("The request body must be a JSON object.", e.getMessage());
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** What GraphiQL sends: graphql-js 16's introspection query (nine levels of ofType). */
  static String introspectionQuery() {
    try (var in =
        QueryLimitsTest.class
            .getClassLoader()
            .getResourceAsStream("graphql/introspection-query.graphql")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private long complexity(String query) {
    return complexity(query, Map.of());
  }

  private long complexity(String query, Map<String, Object> variables) {
    Document document = Parser.parse(query);
    return QueryShape.of(document, variables, fixture.engine.schema(), true, 20).complexity();
  }
}
