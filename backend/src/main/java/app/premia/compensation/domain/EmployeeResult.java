package app.premia.compensation.domain;

import app.premia.kpi.api.KpiPeriod;
import java.math.BigDecimal;
import java.util.List;

/**
 * What one employee earns in one monthly run under one scheme version.
 *
 * @param employeeId the employee
 * @param month the run's month
 * @param baseSalary the base salary for the month, prorated to his days on the version, kopecks
 * @param lines one line per component whose period closes in this month (and is active)
 * @param adjustments scheme-level lines (scheme cap or floor, adaptation minimum), may be empty
 * @param variablePay sum of lines and adjustments
 * @param total base salary + variable pay
 * @param notes scheme-level explanation (proration, adaptation)
 */
public record EmployeeResult(
    long employeeId,
    KpiPeriod month,
    BigDecimal baseSalary,
    List<Line> lines,
    List<Line> adjustments,
    BigDecimal variablePay,
    BigDecimal total,
    List<Text> notes) {

  public EmployeeResult {
    lines = List.copyOf(lines);
    adjustments = List.copyOf(adjustments);
    notes = List.copyOf(notes);
  }
}
