package app.premia.compensation.domain;

/** How an accelerator over plan pays. */
public enum AcceleratorMode {
  /** {@code rate} percent of the part of the measure above its plan (above 100 % attainment). */
  ABOVE_PLAN,
  /**
   * {@code rate} percent of the whole measure times the multiplier of the curve step the attainment
   * reached (below the first step: multiplier 0).
   */
  CURVE
}
