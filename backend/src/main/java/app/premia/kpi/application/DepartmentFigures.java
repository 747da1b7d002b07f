package app.premia.kpi.application;

import app.premia.kpi.domain.DepartmentMeasurement;
import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The exact figures one department's values (with its sub-departments) of one period are derived
 * from: headcounts and the members' won deals (each member once). Filled by {@link KpiSql} from the
 * facts and kept by {@link MeasurementStore} ({@code kpi_department_period}).
 */
final class DepartmentFigures {

  long managers;
  long dismissed;
  long firstDay;
  long lastDay;
  long priced;
  long unpriced;
  BigDecimal volume = BigDecimal.ZERO;

  /** Adds a member's won deals (or their difference): priced, unpriced, volume. */
  void addWonDeals(EmployeeFigures member) {
    priced += member.priced;
    unpriced += member.deals - member.priced;
    volume = volume.add(member.volume);
  }

  /** Average sales per manager and staff turnover, as the catalogue defines them. */
  List<DepartmentMeasurement> measurements(long department, Period period) {
    return List.of(
        new DepartmentMeasurement(
            department,
            period,
            Kpi.AVERAGE_SALES_PER_MANAGER,
            managers == 0
                ? null
                : volume.divide(
                    BigDecimal.valueOf(managers),
                    EmployeeFigures.MONEY_SCALE,
                    RoundingMode.HALF_UP),
            priced,
            unpriced),
        // dismissed ÷ ((first + last) ÷ 2) × 100 = dismissed × 2 × 100 ÷ (first + last), exact
        new DepartmentMeasurement(
            department,
            period,
            Kpi.STAFF_TURNOVER,
            firstDay + lastDay == 0
                ? null
                : EmployeeFigures.percent(2 * dismissed, firstDay + lastDay),
            dismissed,
            0));
  }
}
