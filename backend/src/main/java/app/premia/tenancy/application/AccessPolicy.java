package app.premia.tenancy.application;

import app.premia.platform.errors.ErrorCode;
import app.premia.platform.errors.PremiaException;
import app.premia.platform.security.IdentityScope;
import app.premia.platform.security.RequestIdentity;
import app.premia.tenancy.domain.AccessRole;
import app.premia.tenancy.domain.ConsultancyMember;
import app.premia.tenancy.domain.TenantMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/**
 * Works out {@link CallerAccess} for the current request and refuses what it does not allow.
 * Refusals about things (a tenant, a member) say NOT_FOUND, so "not yours" and "does not exist"
 * look the same.
 */
@ApplicationScoped
public class AccessPolicy {

  @Inject EntityManager em;

  /** The caller's access; throws UNAUTHENTICATED when nobody is signed in. */
  public CallerAccess require() {
    return current()
        .orElseThrow(() -> new PremiaException(ErrorCode.UNAUTHENTICATED, "Войдите в систему."));
  }

  public Optional<CallerAccess> current() {
    RequestIdentity identity = IdentityScope.current();
    if (identity.userId().isEmpty()) {
      return Optional.empty();
    }
    UUID userId = identity.userId().get();
    Optional<ConsultancyMember> member =
        em.createQuery(
                "SELECT m FROM ConsultancyMember m WHERE m.userId = :user", ConsultancyMember.class)
            .setParameter("user", userId)
            .getResultStream()
            .findFirst();
    Optional<UUID> tenant = identity.tenantId();
    Optional<AccessRole> role;
    if (member.isPresent()) {
      // a consultancy's people act in their consultancy role, with or without an active tenant
      role =
          Optional.of(
              member.get().role() == ConsultancyMember.Role.OWNER
                  ? AccessRole.CONSULTANCY_OWNER
                  : AccessRole.CONSULTANT);
    } else if (tenant.isPresent()) {
      // the discriminator limits this to the active tenant
      role =
          em.createQuery(
                  "SELECT m FROM TenantMember m WHERE m.userId = :user AND m.status = 'ACTIVE'",
                  TenantMember.class)
              .setParameter("user", userId)
              .getResultStream()
              .findFirst()
              .map(TenantMember::accessRole);
      if (role.isEmpty()) {
        tenant = Optional.empty();
      }
    } else {
      role = Optional.empty();
    }
    return Optional.of(
        new CallerAccess(
            userId,
            member.map(ConsultancyMember::consultancyId),
            member.map(ConsultancyMember::role),
            tenant,
            role));
  }

  /** The caller, who must have MANAGE_USERS in an active tenant. */
  public CallerAccess requireUserManager() {
    CallerAccess access = requireTenant();
    if (!access.permissions().contains(CallerAccess.Permission.MANAGE_USERS)) {
      throw new PremiaException(
          ErrorCode.FORBIDDEN, "Управлять пользователями может администратор.");
    }
    return access;
  }

  /** The refusal for a caller without an access role in the active tenant. */
  static PremiaException forbidden() {
    return new PremiaException(ErrorCode.FORBIDDEN, "Недостаточно прав.");
  }

  /** The caller, who must work in a tenant now. */
  public CallerAccess requireTenant() {
    CallerAccess access = require();
    if (access.tenantId().isEmpty()) {
      throw new PremiaException(ErrorCode.FORBIDDEN, "Сначала выберите клиентскую компанию.");
    }
    return access;
  }

  /** The caller, who must work for a consultancy. */
  public CallerAccess requireConsultancyMember() {
    CallerAccess access = require();
    if (!access.isConsultancyMember()) {
      throw new PremiaException(ErrorCode.FORBIDDEN, "Доступно только сотрудникам консалтинга.");
    }
    return access;
  }
}
