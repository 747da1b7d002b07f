package app.premia.tenancy.application;

import app.premia.tenancy.domain.AccessRole;
import app.premia.tenancy.domain.ConsultancyMember;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the caller of the current request may do: computed from the verified session's identity and
 * the database, once per use case. Authorization lives here and in the use cases, never in the UI.
 *
 * @param userId the signed-in user
 * @param consultancyId his consultancy, if he works for one
 * @param consultancyRole his role there
 * @param tenantId the verified active tenant
 * @param accessRole his access role in the active tenant (consultancy roles for consultancy people)
 */
public record CallerAccess(
    UUID userId,
    Optional<UUID> consultancyId,
    Optional<ConsultancyMember.Role> consultancyRole,
    Optional<UUID> tenantId,
    Optional<AccessRole> accessRole) {

  /** Permissions the UI may offer (GraphQL enum {@code Permission}). */
  public enum Permission {
    MANAGE_CLIENT_COMPANIES,
    MANAGE_USERS,
    VIEW_ALL_EMPLOYEES,
    VIEW_INTEGRATION,
    MANAGE_INTEGRATION,
    MANAGE_KPI_PLANS,
    MANAGE_SCHEMES,
    MANAGE_TEMPLATE_LIBRARY
  }

  public boolean isConsultancyOwner() {
    return consultancyRole.filter(r -> r == ConsultancyMember.Role.OWNER).isPresent();
  }

  public boolean isConsultancyMember() {
    return consultancyRole.isPresent();
  }

  public Set<Permission> permissions() {
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    if (isConsultancyMember()) {
      permissions.add(Permission.MANAGE_CLIENT_COMPANIES);
      // the library is the consultancy's, not a tenant's: no active tenant needed
      permissions.add(Permission.MANAGE_TEMPLATE_LIBRARY);
    }
    // what concerns the users and employees of a tenant needs one to be active
    accessRole
        .filter(role -> tenantId.isPresent())
        .ifPresent(
            role -> {
              if (role == AccessRole.TENANT_ADMIN
                  || role == AccessRole.CONSULTANCY_OWNER
                  || role == AccessRole.CONSULTANT) {
                permissions.add(Permission.MANAGE_USERS);
                permissions.add(Permission.MANAGE_SCHEMES);
              }
              if (role != AccessRole.MANAGER) {
                permissions.add(Permission.VIEW_ALL_EMPLOYEES);
                permissions.add(Permission.VIEW_INTEGRATION);
              }
              if (role != AccessRole.MANAGER && role != AccessRole.ACCOUNTANT) {
                permissions.add(Permission.MANAGE_INTEGRATION);
                permissions.add(Permission.MANAGE_KPI_PLANS);
              }
            });
    return permissions;
  }
}
