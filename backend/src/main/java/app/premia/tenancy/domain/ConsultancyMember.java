package app.premia.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A person working for a consultancy, as its owner or as a consultant. */
@Entity
@Table(name = "consultancy_member")
@IdClass(ConsultancyMember.Key.class)
public class ConsultancyMember {

  /** The consultancy roles. */
  public enum Role {
    OWNER,
    CONSULTANT
  }

  @Id
  @Column(name = "consultancy_id")
  private UUID consultancyId;

  @Id
  @Column(name = "user_id")
  private UUID userId;

  @Column(nullable = false)
  private String role;

  protected ConsultancyMember() {}

  public ConsultancyMember(UUID consultancyId, UUID userId, Role role) {
    this.consultancyId = consultancyId;
    this.userId = userId;
    this.role = role.name();
  }

  public UUID consultancyId() {
    return consultancyId;
  }

  public UUID userId() {
    return userId;
  }

  public Role role() {
    return Role.valueOf(role);
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    public UUID consultancyId;
    public UUID userId;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.consultancyId.equals(consultancyId) && k.userId.equals(userId);
    }

    @Override
    public int hashCode() {
      return consultancyId.hashCode() * 31 + userId.hashCode();
    }
  }
}
