package app.premia.crm.application;

import java.util.Objects;
import java.util.UUID;

/**
 * A tenant with a portal, as background work sees it: what {@code RequestIdentity.systemFor} is
 * built from.
 */
public record PortalTenant(UUID tenantId, UUID consultancyId) {
  public PortalTenant {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(consultancyId, "consultancyId");
  }
}
