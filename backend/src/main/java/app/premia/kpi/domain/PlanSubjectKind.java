package app.premia.kpi.domain;

/** Whom a plan (target) is set for. */
public enum PlanSubjectKind {
  /** A portal user ({@code crm_employee.id}). */
  EMPLOYEE,
  /** A portal department ({@code crm_department.id}). */
  DEPARTMENT
}
