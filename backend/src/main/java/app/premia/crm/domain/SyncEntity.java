package app.premia.crm.domain;

/**
 * What the sync copies from a portal, in the order a full sync takes them. Dictionaries are small
 * and read whole each time; facts are paged by id and kept current by their modification time.
 */
public enum SyncEntity {
  CURRENCY(false),
  PIPELINE(false),
  STAGE(false),
  DEPARTMENT(false),
  EMPLOYEE(false),
  COMPANY(true),
  CONTACT(true),
  LEAD(true),
  DEAL(true),
  ACTIVITY(true),
  DEAL_STAGE_HISTORY(true),
  LEAD_STAGE_HISTORY(true);

  private final boolean paged;

  SyncEntity(boolean paged) {
    this.paged = paged;
  }

  /** Large entities: counted, paged by id and resumed from a cursor. */
  public boolean paged() {
    return paged;
  }

  /** Stage history is append-only: it is followed by id, never modified. */
  public boolean appendOnly() {
    return this == DEAL_STAGE_HISTORY || this == LEAD_STAGE_HISTORY;
  }
}
