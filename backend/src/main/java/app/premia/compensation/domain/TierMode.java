package app.premia.compensation.domain;

/** How progressive tiers pay. */
public enum TierMode {
  /** Each band of the measure is paid at its own tier's rate (like income-tax brackets). */
  MARGINAL,
  /** The rate of the tier the whole measure reached applies from the first rouble. */
  WHOLE
}
