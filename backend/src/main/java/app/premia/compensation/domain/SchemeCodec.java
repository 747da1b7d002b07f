package app.premia.compensation.domain;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place that knows the JSON form of a definition: the field names of the GraphQL {@code
 * SchemeDefinitionInput} / {@code SchemeDefinition}, decimals as exact strings in stored JSON.
 * {@link #decode} reads what graphql-java gives (maps, lists, BigDecimal or String decimals, enum
 * names as strings) and checks the <em>structure</em>: each rule kind's required fields, types and
 * enum names, reporting every problem with its path; what the values mean is checked by {@link
 * SchemeValidator}. Fields a rule kind does not use are ignored.
 */
public final class SchemeCodec {

  private SchemeCodec() {}

  /** The result of {@link #decode}: the definition, or null with the problems. */
  public record Decoded(SchemeDefinition definition, List<Problem> problems) {
    public Decoded {
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return definition != null;
    }
  }

  /** Reads a definition from its input form, reporting every structural problem with its path. */
  public static Decoded decode(Map<String, Object> input) {
    Reader reader = new Reader();
    SchemeDefinition definition = reader.definition(input);
    return reader.problems.isEmpty()
        ? new Decoded(definition, List.of())
        : new Decoded(null, reader.problems);
  }

  /** The definition as a map of the GraphQL field names (a source object for SchemeDefinition). */
  public static Map<String, Object> toMap(SchemeDefinition d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("baseSalary", d.baseSalary());
    out.put("cap", d.cap());
    out.put("floor", d.floor());
    if (d.adaptation() == null) {
      out.put("adaptation", null);
    } else {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("months", d.adaptation().months());
      a.put("planFactorPercent", d.adaptation().planFactorPercent());
      a.put("guaranteedMinimum", d.adaptation().guaranteedMinimum());
      out.put("adaptation", a);
    }
    out.put("components", d.components().stream().map(SchemeCodec::component).toList());
    return out;
  }

  /** The stored JSON: the same field names, decimals as strings, nulls left out. */
  public static String toJson(SchemeDefinition definition) {
    return json(toMap(definition)).toString();
  }

