package app.premia.compensation.application;

import app.premia.kpi.api.KpiPeriod;
import app.premia.kpi.api.KpiPeriodKind;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a what-if replay found: per month and per employee, the variable pay and base salary under
 * the replayed version beside the variable pay under the versions actually in force, and the
 * totals. Stored as the run's {@code result} jsonb (decimals as strings, exact).
 *
 * @param months oldest first
 * @param employees by name, then id
 * @param totalCost Σ base salary + variable pay under the replayed version
 * @param currentCost Σ base salary + variable pay under the versions in force (a month with none in
 *     force costs nothing)
 * @param baseSalaryTotal Σ base salary under the replayed version
 * @param variablePayTotal Σ variable pay under the replayed version
 * @param bonusSharePercent variable pay ÷ base salary × 100, half-up to 4 decimals; null when the
 *     base is zero
 */
public record WhatIfResult(
    List<Month> months,
    List<Employee> employees,
    BigDecimal totalCost,
    BigDecimal currentCost,
    BigDecimal baseSalaryTotal,
    BigDecimal variablePayTotal,
    BigDecimal bonusSharePercent) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** One month of the replay. */
  public record Month(
      KpiPeriod month,
      BigDecimal variablePay,
      BigDecimal currentVariablePay,
      BigDecimal baseSalary,
      BigDecimal currentBaseSalary,
      int employees) {}

  /** One employee over all months. */
  public record Employee(
      long employeeId,
      String name,
      String department,
      boolean active,
      BigDecimal variablePay,
      BigDecimal currentVariablePay,
      BigDecimal baseSalary,
      BigDecimal bonusSharePercent) {}

  /** One employee in one month (what a month contributes to the totals). */
  public record EmployeeMonth(
      long employeeId,
      String name,
      String department,
      boolean active,
      BigDecimal variablePay,
      BigDecimal currentVariablePay,
      BigDecimal baseSalary) {}

  /** A month computed, with its employees. */
  public record MonthResult(Month month, List<EmployeeMonth> employees) {}

  /** Adds up the months (in the order given). */
  public static WhatIfResult of(List<MonthResult> results) {
    List<Month> months = new ArrayList<>();
    Map<Long, EmployeeMonth> sums = new LinkedHashMap<>();
    BigDecimal variable = zero();
    BigDecimal base = zero();
    BigDecimal current = zero();
    for (MonthResult r : results) {
      months.add(r.month());
      variable = variable.add(r.month().variablePay());
      base = base.add(r.month().baseSalary());
      current = current.add(r.month().currentVariablePay()).add(r.month().currentBaseSalary());
      for (EmployeeMonth e : r.employees()) {
        sums.merge(
            e.employeeId(),
            e,
            (a, b) ->
                new EmployeeMonth(
                    b.employeeId(),
                    b.name(),
                    b.department(),
                    b.active(),
                    a.variablePay().add(b.variablePay()),
                    a.currentVariablePay().add(b.currentVariablePay()),
                    a.baseSalary().add(b.baseSalary())));
      }
    }
    List<Employee> employees =
        sums.values().stream()
            .sorted(
                Comparator.comparing(EmployeeMonth::name)
                    .thenComparingLong(EmployeeMonth::employeeId))
            .map(
                e ->
                    new Employee(
                        e.employeeId(),
                        e.name(),
                        e.department(),
                        e.active(),
                        e.variablePay(),
                        e.currentVariablePay(),
                        e.baseSalary(),
                        share(e.variablePay(), e.baseSalary())))
            .toList();
    return new WhatIfResult(
        months, employees, base.add(variable), current, base, variable, share(variable, base));
  }

  /** Variable ÷ base × 100, half-up to 4 decimals; null for a zero base. */
  public static BigDecimal share(BigDecimal variable, BigDecimal base) {
    return base.signum() == 0
        ? null
        : variable.multiply(HUNDRED).divide(base, 4, RoundingMode.HALF_UP);
  }

  static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }

  // -----------------------------------------------------------------------------------------------
  // the stored form
  // -----------------------------------------------------------------------------------------------

  public String toJson() {
    JsonArrayBuilder ms = Json.createArrayBuilder();
    for (Month m : months) {
      ms.add(
          Json.createObjectBuilder()
              .add("month", m.month().firstDay().toString())
              .add("variablePay", m.variablePay().toPlainString())
              .add("currentVariablePay", m.currentVariablePay().toPlainString())
              .add("baseSalary", m.baseSalary().toPlainString())
              .add("currentBaseSalary", m.currentBaseSalary().toPlainString())
              .add("employees", m.employees()));
    }
    JsonArrayBuilder es = Json.createArrayBuilder();
    for (Employee e : employees) {
      JsonObjectBuilder o =
          Json.createObjectBuilder()
              .add("id", e.employeeId())
              .add("name", e.name())
              .add("active", e.active())
              .add("variablePay", e.variablePay().toPlainString())
              .add("currentVariablePay", e.currentVariablePay().toPlainString())
              .add("baseSalary", e.baseSalary().toPlainString());
      optional(o, "department", e.department());
      optional(o, "bonusSharePercent", e.bonusSharePercent());
      es.add(o);
    }
    JsonObjectBuilder o =
        Json.createObjectBuilder()
            .add("months", ms)
            .add("employees", es)
            .add("totalCost", totalCost.toPlainString())
            .add("currentCost", currentCost.toPlainString())
            .add("baseSalaryTotal", baseSalaryTotal.toPlainString())
            .add("variablePayTotal", variablePayTotal.toPlainString());
    optional(o, "bonusSharePercent", bonusSharePercent);
    return o.build().toString();
  }

  public static WhatIfResult fromJson(String json) {
    JsonObject o;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      o = reader.readObject();
    }
    List<Month> months = new ArrayList<>();
    for (JsonValue v : o.getJsonArray("months")) {
      JsonObject m = v.asJsonObject();
      months.add(
          new Month(
              KpiPeriod.containing(LocalDate.parse(m.getString("month")), KpiPeriodKind.MONTH),
              decimal(m, "variablePay"),
              decimal(m, "currentVariablePay"),
              decimal(m, "baseSalary"),
              decimal(m, "currentBaseSalary"),
              m.getInt("employees")));
    }
    List<Employee> employees = new ArrayList<>();
    for (JsonValue v : o.getJsonArray("employees")) {
      JsonObject e = v.asJsonObject();
      employees.add(
          new Employee(
              e.getJsonNumber("id").longValueExact(),
              e.getString("name"),
              e.containsKey("department") ? e.getString("department") : null,
              e.getBoolean("active"),
              decimal(e, "variablePay"),
              decimal(e, "currentVariablePay"),
              decimal(e, "baseSalary"),
              decimal(e, "bonusSharePercent")));
    }
    return new WhatIfResult(
        months,
        employees,
        decimal(o, "totalCost"),
        decimal(o, "currentCost"),
        decimal(o, "baseSalaryTotal"),
        decimal(o, "variablePayTotal"),
        decimal(o, "bonusSharePercent"));
  }

  private static BigDecimal decimal(JsonObject o, String name) {
    return o.containsKey(name) && !o.isNull(name) ? new BigDecimal(o.getString(name)) : null;
  }

  private static void optional(JsonObjectBuilder o, String name, Object value) {
    if (value instanceof BigDecimal d) {
      o.add(name, d.toPlainString());
    } else if (value != null) {
      o.add(name, Objects.toString(value));
    }
  }
}
