package app.premia.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A user's membership in one tenant, with his access role. Tenant-owned: EclipseLink adds {@code
 * tenant_id = <the request's tenant>} to every query and insert, and PostgreSQL's row-level
 * security enforces the same again.
 *
 * <p>Life: INVITED (an invitation link exists) → ACTIVE (accepted) → DEACTIVATED (access removed;
 * the row and its history stay). A manager member is linked to his Bitrix24 employee by {@code
 * employeeRef} once the CRM sync knows him (issue #4).
 */
@Entity
@Table(name = "tenant_member")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id")
public class TenantMember {

  @Id private UUID id;

  @Column(name = "user_id", nullable = false, updatable = false)
  private UUID userId;

  @Column(name = "access_role", nullable = false)
  private String accessRole;

  @Column(nullable = false)
  private String status;

  @Column(name = "employee_ref")
  private String employeeRef;

  @Column(name = "invited_at", nullable = false, updatable = false)
  private OffsetDateTime invitedAt;

  @Column(name = "joined_at")
  private OffsetDateTime joinedAt;

  protected TenantMember() {}

  /** A new membership, pending until the invitation is accepted. */
  public static TenantMember invited(UUID id, UUID userId, AccessRole role, OffsetDateTime at) {
    if (!role.isTenantRole()) {
      throw new IllegalArgumentException("not a tenant role: " + role);
    }
    TenantMember member = new TenantMember();
    member.id = id;
    member.userId = userId;
    member.accessRole = role.name();
    member.status = MembershipStatus.INVITED.name();
    member.invitedAt = at;
    return member;
  }

  public UUID id() {
    return id;
  }

  public UUID userId() {
    return userId;
  }

  public AccessRole accessRole() {
    return AccessRole.valueOf(accessRole);
  }

  public MembershipStatus status() {
    return MembershipStatus.valueOf(status);
  }

  public Optional<String> employeeRef() {
    return Optional.ofNullable(employeeRef);
  }

  public OffsetDateTime invitedAt() {
    return invitedAt;
  }

  public Optional<OffsetDateTime> joinedAt() {
    return Optional.ofNullable(joinedAt);
  }

  /**
   * Accepts the invitation. Only a pending membership can be accepted: a deactivated one stays so.
   */
  public void activate(OffsetDateTime at) {
    if (status() != MembershipStatus.INVITED) {
      throw new IllegalStateException("membership is " + status + ", not INVITED");
    }
    joinedAt = at;
    status = MembershipStatus.ACTIVE.name();
  }

  public boolean isInvited() {
    return status() == MembershipStatus.INVITED;
  }

  public void changeRole(AccessRole role) {
    if (!role.isTenantRole()) {
      throw new IllegalArgumentException("not a tenant role: " + role);
    }
    accessRole = role.name();
  }

  public void deactivate() {
    status = MembershipStatus.DEACTIVATED.name();
  }

  public void linkEmployee(String ref) {
    employeeRef = ref;
  }

  /** JSON of the audited state. */
  public String toAuditJson() {
    return "{\"userId\":\""
        + userId
        + "\",\"accessRole\":\""
        + accessRole
        + "\",\"status\":\""
        + status
        + "\"}";
  }
}
