package app.premia.compensation.domain;

import java.util.Objects;

/**
 * What a component or a gate looks at: one KPI of the employee or of his team, or a formula over
 * KPI variables (see {@link FormulaRule} for the variables). Exactly one of {@code kpi} and {@code
 * formula} is set.
 *
 * @param kpi a KPI code of the catalogue ({@code sales_volume}), or null for a formula
 * @param subject SELF or TEAM (a TEAM measure of an employee who heads no department is undefined)
 * @param formula an expression over KPI variables, or null for a KPI
 */
public record Measure(String kpi, Subject subject, String formula) {

  public Measure {
    Objects.requireNonNull(subject, "subject");
  }

  public static Measure self(String kpi) {
    return new Measure(kpi, Subject.SELF, null);
  }

  public static Measure team(String kpi) {
    return new Measure(kpi, Subject.TEAM, null);
  }

  public static Measure formula(String formula) {
    return new Measure(null, Subject.SELF, formula);
  }

  public boolean isFormula() {
    return formula != null;
  }
}
