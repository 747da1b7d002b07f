package app.premia.tenancy.api;

import java.util.UUID;

/**
 * Authorization for other contexts, decided by tenancy: the caller's active tenant and what he may
 * do there. Every method throws the platform's UNAUTHENTICATED or FORBIDDEN refusal.
 */
public interface TenantAccess {

  /** What a caller may do with a tenant's Bitrix24 connection. */
  enum IntegrationRight {
    /** See the connection and its sync progress: everyone but managers. */
    VIEW,
    /** Connect, reconfigure, sync and disconnect: the consultancy's people and the tenant admin. */
    MANAGE
  }

  /** The active tenant of a caller who holds the right there. */
  ActiveTenant requireIntegration(IntegrationRight right);

  /**
   * A tenant and the consultancy it belongs to: what background work for it runs as.
   *
   * @param tenantId the tenant
   * @param consultancyId its consultancy
   * @param userId the user acting, when there is one
   */
  record ActiveTenant(UUID tenantId, UUID consultancyId, UUID userId) {}
}
