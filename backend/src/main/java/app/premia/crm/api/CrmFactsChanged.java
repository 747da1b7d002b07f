package app.premia.crm.api;

import java.util.Objects;
import java.util.UUID;

/**
 * A CDI event: a sync pass or an event drain has written a tenant's CRM facts. Fired synchronously
 * in the sync's worker thread after the writes are committed (never inside their transactions);
 * observers must not throw into the sync (a failure of theirs is theirs to retry). What changed is
 * not carried: the fact tables' triggers queue every change durably (see ADR 0019).
 *
 * @param tenantId the tenant
 * @param consultancyId its consultancy (to act as the system for the tenant)
 * @param everything true after a full or reconciling pass (the whole copy may have changed), false
 *     after an incremental pass or an event drain
 */
public record CrmFactsChanged(UUID tenantId, UUID consultancyId, boolean everything) {

  public CrmFactsChanged {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(consultancyId, "consultancyId");
  }
}
