package app.premia.crm.domain;

/** How a sync pass reads a portal. */
public enum SyncMode {
  /** Everything, by id from the start (or from where an interrupted full pass stopped). */
  FULL,
  /** What changed since the previous pass began ({@code >=DATE_MODIFY}), plus new stage history. */
  INCREMENTAL,
  /** Every id the portal has, to delete what it no longer has and fetch what is missing. */
  RECONCILE
}
