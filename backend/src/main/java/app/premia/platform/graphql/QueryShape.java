package app.premia.platform.graphql;

import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FloatValue;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.InputValueWithState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a parsed, not yet validated document would cost: its depth, complexity, aliases, root fields
 * and page sizes, measured in one pass over the syntax tree (fragments expanded once each and
 * memoised, so a "fragment bomb" costs linear time to measure). Tolerates invalid documents:
 * unknown fields and types count with the default cost, and fragment cycles are cut (validation
 * rejects both afterwards). See {@link QueryLimits} for the rules.
 */
final class QueryShape {

  /** Complexity is saturated here so that nested page sizes cannot overflow a long. */
  static final long COMPLEXITY_CAP = 1_000_000_000_000L;

  /** A {@code first}/{@code last} argument whose value is outside the allowed page size range. */
  record PageSize(String field, String argument, BigDecimal value, SourceLocation location) {}

  private static final BigDecimal MIN_PAGE = BigDecimal.valueOf(QueryLimits.MIN_PAGE_SIZE);
  private static final BigDecimal MAX_PAGE = BigDecimal.valueOf(QueryLimits.MAX_PAGE_SIZE);

  private static final Measure NOTHING = new Measure(0, 0, 0, 0);

  /**
   * Depth and cost of a selection set, how many fields it holds at its own level, and how deeply
   * fragment spreads nest inside it.
   */
  private record Measure(int depth, long cost, int fields, int spreads) {}

  private final GraphQLSchema schema;
  private final Map<String, Object> variables;
  private final boolean countIntrospection;
  private final int maxFragmentNesting;
  private final Map<String, FragmentDefinition> fragments = new HashMap<>();
  private final Map<String, Value<?>> variableDefaults = new HashMap<>();
  private final Map<String, Measure> measuredFragments = new HashMap<>();
  private final Set<String> measuring = new HashSet<>();
  private final List<PageSize> badPageSizes = new ArrayList<>();
  private int depth;
  private long complexity;
  private int aliases;
  private int rootFields;
  private int fragmentNesting;

  private QueryShape(
      GraphQLSchema schema,
      Map<String, Object> variables,
      boolean countIntrospection,
      int maxFragmentNesting) {
    this.schema = schema;
    this.variables = variables == null ? Map.of() : variables;
    this.countIntrospection = countIntrospection;
    this.maxFragmentNesting = maxFragmentNesting;
  }

  /**
   * Measures a document.
   *
   * @param variables the request's variable values (page sizes given as variables are checked too)
   * @param countIntrospection false to leave {@code __schema}/{@code __type} subtrees out of depth
   *     and complexity (the dev profile, where GraphiQL's introspection query must pass)
   * @param maxFragmentNesting fragment spreads nested deeper than this are not followed (a chain of
   *     a thousand fragments would otherwise overflow the stack here and in graphql-java's
   *     validation); {@link #fragmentNesting()} then reports one more than this
   */
  static QueryShape of(
      Document document,
      Map<String, Object> variables,
      GraphQLSchema schema,
      boolean countIntrospection,
      int maxFragmentNesting) {
    QueryShape shape = new QueryShape(schema, variables, countIntrospection, maxFragmentNesting);
    shape.measure(document);
    return shape;
  }

  /** Deepest field nesting of any operation; a root field is at depth 1. */
  int depth() {
    return depth;
  }

  /** Highest complexity of any operation, at most {@link #COMPLEXITY_CAP}. */
  long complexity() {
    return complexity;
  }

  /** Aliased fields written in the whole document. */
  int aliases() {
    return aliases;
  }

  /** Most root fields of any operation, fragments at the root expanded. */
  int rootFields() {
    return rootFields;
  }

  /**
   * Deepest nesting of fragment spreads in any operation (a spread inside a fragment inside a
   * fragment is 3), at most one more than the maximum given to {@link #of}.
   */
  int fragmentNesting() {
    return fragmentNesting;
  }

  /** Every {@code first}/{@code last} argument outside the allowed range, in document order. */
  List<PageSize> badPageSizes() {
    return List.copyOf(badPageSizes);
  }

  private void measure(Document document) {
    List<OperationDefinition> operations = new ArrayList<>();
    for (Definition<?> definition : document.getDefinitions()) {
      if (definition instanceof FragmentDefinition fragment) {
        fragments.putIfAbsent(fragment.getName(), fragment);
      } else if (definition instanceof OperationDefinition operation) {
        operations.add(operation);
        for (VariableDefinition variable : operation.getVariableDefinitions()) {
          if (variable.getDefaultValue() != null) {
            variableDefaults.putIfAbsent(variable.getName(), variable.getDefaultValue());
          }
        }
      }
    }
    // syntactic checks, as written (fragments not expanded): aliases and page sizes
    for (Definition<?> definition : document.getDefinitions()) {
      if (definition instanceof OperationDefinition operation) {
        scan(operation.getSelectionSet());
      } else if (definition instanceof FragmentDefinition fragment) {
        scan(fragment.getSelectionSet());
      }
    }
    for (OperationDefinition operation : operations) {
      Measure measure = measure(operation.getSelectionSet(), rootType(operation), 0);
      depth = Math.max(depth, measure.depth());
      fragmentNesting = Math.max(fragmentNesting, measure.spreads());
      complexity = Math.max(complexity, measure.cost());
      rootFields = Math.max(rootFields, measure.fields());
    }
  }

