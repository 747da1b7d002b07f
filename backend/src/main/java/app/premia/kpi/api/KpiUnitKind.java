package app.premia.kpi.api;

/** What a KPI's number means (mirrors the KPI context's own unit). */
public enum KpiUnitKind {
  /** Money in the tenant's currency, exact to kopecks. */
  MONEY,
  /** A whole count. */
  COUNT,
  /** A percentage (0–100, attainment may exceed 100). */
  PERCENT,
  /** Net Promoter Score, −100 to 100. */
  SCORE
}
