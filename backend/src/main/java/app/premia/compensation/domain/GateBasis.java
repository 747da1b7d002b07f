package app.premia.compensation.domain;

/** What number of a measure a gate compares. */
public enum GateBasis {
  /** The measure's value in the period ("volume > 1 000 000 ₽", "conversion > 20 %"). */
  VALUE,
  /**
   * Growth against the previous period of the same length, in percent: (value − previous) ÷
   * previous × 100 ("the average deal grew ≥ 10 %"); undefined when the previous value is undefined
   * or zero.
   */
  GROWTH_PERCENT,
  /** Attainment of the plan, in percent: value ÷ plan × 100; undefined without a plan. */
  ATTAINMENT_PERCENT
}
