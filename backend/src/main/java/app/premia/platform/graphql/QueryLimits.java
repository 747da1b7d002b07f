package app.premia.platform.graphql;

import app.premia.platform.config.RuntimeProfile;
import app.premia.platform.errors.ErrorCode;
import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.language.SourceLocation;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Refuses abusive documents right after parsing, before validation and before any data fetcher
 * runs: too deep, too complex, too many aliases or root fields, fragments nested too deep, or a
 * page size out of range. The parser itself is capped too (characters, tokens, rule depth, length
 * of number literals), so a huge document fails while it is read. A refused document gets errors
 * with {@code extensions.code} {@code BAD_REQUEST}, a message naming the limit, and no {@code
 * data}; see docs/api/graphql.md and ADR 0011.
 *
 * <p>Complexity: each field costs 1, plus the cost of its selection times a multiplier: the field's
 * {@code first}/{@code last} argument when given, else the schema's default for it; {@value
 * #ASSUMED_LIST_SIZE} for a list field or a connection (a field taking {@code first}/{@code last})
 * without either; 1 for a list field directly inside a {@code *Connection} type ({@code edges},
 * {@code nodes}: the page was counted on the connection field) and for every other field. Fragments
 * count wherever they are spread.
 */
final class QueryLimits implements Instrumentation {

  /** Deepest allowed field nesting; a root field is at depth 1. */
  static final int MAX_DEPTH = 12;

  /** Highest allowed complexity (see the class comment for the rule). */
  static final int MAX_COMPLEXITY = 5000;

  /** Most aliased fields in one document. */
  static final int MAX_ALIASES = 30;

  /** Most root fields in one operation, fragments spread at the root included. */
  static final int MAX_ROOT_FIELDS = 20;

  /**
   * Deepest nesting of fragment spreads (a spread inside a fragment inside a fragment is 3).
   * graphql-java's validation recurses once per level: a chain of about a thousand fragments, which
   * fits in the token limit, overflows a 1 MiB thread stack.
   */
  static final int MAX_FRAGMENT_NESTING = 20;

  /** Page size errors reported at most, so that the answer to a bad document stays small. */
  static final int MAX_PAGE_SIZE_ERRORS = 10;

  /** Smallest allowed {@code first}/{@code last}. */
  static final int MIN_PAGE_SIZE = 1;

  /** Largest allowed {@code first}/{@code last}. */
  static final int MAX_PAGE_SIZE = 100;

  /** Items a list or connection is assumed to return when no page size is given. */
  static final int ASSUMED_LIST_SIZE = 10;

  /** Largest document, in characters: the HTTP body limit. */
  static final int MAX_CHARACTERS = GraphQlJson.MAX_BODY_CHARS;

  /** Most grammar tokens (names, punctuation, values) in one document. */
  static final int MAX_TOKENS = 15_000;

  /** Most whitespace, comma and comment tokens in one document. */
  static final int MAX_WHITESPACE_TOKENS = 50_000;

  /** Deepest parser rule nesting (selection sets, lists and objects in values). */
  static final int MAX_PARSER_RULE_DEPTH = 200;

  /**
   * Longest number literal, in characters. {@code Int} is 32 bits and {@code Float} a double, so
   * 100 is plenty. Longer ones are refused before parsing: see {@link NumberLiterals}.
   */
  static final int MAX_NUMBER_CHARS = 100;

  static final String FIRST = "first";
  static final String LAST = "last";

  /** graphql-java's own classification for our errors; never sent to clients. */
  private static final ErrorClassification LIMIT_EXCEEDED =
      ErrorClassification.errorClassification("LimitExceeded");

  private final boolean dev;
  private final ParserOptions parserOptions;

  /**
   * @param profile in {@link RuntimeProfile#DEV} introspection ({@code __schema}, {@code __type})
   *     is left out of depth and complexity, so that GraphiQL works, and syntax errors name the
   *     offending token; elsewhere they give only the position
   */
  QueryLimits(RuntimeProfile profile) {
    this.dev = Objects.requireNonNull(profile, "profile").isDev();
    this.parserOptions =
        ParserOptions.getDefaultOperationParserOptions()
            .transform(
                options ->
                    options
                        .maxCharacters(MAX_CHARACTERS)
                        .maxTokens(MAX_TOKENS)
                        .maxWhitespaceTokens(MAX_WHITESPACE_TOKENS)
                        .maxRuleDepth(MAX_PARSER_RULE_DEPTH)
                        .captureIgnoredChars(false)
                        .captureLineComments(false)
                        .redactTokenParserErrorMessages(!dev));
  }

