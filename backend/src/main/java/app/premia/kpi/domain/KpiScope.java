package app.premia.kpi.domain;

/** Whom a KPI is measured for. */
public enum KpiScope {
  /** One employee (the deal's, lead's or activity's responsible person). */
  EMPLOYEE,
  /** A department (a team KPI, e.g. for the head of sales). */
  DEPARTMENT
}