  private void scan(SelectionSet selectionSet) {
    if (selectionSet == null) {
      return;
    }
    for (Selection<?> selection : selectionSet.getSelections()) {
      if (selection instanceof Field field) {
        if (field.getAlias() != null) {
          aliases++;
        }
        for (Argument argument : field.getArguments()) {
          if (isPageSize(argument.getName())) {
            BigDecimal value = pageValue(argument.getValue());
            if (value != null && outOfRange(value)) {
              badPageSizes.add(
                  new PageSize(
                      field.getName(), argument.getName(), value, argument.getSourceLocation()));
            }
          }
        }
        scan(field.getSelectionSet());
      } else if (selection instanceof InlineFragment inline) {
        scan(inline.getSelectionSet());
      }
    }
  }

  /**
   * @param spreads how many fragment spreads enclose this selection set
   */
  private Measure measure(SelectionSet selectionSet, GraphQLCompositeType type, int spreads) {
    if (selectionSet == null) {
      return NOTHING;
    }
    int maxDepth = 0;
    long cost = 0;
    int fields = 0;
    int maxSpreads = 0;
    for (Selection<?> selection : selectionSet.getSelections()) {
      Measure part;
      if (selection instanceof Field field) {
        part = measureField(field, type, spreads);
      } else if (selection instanceof InlineFragment inline) {
        GraphQLCompositeType condition =
            inline.getTypeCondition() == null
                ? type
                : compositeType(schema.getType(inline.getTypeCondition().getName()));
        part = measure(inline.getSelectionSet(), condition, spreads);
      } else if (selection instanceof FragmentSpread spread) {
        part = measureSpread(spread.getName(), spreads);
      } else {
        part = NOTHING;
      }
      maxDepth = Math.max(maxDepth, part.depth());
      cost = saturatedAdd(cost, part.cost());
      fields += part.fields();
      maxSpreads = Math.max(maxSpreads, part.spreads());
    }
    return new Measure(maxDepth, cost, fields, maxSpreads);
  }

  /** A field: 1 for itself, its selection times its multiplier; one field at its level. */
  private Measure measureField(Field field, GraphQLCompositeType parent, int spreads) {
    String name = field.getName();
    if (!countIntrospection && (name.equals("__schema") || name.equals("__type"))) {
      return new Measure(1, 1, 1, 0);
    }
    GraphQLFieldDefinition definition = fieldDefinition(parent, name);
    GraphQLCompositeType childType =
        definition == null ? null : compositeType(GraphQLTypeUtil.unwrapAll(definition.getType()));
    Measure children = measure(field.getSelectionSet(), childType, spreads);
    long cost =
        saturatedAdd(1, saturatedMultiply(multiplier(field, definition, parent), children.cost()));
    return new Measure(children.depth() + 1, cost, 1, children.spreads());
  }

  /** A fragment spread: the fragment's measure, one level of spreads deeper. */
  private Measure measureSpread(String name, int spreads) {
    if (spreads >= maxFragmentNesting) {
      // too deep to follow: stop here, so that a long chain cannot overflow the stack
      return new Measure(0, 0, 0, 1);
    }
    Measure fragment = measureFragment(name, spreads + 1);
    return new Measure(
        fragment.depth(), fragment.cost(), fragment.fields(), fragment.spreads() + 1);
  }

  /** A fragment's own measure (its spreads counted from it), memoised by name. */
  private Measure measureFragment(String name, int spreads) {
    Measure known = measuredFragments.get(name);
    if (known != null) {
      return known;
    }
    FragmentDefinition fragment = fragments.get(name);
    if (fragment == null || !measuring.add(name)) {
      return NOTHING; // unknown fragment or a cycle: validation reports it
    }
    Measure measure =
        measure(
            fragment.getSelectionSet(),
            compositeType(schema.getType(fragment.getTypeCondition().getName())),
            spreads);
    measuring.remove(name);
    measuredFragments.put(name, measure);
    return measure;
  }

