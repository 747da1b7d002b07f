package app.premia.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.premia.platform.config.RuntimeProfile;
import graphql.ExecutionResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A corpus of malformed and abusive documents and request bodies, generated from a fixed seed
 * (random truncations and mutations of valid documents, plus hand-written attacks). Each document
 * runs through the engine in the prod and dev profiles and, wrapped in a JSON body, through {@link
 * GraphQlJson#parseRequest} and the engine; each malformed body through the same path. Every
 * response must serialise, carry a known {@code extensions.code} on each error (never {@code
 * INTERNAL}: malformed input is the client's fault), show no stack trace or Java class name, and,
 * when it has no data, no data fetcher may have run. Documents over a limit must be refused with
 * {@code BAD_REQUEST}.
 */
class MalformedDocumentsTest {

  private static final long SEED = 20_261_127L;

  /** graphql-java's toString of its syntax tree, e.g. {@code IntValue{value=1}}. */
  private static final Pattern AST_TO_STRING = SafeErrorMessages.NODE_TO_STRING;

  /** Java's own class names that coercion messages could name. */
  private static final Pattern JAVA_SIMPLE_NAME =
      Pattern.compile(
          "\\b(LinkedHashMap|HashMap|ArrayList|ImmutableList|ImmutableMap|BigDecimal|BigInteger"
              + "|Integer|Long|Double|Character|ListN|MapN|IntValue|StringValue|FloatValue"
              + "|ObjectValue|ArrayValue|EnumValue|BooleanValue)\\b");

  /** How the messages of the query limits and the parser's limits start. */
  private static final Pattern LIMIT_MESSAGE =
      Pattern.compile(
          "Query depth |Query complexity |Alias count |Root field count |Fragment nesting |Page size"
              + " |Number literal |More than ");

  private static final LimitsFixture PROD = new LimitsFixture(RuntimeProfile.PROD);
  private static final LimitsFixture DEV = new LimitsFixture(RuntimeProfile.DEV);

  private static int responsesChecked;
  private static long slowestMillis;
  private static String slowestCase = "";

  /** One document to try; {@code overLimit} when it must be refused by the query limits. */
  record Case(
      String name,
      String query,
      String operationName,
      Map<String, Object> variables,
      boolean overLimit) {}

  /** Valid documents: the seeds of truncation and mutation. */
  static final List<String> VALID =
      List.of(
          "{ serverInfo { name version profile serverTime } }",
          "query Q($n: Int = 5) { items(first: $n) { edges { cursor node { id name amount } }"
              + " page { hasNextPage endCursor } } }",
          "{ node(id: \"1\") { id name child { id children { id name } } } }",
          "query Named { a: nodes { id } b: nodes { name } __typename }",
          "{ thing(id: 1) { ... on Node { id name } ... on Item { amount } } }",
          "{ named { name ... on Node { children { id } } } }",
          "query($k: Kind, $t: String) { say(text: $t, kind: $k, count: 3, amount: \"1.50\","
              + " on: \"2026-11-27\", at: \"2026-11-27T09:30:00+03:00\") }",
          "{ say(input: {text: \"a\", count: 2, nested: {text: \"b\"}, kinds: [SMALL, LARGE]}) }",
          "{ ...Root } fragment Root on Query { node { ...N } } fragment N on Node { id name }",
          "{ node { id @include(if: true) name @skip(if: false) } }",
          "mutation Ping { ping }",
          "query { items(last: 2, before: \"x\") { nodes { id related(first: 3) { nodes { id } } } }"
              + " }",
          "# comment\n{\n  say(text: \"\"\"block\nstring\"\"\")\n}\n");

  private static final String JUNK =
      "{}()[]:$@!.=|&\"#,\\'`~%^*+-/<>?;0123456789aZ_ \t\n\r\u00e9\u20ac\u0000\u0007\u202e\ufeff"
          + "\ufffd\u2028\ud83d\ude00\ud800\udc00\u0430";

  /** Tokens (and near-tokens) that random token soup is made of. */
  private static final List<String> SOUP =
      Stream.concat(
              Stream.of(
                  ("{ } ( ) [ ] : $ @ ! ... = | & , query mutation subscription fragment on type"
                          + " say nodes node items first input text id __typename __schema @skip"
                          + " 1 -1 1.5e3 \"s\" \"\"\"b\"\"\" true null SMALL $n Int")
                      .split(" ")),
              Stream.of("# c\n", "\n"))
          .toList();

  private static List<Case> corpus;

  static synchronized List<Case> corpus() {
    if (corpus == null) {
      corpus = generate();
    }
    return corpus;
  }

  private static List<Case> generate() {
    Random random = new Random(SEED);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < VALID.size(); i++) {
      cases.add(new Case("valid " + i, VALID.get(i), null, Map.of(), false));
    }
    // random truncations
    for (int i = 0; i < VALID.size(); i++) {
      String valid = VALID.get(i);
      for (int j = 0; j < 6; j++) {
        int cut = random.nextInt(valid.length());
        cases.add(
            new Case(
                "valid " + i + " cut at " + cut, valid.substring(0, cut), null, Map.of(), false));
      }
    }
    // random mutations: one to five edits each
    for (int n = 0; n < 90; n++) {
      int i = random.nextInt(VALID.size());
      StringBuilder text = new StringBuilder(VALID.get(i));
      int edits = 1 + random.nextInt(5);
      for (int e = 0; e < edits; e++) {
        int at = text.length() == 0 ? 0 : random.nextInt(text.length());
        switch (random.nextInt(5)) {
          case 0 -> text.insert(at, JUNK.charAt(random.nextInt(JUNK.length())));
          case 1 -> {
            if (text.length() > 0) {
              text.deleteCharAt(at);
            }
          }
          case 2 -> {
            if (text.length() > 0) {
              text.setCharAt(at, JUNK.charAt(random.nextInt(JUNK.length())));
            }
          }
          case 3 -> {
            int end = Math.min(text.length(), at + 1 + random.nextInt(12));
            text.insert(at, text.substring(at, end));
          }
          default -> {
            int end = Math.min(text.length(), at + 1 + random.nextInt(8));
            text.delete(at, end);
          }
        }
      }
      cases.add(
          new Case(
              "valid " + i + " with " + edits + " edits #" + n,
              text.toString(),
              null,
              Map.of(),
              false));
    }
    // random token soup
    for (int n = 0; n < 40; n++) {
      int length = 1 + random.nextInt(40);
      String soup =
          IntStream.range(0, length)
              .mapToObj(k -> SOUP.get(random.nextInt(SOUP.size())))
              .collect(Collectors.joining(" "));
      cases.add(new Case("token soup #" + n, soup, null, Map.of(), false));
    }
    handWritten(cases);
    return List.copyOf(cases);
  }

  private static void add(List<Case> cases, String name, String query) {
    cases.add(new Case(name, query, null, Map.of(), false));
  }

  private static void over(List<Case> cases, String name, String query) {
    cases.add(new Case(name, query, null, Map.of(), true));
  }

  private static void withVariables(
      List<Case> cases, String name, String query, Map<String, Object> variables) {
    cases.add(new Case(name, query, null, variables, false));
  }

  private static Map<String, Object> vars(String name, Object value) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(name, value);
    return variables;
  }

  private static String chain(int depth) {
    return "{ node " + "{ child ".repeat(depth - 2) + "{ id }" + " }".repeat(depth - 1);
  }

  private static String repeat(int count, String format) {
    return IntStream.range(0, count)
        .mapToObj(i -> format.replace("#", String.valueOf(i)))
        .collect(Collectors.joining(" "));
  }

  private static void handWritten(List<Case> c) {
    // limits
    over(c, "depth 13", chain(13));
    over(c, "depth 40", chain(40));
    over(
        c,
        "depth through a fragment",
        "{ node { ...D } } fragment D on Node { " + "child { ".repeat(12) + "id" + " }".repeat(13));
    over(c, "31 aliases", "{ node { " + repeat(31, "a#: id") + " } }");
    over(c, "2000 aliases", "{ node { " + repeat(2000, "a#: id") + " } }");
    over(c, "1000 root aliases", "{ " + repeat(1000, "a#: say") + " }");
    over(c, "21 root fields", "{ " + "say ".repeat(21) + "}");
    over(c, "3000 root fields", "{ " + "say ".repeat(3000) + "}");
    over(c, "complexity 11111", "{ nodes { children { children { children { id } } } } }");
    over(
        c,
        "complexity wide",
        "{ " + repeat(15, "a#: nodes { children { children { id } } }") + " }");
    over(
        c,
        "complexity nested pages",
        "{ items(first: 100) { nodes { related(first: 100) { nodes { related(first: 100) { nodes"
            + " { id } } } } } } }");
    over(c, "first: 0", "{ items(first: 0) { nodes { id } } }");
    over(c, "first: -1", "{ items(first: -1) { nodes { id } } }");
    over(c, "first: 101", "{ items(first: 101) { nodes { id } } }");
    over(c, "last: 2147483648", "{ items(last: 2147483648) { nodes { id } } }");
    over(c, "first: 10^25", "{ items(first: 10000000000000000000000000) { nodes { id } } }");
    over(c, "first: 1e3", "{ items(first: 1e3) { nodes { id } } }");
    over(c, "first default 500", "query($n: Int = 500) { items(first: $n) { nodes { id } } }");
    cases(
        c,
        "first variable",
        "query($n: Int) { items(first: $n) { nodes { id } } }",
        true,
        101,
        0,
        -7,
        1000L,
        new BigInteger("100000000000000000000000000000"),
        new BigDecimal("1E+999999999"),
        new BigDecimal("-1E+999999999"),
        new BigDecimal("1000.5"),
        "1000");
    cases(
        c,
        "first variable, wrong type",
        "query($n: Int) { items(first: $n) { nodes { id } } }",
        false,
        "abc",
        new BigDecimal("5.5"),
        new BigDecimal("1E-999999999"),
        true,
        List.of(10),
        Map.of("a", 1),
        "",
        "1e999999");
    // fragment bombs and chains
    StringBuilder bomb = new StringBuilder("{ node { ...F30 } } fragment F0 on Node { id }");
    for (int i = 1; i <= 30; i++) {
      bomb.append(" fragment F")
          .append(i)
          .append(" on Node { ...F")
          .append(i - 1)
          .append(" ...F")
          .append(i - 1)
          .append(" }");
    }
    over(c, "fragment bomb 2^30", bomb.toString());
    StringBuilder chain = new StringBuilder("{ ...C0 }");
    for (int i = 0; i < 1500; i++) {
      chain.append(" fragment C").append(i).append(" on Query { ...C").append(i + 1).append(" }");
    }
    chain.append(" fragment C1500 on Query { say }");
    over(c, "fragment chain 1500", chain.toString());
    StringBuilder nesting = new StringBuilder("{ ...N1 }");
    for (int i = 1; i <= 21; i++) {
      nesting
          .append(" fragment N")
          .append(i)
          .append(" on Query { say ...N")
          .append(i + 1)
          .append(" }");
    }
    nesting.append(" fragment N22 on Query { say }");
    over(c, "fragment nesting 22", nesting.toString());
    add(c, "fragment cycle self", "{ ...A } fragment A on Query { say ...A }");
    add(
        c,
        "fragment cycle pair",
        "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }");
    add(c, "fragment cycle nested", "{ node { ...A } } fragment A on Node { child { ...A } }");
    StringBuilder ring = new StringBuilder("{ ...R0 }");
    for (int i = 0; i < 200; i++) {
      ring.append(" fragment R")
          .append(i)
          .append(" on Query { say ...R")
          .append((i + 1) % 200)
          .append(" }");
    }
    add(c, "fragment cycle of 200", ring.toString());
    add(c, "unknown fragment", "{ ...Nope }");
    add(c, "unknown nested fragment", "{ node { ...Nope } }");
    add(c, "unused fragment", "{ say } fragment U on Query { say }");
    add(c, "fragment on unknown type", "{ ...F } fragment F on Nope { say }");
    add(c, "fragment on a scalar", "{ ...F } fragment F on String { say }");
    add(c, "inline fragment on unknown type", "{ ... on Nope { say } }");
    add(c, "fragment on wrong type", "{ ...F } fragment F on Node { id }");
    add(
        c,
        "duplicate fragment",
        "{ ...F } fragment F on Query { say } fragment F on Query { say }");
    // syntax
    for (String text :
        List.of(
            "",
            " ",
            "\n\n\t",
            ",,,,",
            "# only a comment",
            "{",
            "}",
            "{}",
            "{ }",
            "{ say",
            "say }",
            "{{ say }}",
            "{ say ) }",
            "{ say(text: \"a\" }",
            "{ say(text: }",
            "{ say( }",
            "query (",
            "query Q($",
            "query Q($n) { say }",
            "query Q($n: ) { say }",
            "fragment",
            "fragment F on",
            "fragment F on Query",
            "... F",
            "{ ... }",
            "{ ...on }",
            "{ ... on { say } }",
            "query",
            "mutation",
            "subscription",
            "{ $var }",
            "{ @skip }",
            "{ say @ }",
            "{ say! }",
            "{ say: }",
            "{ a: b: say }",
            "{ say(text: $) }",
            "& | = ;",
            "`{ say }`",
            "{ say € }",
            "{ 1say }",
            "{ say(text: 'single') }",
            "{ say(text: \"unterminated) }",
            "{ say(text: \"\\q\") }",
            "{ say(text: \"\\u12\") }",
            "{ say(text: \"\\uD800\") }",
            "{ say(text: \"\\uDC00\\uD800\") }",
            "{ say(text: \"\\u{110000}\") }",
            "{ say(text: \"\\u{D800}\") }",
            "{ say(count: 0x10) }",
            "{ say(count: 1e) }",
            "{ say(count: 01) }",
            "{ say(count: -) }",
            "{ say(count: 1.) }",
            "{ say(count: .5) }",
            "{ say(count: --1) }",
            "{ say(text: \"line\nbreak\") }",
            "{ say(text: \"\"\"open) }",
            "{ say(text: \"\"\"a\\\"\"\"b\"\"\") }",
            "\u0000",
            "{ say }\u0000",
            "\ufeff{ say }",
            "{ say }\u202e",
            "{ s\u0430y }",
            "{ \ud83d\ude00 }",
            "{ say(text: \"\ud83d\ude00\") }",
            "{ say(text: \"\u0000\") }",
            "{ say(text: \"\u0007\") }",
            "{ say(text: \"\ud800\") }",
            "{ \ud800 }",
            "{ say }\udc00",
            "\u2028{ say }\u2029",
            "{ say }}}}}}",
            "{{{{{{ say",
            "{ say(text: \"a\") (text: \"b\") }",
            "{ say(text: \"a\",, ,) }",
            "{ say() }",
            "{ node(id: ) { id } }",
            "{ node { } }",
            "query Q { say } query Q",
            "query Q($n: Int = $m) { say }",
            "query Q($n: [[[Int]]]!!) { say }",
            "{ say(input: {text: \"a\" text: }) }",
            "{ say(input: {:}) }",
            "{ say(input: [}) }",
            "type Foo { a: Int }",
            "schema { query: Query }",
            "extend type Query { x: Int }",
            "scalar X",
            "directive @x on FIELD",
            "{ say } type X { a: Int }",
            "input I { a: Int }",
            "{ say } extend schema @x")) {
      add(c, "syntax " + LimitsFixture.abbreviate(printable(text)), text);
    }
    // parser limits
    add(c, "5000 open braces", "{".repeat(5000));
    add(c, "5000 close braces", "}".repeat(5000));
    add(c, "braces nested 500 deep", "{ node ".repeat(500) + "}".repeat(500));
    add(
        c,
        "list value nested 5000 deep",
        "{ say(text: " + "[".repeat(5000) + "]".repeat(5000) + ") }");
    add(
        c,
        "object value nested 300 deep",
        "{ say(input: " + "{nested: ".repeat(300) + "{text: \"a\"}" + "}".repeat(300) + ") }");
    add(
        c,
        "16000 tokens",
        "{ say(input: {text: \"a\", kinds: [" + "SMALL ".repeat(16_000) + "]}) }");
    add(c, "60000 commas", "{ say" + ",".repeat(60_000) + " }");
    add(c, "300000 characters", "{ say(text: \"" + "x".repeat(300_000) + "\") }");
    add(c, "huge comment", "#" + "c".repeat(250_000) + "\n{ say }");
    add(c, "5000 operations", repeat(5000, "query Q# { say }"));
    add(c, "2000 operations, none chosen", repeat(2000, "query Q# { say }"));
    c.add(
        new Case(
            "2000 operations, last chosen",
            repeat(2000, "query Q# { say }"),
            "Q1999",
            Map.of(),
            false));
    add(c, "1000 fragments unused", "{ say } " + repeat(1000, "fragment F# on Query { say }"));
    // giant values
    add(c, "string of 200000", "{ say(text: \"" + "y".repeat(200_000) + "\") }");
    add(c, "block string of 200000", "{ say(text: \"\"\"" + "z\n".repeat(100_000) + "\"\"\") }");
    add(c, "field name of 100000", "{ " + "f".repeat(100_000) + " }");
    add(c, "argument name of 100000", "{ say(" + "a".repeat(100_000) + ": 1) }");
    over(c, "integer of 100000 digits", "{ say(count: " + "9".repeat(100_000) + ") }");
    over(c, "float of 100000 digits", "{ say(count: 1." + "5".repeat(100_000) + ") }");
    add(c, "exponent 999999999", "{ say(count: 1e999999999) }");
    add(
        c,
        "list of 10000 enums",
        "{ say(input: {text: \"a\", kinds: [" + "SMALL ".repeat(10_000) + "]}) }");
    add(c, "object with 3000 fields", "{ say(input: {" + repeat(3000, "f#: 1") + "}) }");
    add(c, "3000 arguments", "{ say(" + repeat(3000, "a#: 1") + ") }");
    add(c, "3000 directives", "{ say " + "@skip(if: false) ".repeat(3000) + "}");
    add(c, "3000 variables", "query(" + repeat(3000, "$v#: Int") + ") { say }");
    // validation
    for (String text :
        List.of(
            "{ nodes }",
            "{ say { x } }",
            "{ nope }",
            "{ node { nope } }",
            "{ say(nope: 1) }",
            "{ say(text: \"a\", text: \"b\") }",
            "{ say(count: \"1\") }",
            "{ say(count: 1.5) }",
            "{ say(count: 2147483648) }",
            "{ say(amount: 1.5) }",
            "{ say(amount: \"1,5\") }",
            "{ say(amount: \"" + "1".repeat(100) + "\") }",
            "{ say(on: \"2026-13-45\") }",
            "{ say(on: 20261127) }",
            "{ say(at: \"yesterday\") }",
            "{ say(at: \"2026-11-27T09:30\") }",
            "{ say(kind: small) }",
            "{ say(kind: \"SMALL\") }",
            "{ say(kind: true) }",
            "{ say(input: {text: \"a\", nested: 5}) }",
            "{ say(input: {text: null}) }",
            "{ say(input: {}) }",
            "{ say(input: {text: \"a\", nope: 1}) }",
            "{ say(input: 5) }",
            "{ say(input: {text: \"a\", kinds: [NOPE]}) }",
            "{ thing(id: null) { __typename } }",
            "{ thing { __typename } }",
            "{ thing(id: 1) { id } }",
            "{ named { id } }",
            "{ node { id } node(id: 1) { id } }",
            "{ a: say a: nodes { id } }",
            "{ named { ... on Item { amount } ... on Node { amount: name } } }",
            "{ serverInfo { ... on Item { id } } }",
            "query { ping }",
            "mutation { say }",
            "mutation { ping ping: say }",
            "subscription { say }",
            "{ say } { say }",
            "query A { say } { say }",
            "query A { say } query A { say }",
            "query($n: Int, $n: Int) { say(count: $n) }",
            "query($n: Int) { say }",
            "{ say(count: $undefined) }",
            "query($n: String) { say(count: $n) }",
            "query($n: Foo) { say }",
            "query($n: Node) { say }",
            "query($n: Int = \"abc\") { say }",
            "query($n: Int! = null) { say(count: $n) }",
            "{ __foo }",
            "{ __typename }",
            "{ __typename @skip(if: true) }",
            "query @skip(if: true) { say }",
            "{ say @include }",
            "{ say @skip(if: \"yes\") }",
            "{ say @foo }",
            "{ say @deprecated }",
            "{ ...F } fragment F on Query @include(if: true) { say }",
            "{ say @skip(if: true) @skip(if: false) }",
            "query($v: Int @deprecated) { say }",
            "{ say @defer }",
            "{ nodes @stream { id } }",
            "{ say @oneOf }",
            "{ say @specifiedBy(url: \"x\") }",
            "{ __schema { types { name } } }",
            "{ __type(name: \"Query\") { name } }",
            "{ a: __schema { queryType { name } } b: __schema { queryType { name } } }",
            "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
            "{ __type(name: \"Node\") { fields { type { ofType { ofType { ofType { ofType { name }"
                + " } } } } } } }")) {
      add(c, "validation " + printable(text), text);
    }
    add(c, "graphiql introspection in prod", QueryLimitsTest.introspectionQuery());
    // variables
    String count = "query($n: Int) { say(count: $n) }";
    for (Object value :
        List.of(
            "abc",
            new BigDecimal("1.5"),
            1L << 40,
            new BigInteger("1" + "0".repeat(30)),
            true,
            List.of(1),
            Map.of("a", 1),
            "",
            new BigDecimal("1E+999999999"))) {
      withVariables(c, "Int variable " + printable(String.valueOf(value)), count, vars("n", value));
    }
    withVariables(c, "Int! variable null", "query($n: Int!) { say(count: $n) }", vars("n", null));
    withVariables(c, "Int! variable missing", "query($n: Int!) { say(count: $n) }", Map.of());
    String input = "query($i: SayInput) { say(input: $i) }";
    withVariables(c, "input empty", input, vars("i", Map.of()));
    withVariables(c, "input wrong field type", input, vars("i", Map.of("text", 5)));
    withVariables(c, "input unknown field", input, vars("i", Map.of("text", "a", "nope", 1)));
    withVariables(c, "input as list", input, vars("i", List.of(Map.of("text", "a"))));
    withVariables(c, "input as string", input, vars("i", "{text: \"a\"}"));
    Map<String, Object> deep = Map.of("text", "x");
    for (int i = 0; i < 300; i++) {
      deep = Map.of("text", "x", "nested", deep);
    }
    withVariables(c, "input nested 300 deep", input, vars("i", deep));
    withVariables(
        c, "input kinds wrong", input, vars("i", Map.of("text", "a", "kinds", List.of("NOPE"))));
    withVariables(
        c, "enum variable unknown", "query($k: Kind) { say(kind: $k) }", vars("k", "NOPE"));
    withVariables(c, "enum variable number", "query($k: Kind) { say(kind: $k) }", vars("k", 1));
    withVariables(
        c,
        "Decimal as number",
        "query($d: Decimal) { say(amount: $d) }",
        vars("d", new BigDecimal("12.5")));
    withVariables(
        c, "Decimal with exponent", "query($d: Decimal) { say(amount: $d) }", vars("d", "1e5"));
    withVariables(
        c,
        "Decimal of 10000 digits",
        "query($d: Decimal) { say(amount: $d) }",
        vars("d", "9".repeat(10_000)));
    withVariables(c, "Date garbage", "query($d: Date) { say(on: $d) }", vars("d", "2026-02-30"));
    withVariables(
        c, "Date as object", "query($d: Date) { say(on: $d) }", vars("d", Map.of("y", 1)));
    withVariables(c, "DateTime garbage", "query($t: DateTime) { say(at: $t) }", vars("t", "soon"));
    withVariables(
        c,
        "DateTime without offset",
        "query($t: DateTime) { say(at: $t) }",
        vars("t", "2026-11-27T09:30:00"));
    withVariables(
        c, "String as list", "query($t: String) { say(text: $t) }", vars("t", List.of("a")));
    withVariables(
        c, "ID as object", "query($id: ID) { node(id: $id) { id } }", vars("id", Map.of()));
    withVariables(
        c,
        "list variable of junk",
        "query($l: [Kind!]) { say(input: {text: \"a\", kinds:" + " $l}) }",
        vars("l", List.of("SMALL", 5, Map.of())));
    withVariables(c, "extra variables", "{ say }", Map.of("unused", "x", "n", 1));
    withVariables(c, "variable named with junk", "{ say }", vars("\u0000\ud800", "x"));
    c.add(new Case("unknown operation name", "query A { say }", "B", Map.of(), false));
    c.add(new Case("operation name for anonymous", "{ say }", "A", Map.of(), false));
    c.add(
        new Case(
            "no operation name among two",
            "query A { say } query B { say }",
            null,
            Map.of(),
            false));
    c.add(new Case("operation name of junk", "query A { say }", "\u0000\ud800 ", Map.of(), false));
  }

  private static void cases(
      List<Case> c, String name, String query, boolean overLimit, Object... values) {
    for (Object value : values) {
      c.add(
          new Case(
              name + " " + printable(String.valueOf(value)),
              query,
              null,
              vars("n", value),
              overLimit));
    }
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .limit(60)
        .forEach(
            cp -> {
              if (cp < 0x20
                  || (cp >= 0x7f && cp < 0xa0)
                  || Character.isSurrogate((char) cp)
                  || cp == 0x2028
                  || cp == 0x2029
                  || cp == 0x202e
                  || cp == 0xfeff) {
                out.append(String.format("\\u%04x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  // ---- request bodies ---------------------------------------------------------------------------

  private static final String DEEP_ARRAY = "[".repeat(10_000);
  private static final String DEEP_VARIABLE_ARRAY =
      "{\"query\":\"{ say }\",\"variables\":{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}}";
  private static final String DEEP_VARIABLE_OBJECT =
      "{\"query\":\"{ say }\",\"variables\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_001);
  private static final String LONG_NUMBER =
      "{\"query\":\"query($n:Int){items(first:$n){nodes{id}}}\",\"variables\":{\"n\":"
          + "9".repeat(5000)
          + "}}";

  static List<String> bodies() {
    Random random = new Random(SEED + 1);
    List<String> bodies = new ArrayList<>();
    String valid =
        GraphQlJson.write(
            new LinkedHashMap<>(
                Map.of(
                    "query",
                    "query Q($n: Int) { items(first: $n) { nodes { id } } }",
                    "variables",
                    Map.of("n", 3))));
    for (int i = 0; i < 15; i++) {
      bodies.add(valid.substring(0, random.nextInt(valid.length())));
    }
    for (int i = 0; i < 15; i++) {
      StringBuilder text = new StringBuilder(valid);
      for (int e = 0; e <= random.nextInt(3); e++) {
        text.setCharAt(random.nextInt(text.length()), JUNK.charAt(random.nextInt(JUNK.length())));
      }
      bodies.add(text.toString());
    }
    String say = "{\"query\":\"{ say }\"}";
    bodies.addAll(
        List.of(
            "",
            " ",
            "null",
            "true",
            "1",
            "\"{ say }\"",
            "[]",
            "[" + say + "]",
            "[" + say + "," + say + "]",
            "{}",
            "{\"query\":null}",
            "{\"query\":5}",
            "{\"query\":[\"{ say }\"]}",
            "{\"query\":{}}",
            "{\"query\":\"\"}",
            "{\"query\":\"{ say }\",\"variables\":\"{}\"}",
            "{\"query\":\"{ say }\",\"variables\":[]}",
            "{\"query\":\"{ say }\",\"variables\":5}",
            "{\"query\":\"{ say }\",\"operationName\":5}",
            "{\"query\":\"{ say }\",\"operationName\":{}}",
            "{\"query\":\"{ say }\"",
            "{\"query\":\"{ say }\"}}",
            "{\"query\":\"{ say }\"} trailing",
            "{'query':'{ say }'}",
            "{query:\"{ say }\"}",
            "{\"query\":\"{ say }\",}",
            "{\"query\":\"\\ud800\"}",
            "{\"query\":\"\\u0000\"}",
            "{\"query\":\"\\x41\"}",
            "{\"query\":\"{ say }\",\"query\":\"{ nodes { id } }\"}",
            DEEP_ARRAY,
            DEEP_VARIABLE_ARRAY,
            DEEP_VARIABLE_OBJECT,
            "{\"query\":\"query($i:SayInput){say(input:$i)}\",\"variables\":{\"i\":"
                + "{\"text\":\"a\",\"nested\":".repeat(900)
                + "{\"text\":\"b\"}"
                + "}".repeat(900)
                + "}}",
            "{\"query\":\"query($n:Int){items(first:$n){nodes{id}}}\",\"variables\":{\"n\":1e999999999}}",
            "{\"query\":\"query($n:Int){items(first:$n){nodes{id}}}\",\"variables\":{\"n\":1e-999999999}}",
            LONG_NUMBER,
            "{\"query\":\"query($n:Int){items(first:$n){nodes{id}}}\",\"variables\":{\"n\":-0}}",
            "{\"query\":\"query($n:Int){items(first:$n){nodes{id}}}\",\"variables\":{\"n\":1.0}}",
            "{\"query\":\"query($n:Int){items(first:$n){nodes{id}}}\",\"variables\":{\"n\":\"10\"}}",
            "{\"query\":\"query($n:Int){items(first:$n){nodes{id}}}\",\"variables\":{\"n\":NaN}}",
            "{\"query\":\"query($n:Int){items(first:$n){nodes{id}}}\",\"variables\":{\"n\":Infinity}}",
            "\ufeff" + say,
            say + "\u0000",
            "{\"query\":\"{ say(text: \\\"\u0001\\\") }\"}",
            "{\"query\":\"{ say }\"\u0000}",
            "{\"query\":\"{ say }\",\"extensions\":{\"persistedQuery\":"
                + "{\"version\":1,\"sha256Hash\":\"abc\"}}}",
            "{\"query\":\"" + "x".repeat(GraphQlJson.MAX_BODY_CHARS) + "\"}",
            "{\"query\":\"{ say }\",\"variables\":{\"" + "k".repeat(100_000) + "\":1}}",
            "\u0000\u0000\u0000",
            "\ud800",
            "{\"query\":\"{ say }\"}\ud800"));
    return List.copyOf(bodies);
  }

  // ---- tests ------------------------------------------------------------------------------------

  @Test
  void corpusHasAtLeast200DocumentsAnd50Bodies() {
    int documents = corpus().size();
    int bodies = bodies().size();
    System.out.println(
        "Malformed corpus: "
            + documents
            + " documents (each through the prod engine, the dev engine and a JSON body) and "
            + bodies
            + " malformed bodies, seed "
            + SEED);
    assertTrue(documents >= 200, "corpus too small: " + documents);
    assertTrue(bodies >= 50, "too few bodies: " + bodies);
    assertEquals(corpus(), generate(), "the corpus must be the same on every run");
  }

  @TestFactory
  Stream<DynamicTest> everyDocument_getsASafeCodedAnswer_andNoFetcherRunsWithoutData() {
    List<Case> cases = corpus();
    return IntStream.range(0, cases.size())
        .mapToObj(
            i -> {
              Case item = cases.get(i);
              String name =
                  String.format("#%03d/%d %s", i + 1, cases.size(), printable(item.name()));
              return DynamicTest.dynamicTest(name, () -> check(item));
            });
  }

  @TestFactory
  Stream<DynamicTest> everyMalformedBody_isRefusedOrAnswered_safely() {
    List<String> bodies = bodies();
    return IntStream.range(0, bodies.size())
        .mapToObj(
            i ->
                DynamicTest.dynamicTest(
                    String.format(
                        "body #%03d/%d %s", i + 1, bodies.size(), printable(bodies.get(i))),
                    () -> throughHttpLayer(bodies.get(i), PROD)));
  }

  private static void check(Case item) {
    for (LimitsFixture fixture : List.of(PROD, DEV)) {
      fixture.fetches.set(0);
      long start = System.nanoTime();
      ExecutionResult result =
          fixture.run(new GraphQlRequest(item.query(), item.operationName(), item.variables()));
      timed(item.name(), start);
      assertAnswer(result, fixture);
      if (item.overLimit()) {
        assertFalse(result.isDataPresent(), "over a limit: no data");
        Map<String, Object> first = LimitsFixture.errors(result).get(0);
        assertEquals("BAD_REQUEST", LimitsFixture.code(first));
        assertTrue(
            LIMIT_MESSAGE.matcher(first.get("message").toString()).lookingAt(),
            () -> "not refused for a limit: " + first.get("message"));
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", item.query());
    body.put("operationName", item.operationName());
    body.put("variables", item.variables());
    throughHttpLayer(GraphQlJson.write(body), PROD);
  }

  /** What {@link GraphQlResource} does with a body, without the container. */
  private static void throughHttpLayer(String body, LimitsFixture fixture) {
    GraphQlRequest request;
    try {
      request = GraphQlJson.parseRequest(body);
    } catch (GraphQlHttpException e) {
      assertTrue(e.status() == 400 || e.status() == 413, () -> "status " + e.status());
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("message", e.getMessage());
      error.put("extensions", Map.of("code", e.code().name()));
      String json = GraphQlJson.write(Map.of("errors", List.of(error)));
      LimitsFixture.assertSafe(json);
      responsesChecked++;
      return;
    } catch (RuntimeException | StackOverflowError e) {
      fail("the HTTP layer would answer 500 for this body: " + e, e);
      return;
    }
    fixture.fetches.set(0);
    long start = System.nanoTime();
    ExecutionResult result = fixture.run(request);
    timed(LimitsFixture.abbreviate(body), start);
    assertAnswer(result, fixture);
  }

  private static void assertAnswer(ExecutionResult result, LimitsFixture fixture) {
    String json = LimitsFixture.assertWellFormed(result);
    responsesChecked++;
    for (Map<String, Object> error : LimitsFixture.errors(result)) {
      assertFalse(
          "INTERNAL".equals(LimitsFixture.code(error)),
          () -> "malformed input must not be an internal error: " + error);
      String message = String.valueOf(error.get("message"));
      var ast = AST_TO_STRING.matcher(message);
      assertFalse(ast.find(), () -> "leaks a syntax tree's toString: " + message);
      var simple = JAVA_SIMPLE_NAME.matcher(message);
      assertFalse(simple.find(), () -> "names a Java class: " + message);
    }
    if (!result.isDataPresent()) {
      assertEquals(0, fixture.fetches.get(), () -> "no data, yet fetchers ran: " + json);
      assertFalse(LimitsFixture.errors(result).isEmpty(), "no data and no error");
    }
  }

  private static void timed(String name, long start) {
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (millis > slowestMillis) {
      slowestMillis = millis;
      slowestCase = name;
    }
    assertTrue(millis < 10_000, () -> "took " + millis + " ms");
  }

  @AfterAll
  static void summary() {
    System.out.println(
        "Malformed corpus: "
            + responsesChecked
            + " responses checked; slowest "
            + slowestMillis
            + " ms ("
            + LimitsFixture.abbreviate(printable(slowestCase))
            + ")");
  }
}
