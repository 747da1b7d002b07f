package app.premia.compensation.domain;

/** The payout rule kinds. */
public enum RuleKind {
  PERCENT,
  PER_UNIT,
  FIXED,
  TIERED,
  ACCELERATOR,
  FORMULA,
  RANKING
}