  /**
   * How many times a field's selection is counted: its page size ({@code first}/{@code last}) when
   * given, else the schema's default for it; {@value QueryLimits#ASSUMED_LIST_SIZE} for a list or a
   * connection without either; 1 for a list directly inside a {@code *Connection} type (its page
   * was counted on the connection field), and for everything else.
   */
  private long multiplier(
      Field field, GraphQLFieldDefinition definition, GraphQLCompositeType parent) {
    BigDecimal page = null;
    for (Argument argument : field.getArguments()) {
      if (isPageSize(argument.getName())) {
        BigDecimal value = pageValue(argument.getValue());
        if (value != null && (page == null || value.compareTo(page) > 0)) {
          page = value;
        }
      }
    }
    if (page == null && definition != null) {
      page = schemaDefaultPage(definition);
    }
    if (page != null) {
      // out of range is rejected anyway; count it as the nearest bound
      return page.min(MAX_PAGE).max(MIN_PAGE).longValue();
    }
    if (definition == null) {
      return 1;
    }
    boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(definition.getType()));
    if (list && parent != null && parent.getName().endsWith("Connection")) {
      return 1;
    }
    boolean paged =
        definition.getArgument(QueryLimits.FIRST) != null
            || definition.getArgument(QueryLimits.LAST) != null;
    return list || paged ? QueryLimits.ASSUMED_LIST_SIZE : 1;
  }

  /** The larger of the schema's defaults for {@code first} and {@code last}; null if neither. */
  private BigDecimal schemaDefaultPage(GraphQLFieldDefinition definition) {
    BigDecimal page = null;
    for (String name : List.of(QueryLimits.FIRST, QueryLimits.LAST)) {
      GraphQLArgument argument = definition.getArgument(name);
      if (argument == null || !argument.hasSetDefaultValue()) {
        continue;
      }
      InputValueWithState value = argument.getArgumentDefaultValue();
      BigDecimal number =
          value.isLiteral() && value.getValue() instanceof Value<?> literal
              ? pageValue(literal)
              : number(value.getValue());
      if (number != null && (page == null || number.compareTo(page) > 0)) {
        page = number;
      }
    }
    return page;
  }

  private GraphQLFieldDefinition fieldDefinition(GraphQLCompositeType parent, String name) {
    switch (name) {
      case "__typename":
        return schema.getIntrospectionTypenameFieldDefinition();
      case "__schema":
        return schema.getIntrospectionSchemaFieldDefinition();
      case "__type":
        return schema.getIntrospectionTypeFieldDefinition();
      default:
        return parent instanceof GraphQLFieldsContainer container
            ? container.getFieldDefinition(name)
            : null;
    }
  }

  private GraphQLCompositeType rootType(OperationDefinition operation) {
    return switch (operation.getOperation()) {
      case MUTATION -> schema.getMutationType();
      case SUBSCRIPTION -> schema.getSubscriptionType();
      default -> schema.getQueryType();
    };
  }

  private static GraphQLCompositeType compositeType(GraphQLType type) {
    return type instanceof GraphQLCompositeType composite && type instanceof GraphQLNamedType
        ? composite
        : null;
  }

  private static boolean isPageSize(String argument) {
    return QueryLimits.FIRST.equals(argument) || QueryLimits.LAST.equals(argument);
  }

  /**
   * The numeric value of a page size argument, written as a literal or passed as a variable (or a
   * variable's default); null when absent, null or not a number (coercion reports those).
   */
  private BigDecimal pageValue(Value<?> value) {
    if (value instanceof VariableReference reference) {
      String name = reference.getName();
      if (variables.containsKey(name)) {
        return number(variables.get(name));
      }
      return pageValue(variableDefaults.get(name));
    }
    if (value instanceof IntValue integer) {
      return new BigDecimal(integer.getValue());
    }
    if (value instanceof FloatValue decimal) {
      return decimal.getValue();
    }
    return null; // absent, null, or a literal of another kind: validation reports it
  }

  private static BigDecimal number(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    String text;
    if (value instanceof Number other) {
      text = other.toString();
    } else if (value instanceof String string && string.length() <= 40) {
      text = string.trim();
    } else {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null; // NaN, infinity, not a number
    }
  }

  /** Whether a page size is out of range; cheap even for 1e999999999 (compares exponents). */
  private static boolean outOfRange(BigDecimal value) {
    return value.compareTo(MIN_PAGE) < 0 || value.compareTo(MAX_PAGE) > 0;
  }

  /** A number as a message may show it: short, whatever the client sent. */
  static String abbreviate(BigDecimal value) {
    String text = value.toString();
    return text.length() <= 24 ? text : text.substring(0, 20) + "...";
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 || sum > COMPLEXITY_CAP ? COMPLEXITY_CAP : sum;
  }

  private static long saturatedMultiply(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return a > COMPLEXITY_CAP / b ? COMPLEXITY_CAP : Math.min(a * b, COMPLEXITY_CAP);
  }
}
