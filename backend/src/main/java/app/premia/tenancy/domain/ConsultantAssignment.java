package app.premia.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A consultant's access to one client company of his consultancy. */
@Entity
@Table(name = "consultant_assignment")
@IdClass(ConsultantAssignment.Key.class)
public class ConsultantAssignment {

  @Id
  @Column(name = "tenant_id")
  private UUID tenantId;

  @Id
  @Column(name = "user_id")
  private UUID userId;

  @Column(name = "consultancy_id", nullable = false)
  private UUID consultancyId;

  @Column(name = "assigned_at", nullable = false)
  private OffsetDateTime assignedAt;

  protected ConsultantAssignment() {}

  public ConsultantAssignment(
      UUID tenantId, UUID userId, UUID consultancyId, OffsetDateTime assignedAt) {
    this.tenantId = tenantId;
    this.userId = userId;
    this.consultancyId = consultancyId;
    this.assignedAt = assignedAt;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public UUID userId() {
    return userId;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    public UUID tenantId;
    public UUID userId;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.tenantId.equals(tenantId) && k.userId.equals(userId);
    }

    @Override
    public int hashCode() {
      return tenantId.hashCode() * 31 + userId.hashCode();
    }
  }
}
