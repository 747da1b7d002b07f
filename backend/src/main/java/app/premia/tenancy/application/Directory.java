package app.premia.tenancy.application;

import app.premia.tenancy.application.Views.ConsultancyView;
import app.premia.tenancy.application.Views.TenantView;
import app.premia.tenancy.application.Views.UserView;
import app.premia.tenancy.application.Views.ViewerView;
import app.premia.tenancy.domain.Consultancy;
import app.premia.tenancy.domain.Tenant;
import app.premia.tenancy.domain.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.config.QueryHints;

/**
 * Read side of tenancy: the viewer, the tenants a user may work in, users by id, consultants by
 * tenant. Every read runs under the request's identity, so row-level security applies too.
 */
@ApplicationScoped
@Transactional
public class Directory {

  @Inject EntityManager em;
  @Inject AccessPolicy access;

  /** The signed-in viewer, or empty when nobody is. */
  public Optional<ViewerView> viewer() {
    return access.current().map(this::viewerOf);
  }

  ViewerView viewerOf(CallerAccess caller) {
    UserAccount user = em.find(UserAccount.class, caller.userId());
    ConsultancyView consultancy =
        caller
            .consultancyId()
            .map(id -> em.find(Consultancy.class, id))
            .map(c -> new ConsultancyView(c.id(), c.name()))
            .orElse(null);
    List<TenantView> tenants = tenantsOf(caller);
    TenantView active =
        caller
            .tenantId()
            .flatMap(id -> tenants.stream().filter(t -> t.id().equals(id)).findFirst())
            .orElse(null);
    return new ViewerView(
        userView(user),
        consultancy,
        tenants,
        active,
        caller.accessRole().map(Enum::name).orElse(null),
        caller.permissions().stream().map(Enum::name).sorted().toList());
  }

  /**
   * Tenants the caller may work in: all of the consultancy's for its owner, the assigned ones for a
   * consultant, those with an active membership for everyone else. Ordered by name.
   */
  public List<TenantView> tenantsOf(CallerAccess caller) {
    List<Tenant> tenants;
    if (caller.isConsultancyOwner()) {
      tenants =
          em.createQuery("SELECT t FROM Tenant t WHERE t.consultancyId = :c", Tenant.class)
              .setParameter("c", caller.consultancyId().orElseThrow())
              .getResultList();
    } else if (caller.isConsultancyMember()) {
      tenants =
          em.createQuery(
                  "SELECT t FROM Tenant t, ConsultantAssignment a"
                      + " WHERE a.tenantId = t.id AND a.userId = :u",
                  Tenant.class)
              .setParameter("u", caller.userId())
              .getResultList();
    } else {
      tenants = membershipTenants(caller.userId());
    }
    return tenants.stream()
        .sorted(Comparator.comparing(Tenant::name))
        .map(Directory::tenantView)
        .toList();
  }

  /** Whether the caller may work in {@code tenantId}. */
  public boolean mayWorkIn(CallerAccess caller, UUID tenantId) {
    return tenantsOf(caller).stream().anyMatch(t -> t.id().equals(tenantId));
  }

  /**
   * The user's own active memberships across tenants. Native SQL: the JPA discriminator would limit
   * the query to the current tenant, while row-level security allows a user's own rows.
   */
  @SuppressWarnings("unchecked")
  private List<Tenant> membershipTenants(UUID userId) {
    List<Object> ids =
        em.createNativeQuery(
                "SELECT CAST(m.tenant_id AS varchar) FROM tenant_member m"
                    + " WHERE m.user_id = CAST(?1 AS uuid) AND m.status = 'ACTIVE'")
            .setParameter(1, userId.toString())
            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, "true")
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT t FROM Tenant t WHERE t.id IN :ids", Tenant.class)
        .setParameter("ids", ids.stream().map(id -> UUID.fromString(id.toString())).toList())
        .getResultList();
  }

  /** Users by id, for loaders. Unknown ids are absent. */
  public Map<UUID, UserView> usersById(Collection<UUID> ids) {
    Map<UUID, UserView> found = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    em.createQuery("SELECT u FROM UserAccount u WHERE u.id IN :ids", UserAccount.class)
        .setParameter("ids", List.copyOf(ids))
        .getResultList()
        .forEach(u -> found.put(u.id(), userView(u)));
    return found;
  }

  /**
   * Consultants assigned to each of {@code tenantIds}, for the consultancy's own people only
   * (others get empty lists).
   */
  public Map<UUID, List<UserView>> consultantsByTenant(Collection<UUID> tenantIds) {
    Map<UUID, List<UserView>> result = new LinkedHashMap<>();
    tenantIds.forEach(id -> result.put(id, new java.util.ArrayList<>()));
    Optional<CallerAccess> caller = access.current();
    if (tenantIds.isEmpty() || caller.isEmpty() || !caller.get().isConsultancyMember()) {
      return result;
    }
    List<Object[]> rows =
        em.createQuery(
                "SELECT a.tenantId, u FROM ConsultantAssignment a, UserAccount u"
                    + " WHERE u.id = a.userId AND a.tenantId IN :ids ORDER BY u.displayName",
                Object[].class)
            .setParameter("ids", List.copyOf(tenantIds))
            .getResultList();
    for (Object[] row : rows) {
      result
          .computeIfAbsent((UUID) row[0], k -> new java.util.ArrayList<>())
          .add(userView((UserAccount) row[1]));
    }
    return result;
  }

  /** The consultants of the caller's consultancy (owner only). */
  public List<UserView> consultants(CallerAccess caller) {
    return em
        .createQuery(
            "SELECT u FROM UserAccount u, ConsultancyMember m"
                + " WHERE m.userId = u.id AND m.consultancyId = :c AND m.role = 'CONSULTANT'"
                + " ORDER BY u.displayName",
            UserAccount.class)
        .setParameter("c", caller.consultancyId().orElseThrow())
        .getResultList()
        .stream()
        .map(Directory::userView)
        .toList();
  }

  static UserView userView(UserAccount user) {
    return new UserView(user.id(), user.email().value(), user.displayName(), user.locale());
  }

  static TenantView tenantView(Tenant tenant) {
    return new TenantView(
        tenant.id(),
        tenant.consultancyId(),
        tenant.name(),
        tenant.timeZone().getId(),
        tenant.currencyCode(),
        tenant.createdAt());
  }
}
