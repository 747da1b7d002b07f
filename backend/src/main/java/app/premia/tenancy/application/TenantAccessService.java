package app.premia.tenancy.application;

import app.premia.platform.errors.ErrorCode;
import app.premia.platform.errors.PremiaException;
import app.premia.tenancy.api.TenantAccess;
import app.premia.tenancy.domain.AccessRole;
import app.premia.tenancy.domain.MembershipStatus;
import app.premia.tenancy.domain.Tenant;
import app.premia.tenancy.domain.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/** Tenancy's answer to other contexts' authorization questions ({@link TenantAccess}). */
@ApplicationScoped
public class TenantAccessService implements TenantAccess {

  @Inject AccessPolicy policy;
  @Inject EntityManager em;

  @Override
  public ActiveTenant requireIntegration(IntegrationRight right) {
    CallerAccess access = policy.requireTenant();
    AccessRole role = access.accessRole().orElseThrow(AccessPolicy::forbidden);
    boolean allowed =
        switch (right) {
          case VIEW -> role != AccessRole.MANAGER;
          case MANAGE ->
              role == AccessRole.TENANT_ADMIN
                  || role == AccessRole.CONSULTANT
                  || role == AccessRole.CONSULTANCY_OWNER;
        };
    if (!allowed) {
      throw new PremiaException(
          ErrorCode.FORBIDDEN,
          right == IntegrationRight.MANAGE
              ? "Подключением Битрикс24 управляют консультант и администратор компании."
              : "Подключение Битрикс24 недоступно вашей роли.");
    }
    Tenant tenant = em.find(Tenant.class, access.tenantId().orElseThrow());
    if (tenant == null) {
      throw AccessPolicy.forbidden();
    }
    return new ActiveTenant(tenant.id(), tenant.consultancyId(), access.userId());
  }

  @Override
  public KpiCaller kpiCaller() {
    CallerAccess access = policy.requireTenant();
    ActiveTenant tenant = activeTenant(access);
    boolean seesEveryone =
        access.permissions().contains(CallerAccess.Permission.VIEW_ALL_EMPLOYEES);
    boolean managesPlans = access.permissions().contains(CallerAccess.Permission.MANAGE_KPI_PLANS);
    return new KpiCaller(tenant, seesEveryone, managesPlans, linkedEmployee(access), email(access));
  }

  @Override
  public CompensationCaller compensationCaller() {
    CallerAccess access = policy.requireTenant();
    ActiveTenant tenant = activeTenant(access);
    boolean manages = access.permissions().contains(CallerAccess.Permission.MANAGE_SCHEMES);
    boolean seesAll =
        manages || access.accessRole().filter(r -> r == AccessRole.ACCOUNTANT).isPresent();
    return new CompensationCaller(tenant, manages, seesAll, linkedEmployee(access), email(access));
  }

  @Override
  public LibraryCaller libraryCaller() {
    CallerAccess access = policy.require();
    if (!access.permissions().contains(CallerAccess.Permission.MANAGE_TEMPLATE_LIBRARY)) {
      throw new PremiaException(
          ErrorCode.FORBIDDEN, "Библиотекой шаблонов схем управляет консалтинг.");
    }
    return new LibraryCaller(access.consultancyId().orElseThrow(), access.userId());
  }

  /** The caller's active tenant, which must exist and where he must have an access role. */
  private ActiveTenant activeTenant(CallerAccess access) {
    access.accessRole().orElseThrow(AccessPolicy::forbidden);
    UUID tenantId = access.tenantId().orElseThrow(AccessPolicy::forbidden);
    Tenant tenant = em.find(Tenant.class, tenantId);
    if (tenant == null) {
      throw AccessPolicy.forbidden();
    }
    return new ActiveTenant(tenant.id(), tenant.consultancyId(), access.userId());
  }

  /** The portal user the caller's membership is explicitly linked to, if any. */
  private Long linkedEmployee(CallerAccess access) {
    return em.createQuery(
            "SELECT m.employeeRef FROM TenantMember m WHERE m.userId = :u AND m.status = :s",
            String.class)
        .setParameter("u", access.userId())
        .setParameter("s", MembershipStatus.ACTIVE.name())
        .getResultStream()
        .filter(ref -> ref != null && ref.matches("[1-9][0-9]{0,17}"))
        .map(Long::valueOf)
        .findFirst()
        .orElse(null);
  }

  private String email(CallerAccess access) {
    return Optional.ofNullable(em.find(UserAccount.class, access.userId()))
        .map(u -> u.email().value())
        .orElse(null);
  }
}