  /**
   * What the engine instruments execution with: these limits, then {@link SafeErrorMessages}.
   *
   * @param profile see {@link #QueryLimits(RuntimeProfile)}
   */
  static Instrumentation instrumentation(RuntimeProfile profile) {
    return new ChainedInstrumentation(new QueryLimits(profile), new SafeErrorMessages());
  }

  @Override
  public ExecutionInput instrumentExecutionInput(
      ExecutionInput executionInput,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    // graphql-java reads the parser options of each request from its GraphQLContext
    executionInput.getGraphQLContext().put(ParserOptions.class, parserOptions);
    String query = executionInput.getQuery();
    NumberLiterals.TooLong number =
        query == null ? null : NumberLiterals.find(query, MAX_NUMBER_CHARS);
    if (number != null) {
      // graphql-java answers an abort with exactly these errors and no data
      throw new AbortExecutionException(
          List.of(
              error(
                  "Number literal of "
                      + number.length()
                      + " characters exceeds the limit of "
                      + MAX_NUMBER_CHARS
                      + ".",
                  number.location())));
    }
    return executionInput;
  }

  /** Called after parsing and before validation: the earliest point a whole document is known. */
  @Override
  public DocumentAndVariables instrumentDocumentAndVariables(
      DocumentAndVariables documentAndVariables,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    List<GraphQLError> violations =
        check(
            documentAndVariables.getDocument(),
            documentAndVariables.getVariables(),
            parameters.getSchema());
    if (!violations.isEmpty()) {
      // graphql-java answers an abort with exactly these errors and no data
      throw new AbortExecutionException(violations);
    }
    return documentAndVariables;
  }

  /**
   * The errors a document earns, in a fixed order (depth, complexity, aliases, root fields,
   * fragment nesting, then the first {@value #MAX_PAGE_SIZE_ERRORS} page sizes); empty when it is
   * within every limit.
   */
  List<GraphQLError> check(Document document, Map<String, Object> variables, GraphQLSchema schema) {
    QueryShape shape = QueryShape.of(document, variables, schema, !dev, MAX_FRAGMENT_NESTING);
    List<GraphQLError> errors = new ArrayList<>();
    if (shape.depth() > MAX_DEPTH) {
      errors.add(
          error("Query depth " + shape.depth() + " exceeds the limit of " + MAX_DEPTH + ".", null));
    }
    if (shape.complexity() > MAX_COMPLEXITY) {
      String complexity =
          shape.complexity() >= QueryShape.COMPLEXITY_CAP
              ? "of at least " + QueryShape.COMPLEXITY_CAP
              : String.valueOf(shape.complexity());
      errors.add(
          error(
              "Query complexity " + complexity + " exceeds the limit of " + MAX_COMPLEXITY + ".",
              null));
    }
    if (shape.aliases() > MAX_ALIASES) {
      errors.add(
          error(
              "Alias count " + shape.aliases() + " exceeds the limit of " + MAX_ALIASES + ".",
              null));
    }
    if (shape.rootFields() > MAX_ROOT_FIELDS) {
      errors.add(
          error(
              "Root field count "
                  + shape.rootFields()
                  + " exceeds the limit of "
                  + MAX_ROOT_FIELDS
                  + ".",
              null));
    }
    if (shape.fragmentNesting() > MAX_FRAGMENT_NESTING) {
      errors.add(
          error("Fragment nesting exceeds the limit of " + MAX_FRAGMENT_NESTING + ".", null));
    }
    for (QueryShape.PageSize page :
        shape.badPageSizes().stream().limit(MAX_PAGE_SIZE_ERRORS).toList()) {
      errors.add(
          error(
              "Page size "
                  + QueryShape.abbreviate(page.value())
                  + " (argument \""
                  + page.argument()
                  + "\" of field \""
                  + page.field()
                  + "\") is outside the allowed range "
                  + MIN_PAGE_SIZE
                  + " to "
                  + MAX_PAGE_SIZE
                  + ".",
              page.location()));
    }
    return errors;
  }

  private static GraphQLError error(String message, SourceLocation location) {
    return new ClientError(
        message,
        location == null ? List.of() : List.of(location),
        List.of(),
        Map.of("code", ErrorCode.BAD_REQUEST.name()),
        LIMIT_EXCEEDED);
  }
}