  /**
   * Reads stored JSON.
   *
   * @throws IllegalArgumentException when it is not a structurally valid definition
   */
  public static SchemeDefinition fromJson(String json) {
    Object value;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      value = plain(reader.readValue());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("a definition is a JSON object");
    }
    @SuppressWarnings("unchecked")
    Decoded decoded = decode((Map<String, Object>) map);
    if (!decoded.ok()) {
      throw new IllegalArgumentException(
          "invalid definition: "
              + decoded.problems().stream()
                  .map(p -> String.join(".", p.path()) + " " + p.message().en())
                  .collect(Collectors.joining("; ")));
    }
    return decoded.definition();
  }

  private static Map<String, Object> component(Component c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key", c.key());
    out.put("name", c.name());
    out.put("frequency", c.frequency().name());
    out.put("measure", measure(c.measure()));
    out.put("rule", rule(c.rule()));
    List<Object> gates = new ArrayList<>();
    for (Gate g : c.gates()) {
      Map<String, Object> gate = new LinkedHashMap<>();
      gate.put("measure", measure(g.measure()));
      gate.put("basis", g.basis().name());
      gate.put("comparator", g.comparator().name());
      gate.put("threshold", g.threshold());
      gates.add(gate);
    }
    out.put("gates", gates);
    out.put("cap", c.cap());
    out.put("floor", c.floor());
    return out;
  }

  private static Map<String, Object> measure(Measure m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kpi", m.kpi());
    out.put("subject", m.subject().name());
    out.put("formula", m.formula());
    return out;
  }

  private static Map<String, Object> rule(Rule rule) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", rule.kind().name());
    if (rule instanceof PercentRule r) {
      out.put("ratePercent", r.ratePercent());
    } else if (rule instanceof PerUnitRule r) {
      out.put("amount", r.amount());
    } else if (rule instanceof FixedRule r) {
      out.put("amount", r.amount());
    } else if (rule instanceof TieredRule r) {
      out.put("tierMode", r.mode().name());
      List<Object> tiers = new ArrayList<>();
      for (Tier t : r.tiers()) {
        Map<String, Object> tier = new LinkedHashMap<>();
        tier.put("from", t.from());
        tier.put("fromInclusive", t.fromInclusive());
        tier.put("ratePercent", t.ratePercent());
        tiers.add(tier);
      }
      out.put("tiers", tiers);
    } else if (rule instanceof AcceleratorRule r) {
      out.put("acceleratorMode", r.mode().name());
      out.put("ratePercent", r.ratePercent());
      List<Object> curve = new ArrayList<>();
      for (CurveStep s : r.curve()) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("fromAttainmentPercent", s.fromAttainmentPercent());
        step.put("fromInclusive", s.fromInclusive());
        step.put("multiplier", s.multiplier());
        curve.add(step);
      }
      out.put("curve", curve);
    } else if (rule instanceof FormulaRule r) {
      out.put("expression", r.expression());
    } else if (rule instanceof RankingRule r) {
      out.put("highestWins", r.highestWins());
      out.put("prizes", List.copyOf(r.prizes()));
      out.put("contestFrom", r.contestFrom());
      out.put("contestTo", r.contestTo());
    }
    return out;
  }

  private static JsonValue json(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof Map<?, ?> map) {
      JsonObjectBuilder b = Json.createObjectBuilder();
      map.forEach(
          (k, v) -> {
            if (v != null) {
              b.add((String) k, json(v));
            }
          });
      return b.build();
    }
    if (value instanceof List<?> list) {
      JsonArrayBuilder b = Json.createArrayBuilder();
      list.forEach(v -> b.add(json(v)));
      return b.build();
    }
    if (value instanceof BigDecimal d) {
      return Json.createValue(d.toPlainString());
    }
    if (value instanceof Integer i) {
      return Json.createValue(i);
    }
    if (value instanceof Boolean bool) {
      return bool ? JsonValue.TRUE : JsonValue.FALSE;
    }
    return Json.createValue(value.toString());
  }

  /** JSON-P values to the plain maps/lists/strings decode reads. */
  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        Map<String, Object> out = new LinkedHashMap<>();
        ((JsonObject) value).forEach((k, v) -> out.put(k, plain(v)));
        yield out;
      }
      case ARRAY -> {
        List<Object> out = new ArrayList<>();
        ((JsonArray) value).forEach(v -> out.add(plain(v)));
        yield out;
      }
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }

  /** Reads with a path, collecting problems instead of stopping at the first. */
  private static final class Reader {
    final List<Problem> problems = new ArrayList<>();

    SchemeDefinition definition(Map<String, Object> in) {
      List<String> root = List.of();
      if (in == null) {
        required(root);
        return null;
      }
      BigDecimal baseSalary = decimal(in, root, "baseSalary", true);
      BigDecimal cap = decimal(in, root, "cap", false);
      BigDecimal floor = decimal(in, root, "floor", false);
      Adaptation adaptation = null;
      Map<String, Object> a = map(in, root, "adaptation", false);
      if (a != null) {
        List<String> at = at(root, "adaptation");
        Integer months = integer(a, at, "months", true);
        BigDecimal factor = decimal(a, at, "planFactorPercent", false);
        BigDecimal minimum = decimal(a, at, "guaranteedMinimum", false);
        if (months != null) {
          adaptation = new Adaptation(months, factor, minimum);
        }
      }
      List<Component> components = new ArrayList<>();
      List<Object> list = list(in, root, "components", true);
      if (list != null) {
        for (int i = 0; i < list.size(); i++) {
          List<String> at = at(root, "components", Integer.toString(i));
          Map<String, Object> c = asMap(list.get(i), at);
          if (c != null) {
            Component component = component(c, at);
            if (component != null) {
              components.add(component);
            }
          }
        }
      }
      if (!problems.isEmpty() || baseSalary == null) {
        return null;
      }
      return new SchemeDefinition(baseSalary, components, cap, floor, adaptation);
    }

    Component component(Map<String, Object> in, List<String> at) {
      String key = string(in, at, "key", true);
      String name = string(in, at, "name", true);
      Frequency frequency = enumeration(in, at, "frequency", Frequency.class, true);
      Map<String, Object> m = map(in, at, "measure", true);
      Measure measure = m == null ? null : measure(m, at(at, "measure"));
      Map<String, Object> r = map(in, at, "rule", true);
      Rule rule = r == null ? null : rule(r, at(at, "rule"));
      List<Gate> gates = new ArrayList<>();
      List<Object> list = list(in, at, "gates", false);
      if (list != null) {
        for (int i = 0; i < list.size(); i++) {
          List<String> gat = at(at, "gates", Integer.toString(i));
          Map<String, Object> g = asMap(list.get(i), gat);
          if (g != null) {
            Gate gate = gate(g, gat);
            if (gate != null) {
              gates.add(gate);
            }
          }
        }
      }
      BigDecimal cap = decimal(in, at, "cap", false);
      BigDecimal floor = decimal(in, at, "floor", false);
      if (key == null || name == null || frequency == null || measure == null || rule == null) {
        return null;
      }
      return new Component(key, name, frequency, measure, rule, gates, cap, floor);
    }

    Measure measure(Map<String, Object> in, List<String> at) {
      String kpi = string(in, at, "kpi", false);
      String formula = string(in, at, "formula", false);
      Subject subject = enumeration(in, at, "subject", Subject.class, false);
      if (in.get("subject") == null) {
        subject = Subject.SELF;
      }
      boolean hasKpi = kpi != null && !kpi.isBlank();
      boolean hasFormula = formula != null && !formula.isBlank();
      if (hasKpi == hasFormula) {
        problems.add(
            new Problem(
                at(at, hasKpi ? "formula" : "kpi"),
                hasKpi ? ProblemCode.INVALID : ProblemCode.REQUIRED,
                hasKpi
                    ? new Text(
                        "Укажите либо показатель, либо формулу, но не то и другое",
                        "Give either a KPI or a formula, not both")
                    : new Text("Укажите показатель или формулу", "Give a KPI or a formula")));
        return null;
      }
      if (subject == null) {
        return null;
      }
      return hasKpi ? new Measure(kpi, subject, null) : new Measure(null, subject, formula);
    }

    Gate gate(Map<String, Object> in, List<String> at) {
      Map<String, Object> m = map(in, at, "measure", true);
      Measure measure = m == null ? null : measure(m, at(at, "measure"));
      GateBasis basis = enumeration(in, at, "basis", GateBasis.class, false);
      if (basis == null && in.get("basis") == null) {
        basis = GateBasis.VALUE;
      }
      Comparator comparator = enumeration(in, at, "comparator", Comparator.class, true);
      BigDecimal threshold = decimal(in, at, "threshold", true);
      if (measure == null || basis == null || comparator == null || threshold == null) {
        return null;
      }
      return new Gate(measure, basis, comparator, threshold);
    }

    Rule rule(Map<String, Object> in, List<String> at) {
      RuleKind kind = enumeration(in, at, "kind", RuleKind.class, true);
      if (kind == null) {
        return null;
      }
      return switch (kind) {
        case PERCENT -> {
          BigDecimal rate = decimal(in, at, "ratePercent", true);
          yield rate == null ? null : new PercentRule(rate);
        }
        case PER_UNIT -> {
          BigDecimal amount = decimal(in, at, "amount", true);
          yield amount == null ? null : new PerUnitRule(amount);
        }
        case FIXED -> {
          BigDecimal amount = decimal(in, at, "amount", true);
          yield amount == null ? null : new FixedRule(amount);
        }
        case TIERED -> {
          TierMode mode = enumeration(in, at, "tierMode", TierMode.class, true);
          List<Tier> tiers = new ArrayList<>();
          List<Object> list = list(in, at, "tiers", true);
          boolean ok = list != null;
          if (list != null) {
            if (list.isEmpty()) {
              requiredNonEmpty(at(at, "tiers"));
              ok = false;
            }
            for (int i = 0; i < list.size(); i++) {
              List<String> tat = at(at, "tiers", Integer.toString(i));
              Map<String, Object> t = asMap(list.get(i), tat);
              if (t == null) {
                ok = false;
                continue;
              }
              BigDecimal from = decimal(t, tat, "from", true);
              Boolean inclusive = bool(t, tat, "fromInclusive", true);
              BigDecimal rate = decimal(t, tat, "ratePercent", true);
              if (from == null || inclusive == null || rate == null) {
                ok = false;
              } else {
                tiers.add(new Tier(from, inclusive, rate));
              }
            }
          }
          yield ok && mode != null ? new TieredRule(mode, tiers) : null;
        }
        case ACCELERATOR -> {
          AcceleratorMode mode =
              enumeration(in, at, "acceleratorMode", AcceleratorMode.class, true);
          BigDecimal rate = decimal(in, at, "ratePercent", true);
          List<CurveStep> curve = new ArrayList<>();
          boolean ok = true;
          if (mode == AcceleratorMode.CURVE) {
            List<Object> list = list(in, at, "curve", true);
            ok = list != null;
            if (list != null) {
              if (list.isEmpty()) {
                requiredNonEmpty(at(at, "curve"));
                ok = false;
              }
              for (int i = 0; i < list.size(); i++) {
                List<String> sat = at(at, "curve", Integer.toString(i));
                Map<String, Object> s = asMap(list.get(i), sat);
                if (s == null) {
                  ok = false;
                  continue;
                }
                BigDecimal from = decimal(s, sat, "fromAttainmentPercent", true);
                Boolean inclusive = bool(s, sat, "fromInclusive", true);
                BigDecimal multiplier = decimal(s, sat, "multiplier", true);
                if (from == null || inclusive == null || multiplier == null) {
                  ok = false;
                } else {
                  curve.add(new CurveStep(from, inclusive, multiplier));
                }
              }
            }
          }
          yield ok && mode != null && rate != null ? new AcceleratorRule(mode, rate, curve) : null;
        }
        case FORMULA -> {
          String expression = string(in, at, "expression", true);
          yield expression == null ? null : new FormulaRule(expression);
        }
        case RANKING -> {
          Boolean highestWins = bool(in, at, "highestWins", false);
          List<BigDecimal> prizes = new ArrayList<>();
          List<Object> list = list(in, at, "prizes", true);
          boolean ok = list != null;
          if (list != null) {
            if (list.isEmpty()) {
              requiredNonEmpty(at(at, "prizes"));
              ok = false;
            }
            for (int i = 0; i < list.size(); i++) {
              BigDecimal prize = decimalValue(list.get(i), at(at, "prizes", Integer.toString(i)));
              if (prize == null) {
                ok = false;
              } else {
                prizes.add(prize);
              }
            }
          }
          LocalDate from = date(in, at, "contestFrom");
          LocalDate to = date(in, at, "contestTo");
          yield ok ? new RankingRule(highestWins == null || highestWins, prizes, from, to) : null;
        }
      };
    }

    // ---- field readers: each reports its own problem and returns null

    BigDecimal decimal(Map<String, Object> in, List<String> at, String field, boolean required) {
      Object v = in.get(field);
      if (v == null) {
        if (required) {
          required(at(at, field));
        }
        return null;
      }
      return decimalValue(v, at(at, field));
    }

    BigDecimal decimalValue(Object v, List<String> path) {
      try {
        if (v instanceof BigDecimal d) {
          return d;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
          return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger i) {
          return new BigDecimal(i);
        }
        if (v instanceof Double || v instanceof Float) {
          double d = ((Number) v).doubleValue();
          if (Double.isFinite(d)) {
            return new BigDecimal(Double.toString(d));
          }
        }
        if (v instanceof String s && !s.isBlank() && s.strip().length() <= 40) {
          return new BigDecimal(s.strip());
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(
          new Problem(
              path,
              ProblemCode.INVALID,
              new Text(
                  "Ожидается число, а не «" + shown(v) + "»",
                  "A number is expected, not «" + shown(v) + "»")));
      return null;
    }

    Integer integer(Map<String, Object> in, List<String> at, String field, boolean required) {
      Object v = in.get(field);
      if (v == null) {
        if (required) {
          required(at(at, field));
        }
        return null;
      }
      if (v instanceof Integer i) {
        return i;
      }
      if (v instanceof Long
          || v instanceof BigDecimal
          || v instanceof BigInteger
          || v instanceof String) {
        try {
          return new BigDecimal(v.toString().strip()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
          // reported below
        }
      }
      problems.add(
          new Problem(
              at(at, field),
              ProblemCode.INVALID,
              new Text(
                  "Ожидается целое число, а не «" + shown(v) + "»",
                  "A whole number is expected, not «" + shown(v) + "»")));
      return null;
    }

    String string(Map<String, Object> in, List<String> at, String field, boolean required) {
      Object v = in.get(field);
      if (v == null || (required && v instanceof String s && s.isBlank())) {
        if (required) {
          required(at(at, field));
        }
        return null;
      }
      if (v instanceof String s) {
        return s;
      }
      problems.add(
          new Problem(
              at(at, field),
              ProblemCode.INVALID,
              new Text("Ожидается строка", "A string is expected")));
      return null;
    }

    Boolean bool(Map<String, Object> in, List<String> at, String field, boolean required) {
      Object v = in.get(field);
      if (v == null) {
        if (required) {
          required(at(at, field));
        }
        return null;
      }
      if (v instanceof Boolean b) {
        return b;
      }
      problems.add(
          new Problem(
              at(at, field),
              ProblemCode.INVALID,
              new Text("Ожидается да/нет (true/false)", "true or false is expected")));
      return null;
    }

    LocalDate date(Map<String, Object> in, List<String> at, String field) {
      Object v = in.get(field);
      if (v == null) {
        return null;
      }
      if (v instanceof LocalDate d) {
        return d;
      }
      if (v instanceof String s) {
        try {
          return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
          // reported below
        }
      }
      problems.add(
          new Problem(
              at(at, field),
              ProblemCode.INVALID,
              new Text(
                  "Ожидается дата ГГГГ-ММ-ДД, а не «" + shown(v) + "»",
                  "A date YYYY-MM-DD is expected, not «" + shown(v) + "»")));
      return null;
    }

    <E extends Enum<E>> E enumeration(
        Map<String, Object> in, List<String> at, String field, Class<E> type, boolean required) {
      Object v = in.get(field);
      if (v == null) {
        if (required) {
          required(at(at, field));
        }
        return null;
      }
      String name = v instanceof Enum<?> e ? e.name() : v instanceof String s ? s : null;
      if (name != null) {
        for (E constant : type.getEnumConstants()) {
          if (constant.name().equals(name)) {
            return constant;
          }
        }
      }
      String allowed =
          Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
      problems.add(
          new Problem(
              at(at, field),
              ProblemCode.INVALID,
              new Text(
                  "Неизвестное значение «" + shown(v) + "»; допустимо: " + allowed,
                  "Unknown value «" + shown(v) + "»; allowed: " + allowed)));
      return null;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(
        Map<String, Object> in, List<String> at, String field, boolean required) {
      Object v = in.get(field);
      if (v == null) {
        if (required) {
          required(at(at, field));
        }
        return null;
      }
      return asMap(v, at(at, field));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> asMap(Object v, List<String> path) {
      if (v instanceof Map<?, ?> m) {
        return (Map<String, Object>) m;
      }
      problems.add(
          new Problem(
              path, ProblemCode.INVALID, new Text("Ожидается объект", "An object is expected")));
      return null;
    }

    @SuppressWarnings("unchecked")
    List<Object> list(Map<String, Object> in, List<String> at, String field, boolean required) {
      Object v = in.get(field);
      if (v == null) {
        if (required) {
          required(at(at, field));
        }
        return null;
      }
      if (v instanceof List<?> l) {
        return (List<Object>) l;
      }
      problems.add(
          new Problem(
              at(at, field),
              ProblemCode.INVALID,
              new Text("Ожидается список", "A list is expected")));
      return null;
    }

    void required(List<String> path) {
      problems.add(
          new Problem(path, ProblemCode.REQUIRED, new Text("Обязательное поле", "Required")));
    }

    void requiredNonEmpty(List<String> path) {
      problems.add(
          new Problem(
              path,
              ProblemCode.REQUIRED,
              new Text("Нужен хотя бы один элемент", "At least one item is required")));
    }

    static List<String> at(List<String> base, String... more) {
      List<String> out = new ArrayList<>(base);
      out.addAll(Arrays.asList(more));
      return List.copyOf(out);
    }

    static String shown(Object v) {
      String s = String.valueOf(v);
      return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
  }
}
