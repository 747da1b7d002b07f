package app.premia.tenancy.api;

import java.util.List;
import java.util.UUID;

/**
 * CDI event: the demo consultancy and its client companies exist ({@code PREMIA_DEMO=true}), fired
 * on every start with demo data on, after tenancy's own seed is committed — so other contexts add
 * their demo data (idempotently) without tenancy knowing them.
 *
 * @param consultancyId the demo consultancy
 * @param tenantIds its client companies
 */
public record DemoDataReady(UUID consultancyId, List<UUID> tenantIds) {

  public DemoDataReady {
    tenantIds = List.copyOf(tenantIds);
  }
}
