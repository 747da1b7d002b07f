package app.premia.kpi.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The value of one KPI for one employee in one period.
 *
 * @param employeeId the portal user's id ({@code crm_employee.id}, a deal's {@code assigned_by_id})
 * @param period the period measured
 * @param kpi the KPI
 * @param value the value in the KPI's unit; {@code null} when the KPI is undefined (e.g. the
 *     average deal of an employee with no won deals)
 * @param facts how many facts (deals, leads, activities, clients) the value is made of
 * @param errors facts that should have counted but could not be (a deal in a currency without a
 *     rate); they are left out of the value
 */
public record Measurement(
    long employeeId, Period period, Kpi kpi, BigDecimal value, long facts, long errors) {

  public Measurement {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(kpi, "kpi");
  }

  public boolean defined() {
    return value != null;
  }
}
