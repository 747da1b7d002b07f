package app.premia.compensation.domain;

import app.premia.kpi.api.KpiPeriod;
import java.math.BigDecimal;

/** Where the engine reads one participant's KPI values and plans (prepared by the caller). */
public interface KpiLookup {

  /**
   * The value of a KPI of the employee (SELF) or of the department he heads (TEAM) in a period;
   * never null: an unknown or unmeasured value is {@link KpiValue#undefined}.
   */
  KpiValue value(String kpi, Subject subject, KpiPeriod period);

  /** The plan (target) of the KPI for the employee or his team in the period, or null. */
  BigDecimal plan(String kpi, Subject subject, KpiPeriod period);
}
