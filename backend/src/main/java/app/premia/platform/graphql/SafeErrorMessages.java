package app.premia.platform.graphql;

import app.premia.platform.errors.ErrorCode;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.GoodFaithIntrospection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites graphql-java's own messages that would show Java internals to a client: the {@code
 * toString} of syntax tree nodes in validation messages ({@code with value
 * 'StringValue{value='x'}'}), Java class names in variable coercion messages ({@code but it was a
 * 'LinkedHashMap'}), and classifies the good-faith introspection check, which {@link GraphQlErrors}
 * does not know, as {@code BAD_REQUEST}. Everything else passes untouched to {@link
 * GraphQlErrors#toClientError}, so unexpected failures keep their logging there.
 */
final class SafeErrorMessages implements Instrumentation {

  static final String BAD_FAITH_INTROSPECTION =
      "Introspection query too big or repeating fields: send the standard introspection query.";

  /**
   * graphql-java's syntax tree {@code toString}, e.g. {@code IntValue{value=1}}. Every pattern here
   * is possessive or anchored: messages echo up to 256 KiB of the client's text, and a backtracking
   * pattern would take quadratic time over a long run of letters.
   */
  static final Pattern NODE_TO_STRING =
      Pattern.compile("(?<![A-Za-z])[A-Z][A-Za-z]*+\\{[a-zA-Z]++=");

  private static final Pattern WRONG_TYPE =
      Pattern.compile(
          "^(Validation error \\(WrongType@\\[[^\\]]*\\]\\) : argument '[^']*') with value '",
          Pattern.DOTALL);

  /** How graphql-java's argument messages go on after the value; see its Validation bundle. */
  private static final List<String> AFTER_VALUE =
      List.of(
          "' is not a valid '",
          "' must not be null",
          "' must be an object type",
          "' is missing required fields '",
          "' contains a field not in '");

  private static final String BAD_DEFAULT =
      "Validation error (BadValueForDefaultArg) : Bad default value";

  private static final Pattern INPUT_OBJECT_NOT_MAP =
      Pattern.compile(
          "Expected type 'Map' but was '([A-Za-z0-9$]++)'\\. Variables for input objects must be an"
              + " instance of type 'Map'\\.");

  /** A quoted name where a message says what was expected or what came: "but it was a 'Long'". */
  private static final Pattern QUOTED_NAME =
      Pattern.compile("\\b(was |Expected |or )(?:an? )?'([A-Za-z0-9$]++)'");

  /** Java and syntax tree class names, as the JSON kind a client sent. */
  private static final Map<String, String> KINDS = kinds();

  private static Map<String, String> kinds() {
    Map<String, String> kinds = new LinkedHashMap<>();
    for (String number :
        List.of(
            "Integer",
            "Long",
            "Short",
            "Byte",
            "BigInteger",
            "BigDecimal",
            "Double",
            "AtomicInteger",
            "AtomicLong",
            "IntValue",
            "FloatValue")) {
      kinds.put(number, number.equals("IntValue") ? "an integer" : "a number");
    }
    for (String list :
        List.of("ArrayList", "LinkedList", "ListN", "List12", "ImmutableList", "ArrayValue")) {
      kinds.put(list, "a list");
    }
    for (String map :
        List.of(
            "LinkedHashMap", "HashMap", "TreeMap", "MapN", "Map1", "ImmutableMap", "ObjectValue")) {
      kinds.put(map, "an object");
    }
    kinds.put("StringValue", "a string");
    kinds.put("Character", "a string");
    kinds.put("BooleanValue", "a boolean");
    kinds.put("EnumValue", "an enum value");
    kinds.put("NullValue", "null");
    kinds.put("VariableReference", "a variable");
    return Map.copyOf(kinds);
  }

  @Override
  public CompletableFuture<ExecutionResult> instrumentExecutionResult(
      ExecutionResult result,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    if (result.getErrors().isEmpty()) {
      return CompletableFuture.completedFuture(result);
    }
    boolean changed = false;
    List<GraphQLError> errors = new ArrayList<>(result.getErrors().size());
    for (GraphQLError error : result.getErrors()) {
      GraphQLError safe = safe(error);
      changed |= safe != error;
      errors.add(safe);
    }
    return CompletableFuture.completedFuture(
        changed
            ? ExecutionResultImpl.newExecutionResult().from(result).errors(errors).build()
            : result);
  }

  /** The error itself when it is fine to show, else a {@link ClientError} with a safe message. */
  static GraphQLError safe(GraphQLError error) {
    if (error instanceof ClientError) {
      return error;
    }
    if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
      return withMessage(error, BAD_FAITH_INTROSPECTION, ErrorCode.BAD_REQUEST);
    }
    ErrorCode code = GraphQlErrors.classify(error);
    String message = error.getMessage();
    if (code == ErrorCode.INTERNAL || message == null) {
      return error; // GraphQlErrors hides and logs it
    }
    String safe = rewrite(message);
    return safe.equals(message) ? error : withMessage(error, safe, code);
  }

  /** The message without syntax tree {@code toString}s and Java class names. */
  static String rewrite(String message) {
    String text = message;
    Matcher wrongType = WRONG_TYPE.matcher(text);
    if (wrongType.find()) {
      // drop "with value '<node toString>'": the value ends where the last known ending starts
      int end = -1;
      for (String ending : AFTER_VALUE) {
        end = Math.max(end, text.lastIndexOf(ending));
      }
      if (end > wrongType.end()) {
        text = wrongType.group(1) + " " + text.substring(end + 2);
      }
    }
    if (text.startsWith(BAD_DEFAULT + " '")) {
      // drop the value: it ends where the last "' for type '" starts
      int end = text.lastIndexOf("' for type '");
      if (end > BAD_DEFAULT.length()) {
        text = BAD_DEFAULT + text.substring(end + 1);
      }
    }
    Matcher notMap = INPUT_OBJECT_NOT_MAP.matcher(text);
    if (notMap.find()) {
      text =
          notMap.replaceAll(
              m ->
                  Matcher.quoteReplacement(
                      "Expected an input object but it was " + kind(m.group(1)) + "."));
    }
    // "Expected an AST type of 'IntValue' but it was a 'StringValue'": the kinds, in JSON terms
    text = text.replace("an AST type of ", "");
    text =
        QUOTED_NAME
            .matcher(text)
            .replaceAll(
                m ->
                    Matcher.quoteReplacement(
                        KINDS.containsKey(m.group(2)) ? m.group(1) + kind(m.group(2)) : m.group()));
    Matcher leftover = NODE_TO_STRING.matcher(text);
    if (leftover.find()) {
      // a node left: drop the clause that shows it (graphql-java separates clauses with " - "), or
      // else everything from it on; what precedes names the place
      String head = text.substring(0, leftover.start());
      int clause = head.lastIndexOf(" - ");
      if (clause > 0 && head.substring(clause + 3).replace("'", "").isBlank()) {
        return head.substring(0, clause);
      }
      int end = head.length();
      while (end > 0 && " \t\n'([-".indexOf(head.charAt(end - 1)) >= 0) {
        end--;
      }
      head = head.substring(0, end);
      text = head.isEmpty() ? "The document is not valid." : head + ".";
    }
    return text;
  }

  private static String kind(String name) {
    return KINDS.getOrDefault(name, "'" + name + "'");
  }

  private static GraphQLError withMessage(GraphQLError error, String message, ErrorCode code) {
    Map<String, Object> extensions = new LinkedHashMap<>();
    if (error.getExtensions() != null) {
      extensions.putAll(error.getExtensions());
    }
    extensions.put("code", code.name());
    return new ClientError(
        message,
        error.getLocations() == null ? List.of() : error.getLocations(),
        error.getPath() == null ? List.of() : error.getPath(),
        extensions,
        error.getErrorType());
  }
}
