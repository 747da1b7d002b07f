package app.premia.kpi.api;

import java.util.Objects;
import java.util.UUID;

/**
 * A CDI event: a tenant's KPI values or plans may have changed — fired after a re-measurement that
 * changed stored values (in the sync's worker thread, after its commit) and by the plan and KPI
 * settings mutations (observe it with {@code during = AFTER_SUCCESS}: only once their transaction
 * committed). What changed is not carried; observers re-read what they need.
 *
 * @param tenantId the tenant
 * @param consultancyId its consultancy (to act as the system for the tenant)
 */
public record KpiValuesChanged(UUID tenantId, UUID consultancyId) {

  public KpiValuesChanged {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(consultancyId, "consultancyId");
  }
}
