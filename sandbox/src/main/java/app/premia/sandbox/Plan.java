package app.premia.sandbox;

/** Bitrix24 plan of an emulated portal: decides the default limits and {@code app.info.LICENSE}. */
public enum Plan {
  /** Any non-Enterprise cloud plan: 2 req/s, burst 50, LICENSE ru_basic. */
  STANDARD,
  /** Enterprise: 5 req/s, burst 250, LICENSE ru_ent250. */
  ENTERPRISE
}
