package app.premia.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.premia.platform.config.RuntimeProfile;
import app.premia.platform.errors.CorrelationId;
import app.premia.platform.errors.ErrorCode;
import graphql.ExecutionResult;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An engine over {@code platform.graphqls} and {@code limits-test.graphqls} whose data fetchers
 * answer every field with made-up data and count their calls, so a test can prove that a document
 * was refused before any of them ran; and the checks every response must pass.
 */
final class LimitsFixture {

  static final CorrelationId ID = new CorrelationId("limits-test-0001");

  /**
   * A fully qualified Java class name such as {@code graphql.execution.Foo}; possessive and
   * anchored at the start of a word, so that a message echoing 200 000 letters is checked in linear
   * time.
   */
  static final Pattern CLASS_NAME =
      Pattern.compile("(?<![a-z])[a-z]++\\.[a-z]++\\.[A-Z][A-Za-z]*+");

  private static final Set<String> CODES =
      Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());

  final AtomicInteger fetches = new AtomicInteger();
  final GraphQlEngine engine;

  LimitsFixture(RuntimeProfile profile) {
    DataFetcher<Object> recorder =
        env -> {
          fetches.incrementAndGet();
          return value(env.getFieldType());
        };
    TypeResolver byMarker =
        env -> {
          Object source = env.getObject();
          String name =
              source instanceof Map<?, ?> map ? String.valueOf(map.get("__kind")) : "Node";
          return env.getSchema().getObjectType(name);
        };
    SchemaContribution platform =
        new SchemaContribution() {
          @Override
          public String sdlResource() {
            return GraphQlEngine.PLATFORM_SDL;
          }

          @Override
          public void wire(RuntimeWiring.Builder wiring) {
            for (String type : List.of("Query", "Mutation", "ServerInfo")) {
              wiring.type(type, builder -> builder.defaultDataFetcher(recorder));
            }
          }
        };
    SchemaContribution fixture =
        new SchemaContribution() {
          @Override
          public String sdlResource() {
            return "graphql/limits-test.graphqls";
          }

          @Override
          public void wire(RuntimeWiring.Builder wiring) {
            for (String type : List.of("Node", "ItemConnection", "ItemEdge", "ItemPage", "Item")) {
              wiring.type(type, builder -> builder.defaultDataFetcher(recorder));
            }
            wiring.type("Named", builder -> builder.typeResolver(byMarker));
            wiring.type("Thing", builder -> builder.typeResolver(byMarker));
          }
        };
    engine = new GraphQlEngine(List.of(platform, fixture), profile);
  }

  /** Made-up data of the given type: lists of two, objects marked with their type's name. */
  private static Object value(GraphQLOutputType type) {
    GraphQLOutputType bare = (GraphQLOutputType) GraphQLTypeUtil.unwrapNonNull(type);
    if (bare instanceof GraphQLList list) {
      Object item = value((GraphQLOutputType) list.getWrappedType());
      return List.of(item, item);
    }
    if (bare instanceof GraphQLEnumType enumType) {
      return enumType.getValues().get(0).getName();
    }
    if (bare instanceof GraphQLScalarType scalar) {
      return switch (scalar.getName()) {
        case "Int" -> 1;
        case "Boolean" -> true;
        case "Float" -> 1.5d;
        case "ID" -> "1";
        case "Decimal" -> new BigDecimal("1.00");
        case "Date" -> LocalDate.of(2026, 11, 27);
        case "DateTime" -> OffsetDateTime.of(2026, 11, 27, 9, 30, 0, 0, ZoneOffset.ofHours(3));
        default -> "text";
      };
    }
    String name = ((GraphQLNamedType) bare).getName();
    // an interface or a union resolves to Node; an object type to itself
    return Map.of("__kind", bare instanceof GraphQLObjectType ? name : "Node");
  }

  ExecutionResult run(String query) {
    return run(query, Map.of());
  }

  ExecutionResult run(String query, Map<String, Object> variables) {
    return engine.execute(new GraphQlRequest(query, null, variables), new RequestContext(ID));
  }

  ExecutionResult run(GraphQlRequest request) {
    return engine.execute(request, new RequestContext(ID));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> errors(ExecutionResult result) {
    Object errors = result.toSpecification().get("errors");
    return errors == null ? List.of() : (List<Map<String, Object>>) errors;
  }

  @SuppressWarnings("unchecked")
  static String code(Map<String, Object> error) {
    Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
    return extensions == null ? null : String.valueOf(extensions.get("code"));
  }

  /** Asserts that the document was refused with one BAD_REQUEST error and no fetcher ran. */
  void assertRefused(ExecutionResult result, String message) {
    List<Map<String, Object>> errors = errors(result);
    assertFalse(errors.isEmpty(), "expected the document to be refused");
    assertFalse(result.isDataPresent(), "a refused document has no data");
    assertEquals("BAD_REQUEST", code(errors.get(0)), () -> errors.toString());
    assertEquals(message, errors.get(0).get("message"));
    assertEquals(0, fetches.get(), "no data fetcher may run for a refused document");
    assertSafe(GraphQlJson.write(result.toSpecification()));
  }

  /** Asserts that the document ran without errors and its fetchers were called. */
  void assertAccepted(ExecutionResult result) {
    assertTrue(result.getErrors().isEmpty(), () -> errors(result).toString());
    assertTrue(result.isDataPresent());
    assertTrue(fetches.get() > 0, "the fetchers must have run");
  }

  /**
   * The checks for every response: it serialises, every error carries a known code, and nothing
   * looks like a stack trace or a Java class name. Returns the serialised JSON.
   */
  static String assertWellFormed(ExecutionResult result) {
    String json;
    try {
      json = GraphQlJson.write(result.toSpecification());
    } catch (RuntimeException e) {
      throw new AssertionError("the response does not serialise: " + e, e);
    }
    for (Map<String, Object> error : errors(result)) {
      assertNotNull(error.get("message"), () -> "an error without message: " + error);
      String code = code(error);
      if (code == null || !CODES.contains(code)) {
        fail("an error without a known extensions.code: " + error);
      }
      assertSafe(String.valueOf(error.get("message")));
    }
    assertSafe(json);
    return json;
  }

  /** Fails when the text holds a stack-trace marker or something like a Java class name. */
  static void assertSafe(String text) {
    for (String marker : List.of("\tat ", "\\tat ", "Exception", ".java:")) {
      if (text.contains(marker)) {
        fail("leaks \"" + marker.replace("\t", "\\t") + "\": " + abbreviate(text));
      }
    }
    var matcher = CLASS_NAME.matcher(text);
    if (matcher.find()) {
      fail("leaks a class name \"" + matcher.group() + "\": " + abbreviate(text));
    }
  }

  static String abbreviate(String text) {
    return text.length() <= 600 ? text : text.substring(0, 600) + "...";
  }
}
