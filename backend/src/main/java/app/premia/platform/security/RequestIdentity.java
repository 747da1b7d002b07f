package app.premia.platform.security;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who a unit of work runs for, as far as the platform needs to know: the ids that row-level
 * security and the JPA tenant discriminator are keyed on. Derived from the verified session (or
 * given explicitly to background work) — never from anything a client sends.
 *
 * @param userId the signed-in user; empty for anonymous requests and system work
 * @param consultancyId the consultancy of a consultant or owner
 * @param tenantId the tenant the work is for; empty means no tenant data is visible
 * @param sessionId the session the request came with
 */
public record RequestIdentity(
    Optional<UUID> userId,
    Optional<UUID> consultancyId,
    Optional<UUID> tenantId,
    Optional<UUID> sessionId) {

  public RequestIdentity {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(consultancyId, "consultancyId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(sessionId, "sessionId");
  }

  /** Nobody is signed in: no tenant, user or consultancy data is visible. */
  public static RequestIdentity anonymous() {
    return new RequestIdentity(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Work of the system itself for one tenant (jobs, seeding), with no user. */
  public static RequestIdentity systemFor(UUID consultancyId, UUID tenantId) {
    return new RequestIdentity(
        Optional.empty(),
        Optional.ofNullable(consultancyId),
        Optional.ofNullable(tenantId),
        Optional.empty());
  }

  public RequestIdentity withTenant(UUID tenant) {
    return new RequestIdentity(userId, consultancyId, Optional.ofNullable(tenant), sessionId);
  }

  public boolean isAnonymous() {
    return userId.isEmpty() && consultancyId.isEmpty() && tenantId.isEmpty();
  }
}
