package app.premia.compensation.domain;

import app.premia.kpi.api.KpiDescriptor;
import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.config.MapBasedFunctionDictionary;
import com.ezylang.evalex.config.MapBasedOperatorDictionary;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.AbstractFunction;
import com.ezylang.evalex.functions.FunctionParameter;
import com.ezylang.evalex.functions.basic.AbsFunction;
import com.ezylang.evalex.functions.basic.IfFunction;
import com.ezylang.evalex.functions.basic.MaxFunction;
import com.ezylang.evalex.functions.basic.MinFunction;
import com.ezylang.evalex.operators.AbstractOperator;
import com.ezylang.evalex.operators.InfixOperator;
import com.ezylang.evalex.operators.OperatorIfc;
import com.ezylang.evalex.operators.arithmetic.InfixDivisionOperator;
import com.ezylang.evalex.operators.arithmetic.InfixMinusOperator;
import com.ezylang.evalex.operators.arithmetic.InfixMultiplicationOperator;
import com.ezylang.evalex.operators.arithmetic.InfixPlusOperator;
import com.ezylang.evalex.operators.arithmetic.PrefixMinusOperator;
import com.ezylang.evalex.operators.arithmetic.PrefixPlusOperator;
import com.ezylang.evalex.operators.booleans.InfixAndOperator;
import com.ezylang.evalex.operators.booleans.InfixEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixGreaterEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixGreaterOperator;
import com.ezylang.evalex.operators.booleans.InfixLessEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixLessOperator;
import com.ezylang.evalex.operators.booleans.InfixNotEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixOrOperator;
import com.ezylang.evalex.operators.booleans.PrefixNotOperator;
import com.ezylang.evalex.parser.ASTNode;
import com.ezylang.evalex.parser.ParseException;
import com.ezylang.evalex.parser.Token;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A formula over declared KPI variables, evaluated by EvalEx with a locked-down configuration (ADR
 * 0022): exact decimals (DECIMAL128, rounded to kopecks only at the end of the line), a function
 * allow-list (MIN, MAX, ABS, ROUND, IF), arithmetic and comparison operators only, a power operator
 * bounded to whole exponents of at most 10, no strings, arrays, structures or constants, at most
 * {@value #MAX_LENGTH} characters and {@value #MAX_DEPTH} levels of parentheses.
 *
 * <p>Before EvalEx sees a formula, a scanner of our own reads it character by character and refuses
 * anything outside that language with the 1-based position: a method call ({@code x.getClass()}), a
 * string, a semicolon, an assignment, an unknown function or variable, a character that is not
 * plain ASCII (look-alike letters, invisible spaces). EvalEx then only parses what we already know
 * to be harmless arithmetic; it has no way to reach Java anyway, the scanner makes the messages
 * exact and the limits ours.
 */
public final class Formula {

  /** The longest formula accepted, in characters. */
  public static final int MAX_LENGTH = 1000;

  /** The deepest nesting of parentheses accepted. */
  public static final int MAX_DEPTH = 40;

  /** The largest absolute exponent of {@code ^}. */
  public static final int MAX_EXPONENT = 10;

  /** The greatest decimal scale ROUND accepts. */
  public static final int MAX_ROUND_SCALE = 10;

  /** Intermediate precision: 34 significant digits, half-even like IEEE decimal128. */
  static final MathContext MATH = MathContext.DECIMAL128;

  /** The deepest syntax tree accepted (prefix operators nest without parentheses). */
  private static final int MAX_TREE_DEPTH = 100;

  private static final Set<String> FUNCTIONS = Set.of("MIN", "MAX", "ABS", "ROUND", "IF");
  private static final Set<String> BOOLEAN_OPERATORS =
      Set.of(">", ">=", "<", "<=", "==", "!=", "&&", "||", "!");

  private static final ExpressionConfiguration CONFIG = configuration();

  /** What a variable of a formula stands for. */
  public enum VariableKind {
    /** A KPI's value in the component's period (a team KPI: the team's value). */
    VALUE,
    /** The plan of that KPI in the period (× the adaptation factor during adaptation). */
    PLAN,
    /** The KPI's value in the previous period of the same length. */
    PREVIOUS,
    /** The KPI's value for the department the employee heads. */
    TEAM,
    /** The scheme's monthly base salary. */
    BASE_SALARY,
    /** The component's measure (only in a FORMULA rule, not in a formula measure). */
    MEASURE
  }

  /** A declared variable: its kind and the KPI it reads (null for base salary and measure). */
  public record Variable(VariableKind kind, String kpi, boolean teamKpi) {}

  private final String source;
  private final List<String> used;

  private Formula(String source, List<String> used) {
    this.source = source;
    this.used = used;
  }

  /**
   * The variables a formula may use with this catalogue: for an employee KPI {@code c} — {@code c},
   * {@code plan_c}, {@code prev_c}, {@code team_c}; for a team (department) KPI {@code c} — {@code
   * c}, {@code plan_c}, {@code prev_c}, all of the team the employee heads; {@code base_salary};
   * and {@code measure} in a FORMULA rule.
   */
  public static Map<String, Variable> variables(List<KpiDescriptor> catalogue, boolean measure) {
    Map<String, Variable> out = new LinkedHashMap<>();
    for (KpiDescriptor kpi : catalogue) {
      String c = kpi.code();
      boolean team = kpi.department();
      out.put(c, new Variable(VariableKind.VALUE, c, team));
      out.put("plan_" + c, new Variable(VariableKind.PLAN, c, team));
      out.put("prev_" + c, new Variable(VariableKind.PREVIOUS, c, team));
      if (!team) {
        out.putIfAbsent("team_" + c, new Variable(VariableKind.TEAM, c, true));
      }
    }
    out.put("base_salary", new Variable(VariableKind.BASE_SALARY, null, false));
    if (measure) {
      out.put("measure", new Variable(VariableKind.MEASURE, null, false));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The result of {@link #compile}: the formula, or why it is refused. */
  public sealed interface Compiled permits Ok, Refused {}

  /** A formula that passed every check. */
  public record Ok(Formula formula) implements Compiled {}

  /** A refused formula; {@code message} names the 1-based position when there is one. */
  public record Refused(Text message) implements Compiled {}

  /** Checks a formula against the declared variable names and compiles it. */
  public static Compiled compile(String source, Set<String> declared) {
    if (source == null || source.isBlank()) {
      return refused("формула пуста", "the formula is empty", 0);
    }
    if (source.length() > MAX_LENGTH) {
      return refused(
          "формула длиннее " + MAX_LENGTH + " символов (" + source.length() + ")",
          "the formula is longer than " + MAX_LENGTH + " characters (" + source.length() + ")",
          0);
    }
    Scan scan = scan(source, declared);
    if (scan.problem != null) {
      return scan.problem;
    }
    ASTNode root;
    try {
      Expression expression = new Expression(source, CONFIG);
      expression.validate();
      root = expression.getAbstractSyntaxTree();
    } catch (ParseException e) {
      int position = Math.max(1, e.getStartPosition());
      return refused(
          "синтаксическая ошибка (" + e.getMessage() + ")",
          "syntax error (" + e.getMessage() + ")",
          position);
    } catch (RuntimeException e) {
      return refused("синтаксическая ошибка", "syntax error", 0);
    }
    if (depth(root) > MAX_TREE_DEPTH) {
      return refused(
          "выражение вложено глубже " + MAX_TREE_DEPTH + " уровней",
          "the expression nests deeper than " + MAX_TREE_DEPTH + " levels",
          0);
    }
    Token top = root.getToken();
    if ((top.getType() == Token.TokenType.INFIX_OPERATOR
            || top.getType() == Token.TokenType.PREFIX_OPERATOR)
        && BOOLEAN_OPERATORS.contains(top.getValue())) {
      return refused(
          "формула даёт «да/нет», а не число (сравнение используйте внутри IF)",
          "the formula gives yes/no, not a number (use a comparison inside IF)",
          top.getStartPosition());
    }
    return new Ok(new Formula(source, List.copyOf(scan.variables)));
  }

  /** The formula's text. */
  public String source() {
    return source;
  }

  /** The variables the formula uses, in order of first use. */
  public List<String> variables() {
    return used;
  }

  /**
   * Evaluates with exact decimals (not rounded: the caller rounds the line once).
   *
   * @param values a value for every variable the formula uses
   * @throws FormulaException when evaluation fails (division by zero, an exponent out of bounds)
   */
  public BigDecimal evaluate(Map<String, BigDecimal> values) throws FormulaException {
    Expression expression = new Expression(source, CONFIG);
    for (String name : used) {
      BigDecimal value = values.get(name);
      if (value == null) {
        throw new FormulaException(
            new Text("нет значения переменной «" + name + "»", "no value of «" + name + "»"));
      }
      expression.with(name, value);
    }
    EvaluationValue result;
    try {
      result = expression.evaluate();
    } catch (EvaluationException | ParseException e) {
      throw new FormulaException(reason(e.getMessage()));
    } catch (ArithmeticException e) {
      throw new FormulaException(reason(e.getMessage()));
    }
    if (!result.isNumberValue()) {
      throw new FormulaException(
          new Text("формула дала не число", "the formula did not give a number"));
    }
    return result.getNumberValue();
  }

  /** Why an evaluation failed. */
  public static final class FormulaException extends Exception {
    private final transient Text reason;

    FormulaException(Text reason) {
      super(reason.en());
      this.reason = reason;
    }

    public Text reason() {
      return reason;
    }
  }

  private static Text reason(String message) {
    String m = message == null ? "" : message;
    String lower = m.toLowerCase(Locale.ROOT);
    if (lower.contains("zero")) {
      return new Text("деление на ноль", "division by zero");
    }
    if (lower.contains("exponent")) {
      return new Text(
          "показатель степени должен быть целым от −" + MAX_EXPONENT + " до " + MAX_EXPONENT,
          "the exponent must be a whole number from −" + MAX_EXPONENT + " to " + MAX_EXPONENT);
    }
    if (lower.contains("scale")) {
      return new Text(
          "ROUND: число знаков должно быть целым от 0 до " + MAX_ROUND_SCALE,
          "ROUND: the number of decimals must be a whole number from 0 to " + MAX_ROUND_SCALE);
    }
    return new Text("ошибка вычисления (" + m + ")", "evaluation error (" + m + ")");
  }

  private static Refused refused(String ru, String en, int position) {
    String where = position > 0 ? " (позиция " + position + ")" : "";
    String whereEn = position > 0 ? " (position " + position + ")" : "";
    return new Refused(new Text("Формула: " + ru + where, "Formula: " + en + whereEn));
  }

  private record Scan(Refused problem, Set<String> variables) {}

  /** Our own pass over the characters: the language is what this method lets through. */
  private static Scan scan(String s, Set<String> declared) {
    Set<String> variables = new LinkedHashSet<>();
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c >= 0x7f || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
        // look-alike letters, invisible and direction characters: named by code point first
        return fail(
            "недопустимый символ " + String.format(Locale.ROOT, "U+%04X", s.codePointAt(k)),
            "character not allowed: " + String.format(Locale.ROOT, "U+%04X", s.codePointAt(k)),
            k + 1,
            variables);
      }
    }
    Deque<Integer> open = new ArrayDeque<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      int pos = i + 1;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
      } else if (isLetter(c)) {
        int start = i;
        while (i < n && (isLetter(s.charAt(i)) || isDigit(s.charAt(i)))) {
          i++;
        }
        String name = s.substring(start, i);
        int next = skipSpaces(s, i);
        char after = next < n ? s.charAt(next) : 0;
        if (after == '.') {
          return fail(
              "вызов методов и обращение к полям не допускаются",
              "method calls and field access are not allowed",
              next + 1,
              variables);
        }
        if (after == '(') {
          if (!FUNCTIONS.contains(name.toUpperCase(Locale.ROOT))) {
            return fail(
                "неизвестная функция «" + name + "»; допустимы MIN, MAX, ABS, ROUND, IF",
                "unknown function «" + name + "»; allowed: MIN, MAX, ABS, ROUND, IF",
                start + 1,
                variables);
          }
        } else if (!declared.contains(name)) {
          return fail(
              "неизвестная переменная «" + name + "»",
              "unknown variable «" + name + "»",
              start + 1,
              variables);
        } else {
          variables.add(name);
        }
      } else if (isDigit(c)) {
        int start = i;
        while (i < n && isDigit(s.charAt(i))) {
          i++;
        }
        if (i < n && s.charAt(i) == '.') {
          i++;
          if (i >= n || !isDigit(s.charAt(i))) {
            return fail(
                "после десятичной точки нужна цифра",
                "a digit must follow the decimal point",
                i + 1,
                variables);
          }
          while (i < n && isDigit(s.charAt(i))) {
            i++;
          }
        }
        if (i < n && (isLetter(s.charAt(i)) || s.charAt(i) == '.')) {
          return fail(
              "число записано неверно (только цифры и десятичная точка)",
              "malformed number (digits and one decimal point only)",
              start + 1,
              variables);
        }
        if (i - start > 30) {
          return fail(
              "число длиннее 30 знаков",
              "a number longer than 30 characters",
              start + 1,
              variables);
        }
      } else if (c == '(') {
        open.push(pos);
        if (open.size() > MAX_DEPTH) {
          return fail(
              "скобки вложены глубже " + MAX_DEPTH + " уровней",
              "parentheses nest deeper than " + MAX_DEPTH + " levels",
              pos,
              variables);
        }
        i++;
      } else if (c == ')') {
        if (open.isEmpty()) {
          return fail(
              "лишняя закрывающая скобка", "a closing parenthesis too many", pos, variables);
        }
        open.pop();
        i++;
      } else if (c == '+' || c == '-' || c == '*' || c == '/' || c == '^' || c == ',') {
        i++;
      } else if (c == '<' || c == '>' || c == '!') {
        i += i + 1 < n && s.charAt(i + 1) == '=' ? 2 : 1;
      } else if (c == '=') {
        if (i + 1 < n && s.charAt(i + 1) == '=') {
          i += 2;
        } else {
          return fail(
              "присваивание не допускается (сравнение на равенство — «==»)",
              "assignment is not allowed (compare with «==»)",
              pos,
              variables);
        }
      } else if ((c == '&' || c == '|') && i + 1 < n && s.charAt(i + 1) == c) {
        i += 2;
      } else if (c == '"' || c == '\'') {
        return fail("строки не допускаются", "strings are not allowed", pos, variables);
      } else if (c == ';') {
        return fail(
            "точка с запятой не допускается: формула — одно выражение",
            "a semicolon is not allowed: a formula is one expression",
            pos,
            variables);
      } else if (c == '.') {
        return fail(
            "число должно начинаться с цифры (0.5, а не .5)",
            "a number must start with a digit (0.5, not .5)",
            pos,
            variables);
      } else {
        String shown =
            c >= 0x21 && c < 0x7f
                ? "«" + c + "»"
                : String.format(Locale.ROOT, "U+%04X", s.codePointAt(i));
        return fail(
            "недопустимый символ " + shown, "character not allowed: " + shown, pos, variables);
      }
    }
    if (!open.isEmpty()) {
      return fail("скобка не закрыта", "a parenthesis is not closed", open.peek(), variables);
    }
    return new Scan(null, variables);
  }

  private static Scan fail(String ru, String en, int position, Set<String> variables) {
    return new Scan(refused(ru, en, position), variables);
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i)) && s.charAt(i) < 0x80) {
      i++;
    }
    return i;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The depth of a syntax tree, counted without recursion. */
  private static int depth(ASTNode root) {
    record At(ASTNode node, int depth) {}
    Deque<At> stack = new ArrayDeque<>();
    stack.push(new At(root, 1));
    int max = 0;
    while (!stack.isEmpty()) {
      At at = stack.pop();
      max = Math.max(max, at.depth);
      for (ASTNode child : at.node.getParameters()) {
        stack.push(new At(child, at.depth + 1));
      }
    }
    return max;
  }

  @SuppressWarnings("unchecked")
  private static ExpressionConfiguration configuration() {
    MapBasedOperatorDictionary operators = new MapBasedOperatorDictionary();
    operators.addOperator("+", new InfixPlusOperator());
    operators.addOperator("-", new InfixMinusOperator());
    operators.addOperator("*", new InfixMultiplicationOperator());
    operators.addOperator("/", new InfixDivisionOperator());
    operators.addOperator("^", new BoundedPowerOperator());
    operators.addOperator("+", new PrefixPlusOperator());
    operators.addOperator("-", new PrefixMinusOperator());
    operators.addOperator("!", new PrefixNotOperator());
    operators.addOperator(">", new InfixGreaterOperator());
    operators.addOperator(">=", new InfixGreaterEqualsOperator());
    operators.addOperator("<", new InfixLessOperator());
    operators.addOperator("<=", new InfixLessEqualsOperator());
    operators.addOperator("==", new InfixEqualsOperator());
    operators.addOperator("!=", new InfixNotEqualsOperator());
    operators.addOperator("&&", new InfixAndOperator());
    operators.addOperator("||", new InfixOrOperator());
    MapBasedFunctionDictionary functions = new MapBasedFunctionDictionary();
    functions.addFunction("MIN", new MinFunction());
    functions.addFunction("MAX", new MaxFunction());
    functions.addFunction("ABS", new AbsFunction());
    functions.addFunction("IF", new IfFunction());
    functions.addFunction("ROUND", new BoundedRoundFunction());
    return ExpressionConfiguration.builder()
        .operatorDictionary(operators)
        .functionDictionary(functions)
        .mathContext(MATH)
        .defaultConstants(Map.of())
        .arraysAllowed(false)
        .structuresAllowed(false)
        .binaryAllowed(false)
        .implicitMultiplicationAllowed(false)
        .singleQuoteStringLiteralsAllowed(false)
        .stripTrailingZeros(false)
        .build();
  }

  /**
   * {@code a ^ b} for a whole {@code b} with |b| ≤ {@value #MAX_EXPONENT}: {@code 9^9^9} fails
   * fast.
   */
  @InfixOperator(precedence = OperatorIfc.OPERATOR_PRECEDENCE_POWER, leftAssociative = false)
  public static final class BoundedPowerOperator extends AbstractOperator {
    @Override
    public EvaluationValue evaluate(
        Expression expression, Token operatorToken, EvaluationValue... operands)
        throws EvaluationException {
      if (!operands[0].isNumberValue() || !operands[1].isNumberValue()) {
        throw EvaluationException.ofUnsupportedDataTypeInOperation(operatorToken);
      }
      BigDecimal exponent = operands[1].getNumberValue();
      int e;
      try {
        e = exponent.intValueExact();
      } catch (ArithmeticException notWhole) {
        throw new EvaluationException(operatorToken, "exponent not a small whole number");
      }
      if (Math.abs(e) > MAX_EXPONENT) {
        throw new EvaluationException(operatorToken, "exponent out of bounds");
      }
      BigDecimal base = operands[0].getNumberValue();
      if (e < 0 && base.signum() == 0) {
        throw new EvaluationException(operatorToken, "division by zero");
      }
      return EvaluationValue.numberValue(base.pow(e, MATH));
    }
  }

  /** ROUND(value, scale), half-up, scale a whole number from 0 to {@value #MAX_ROUND_SCALE}. */
  @FunctionParameter(name = "value")
  @FunctionParameter(name = "scale")
  public static final class BoundedRoundFunction extends AbstractFunction {
    @Override
    public EvaluationValue evaluate(
        Expression expression, Token functionToken, EvaluationValue... parameters)
        throws EvaluationException {
      if (!parameters[0].isNumberValue() || !parameters[1].isNumberValue()) {
        throw EvaluationException.ofUnsupportedDataTypeInOperation(functionToken);
      }
      int scale;
      try {
        scale = parameters[1].getNumberValue().intValueExact();
      } catch (ArithmeticException notWhole) {
        throw new EvaluationException(functionToken, "scale not a whole number");
      }
      if (scale < 0 || scale > MAX_ROUND_SCALE) {
        throw new EvaluationException(functionToken, "scale out of bounds");
      }
      return EvaluationValue.numberValue(
          parameters[0].getNumberValue().setScale(scale, RoundingMode.HALF_UP));
    }
  }
}
