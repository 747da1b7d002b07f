package app.premia.compensation.domain;

import java.util.Objects;

/**
 * The amount is a formula over declared variables only: each KPI code ({@code sales_volume}), its
 * plan ({@code plan_sales_volume}), its previous period's value ({@code prev_sales_volume}), the
 * team's ({@code team_<code>}), {@code base_salary} and {@code measure} (the component's measure).
 * Evaluated with exact decimals by a safe expression engine (no method calls, no loops).
 */
public record FormulaRule(String expression) implements Rule {
  public FormulaRule {
    Objects.requireNonNull(expression, "expression");
  }

  @Override
  public RuleKind kind() {
    return RuleKind.FORMULA;
  }
}
