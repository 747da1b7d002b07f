package app.premia.kpi.domain;

/** What a KPI's number means and how it is rounded. */
public enum KpiUnit {
  /** Money in the tenant's currency, exact to 2 decimals (kopecks), rounded half-up. */
  MONEY,
  /** A whole count of facts (deals, clients, activities, people). */
  COUNT,
  /** A percentage 0–100 (may exceed 100 for attainment), rounded half-up to 4 decimals. */
  PERCENT,
  /** Net Promoter Score from −100 to 100, rounded half-up to 4 decimals. */
  NPS_SCORE
}
