package app.premia.kpi.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The value of one department-scoped KPI ({@link KpiScope#DEPARTMENT}) for one department (with its
 * sub-departments) in one period.
 *
 * @param departmentId the portal's department id ({@code crm_department.id})
 * @param period the period measured
 * @param kpi the KPI
 * @param value the value in the KPI's unit; {@code null} when the KPI is undefined
 * @param facts how many facts (deals, dismissals) the value is made of
 * @param errors facts that should have counted but could not be (a deal in a currency without a
 *     rate)
 */
public record DepartmentMeasurement(
    long departmentId, Period period, Kpi kpi, BigDecimal value, long facts, long errors) {

  public DepartmentMeasurement {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(kpi, "kpi");
    if (kpi.scope() != KpiScope.DEPARTMENT) {
      throw new IllegalArgumentException(kpi + " is not a department KPI");
    }
  }

  public boolean defined() {
    return value != null;
  }
}
