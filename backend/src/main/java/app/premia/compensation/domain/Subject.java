package app.premia.compensation.domain;

/** Whose KPI a measure reads: the employee's own, or his team's (the department he heads). */
public enum Subject {
  SELF,
  TEAM
}
