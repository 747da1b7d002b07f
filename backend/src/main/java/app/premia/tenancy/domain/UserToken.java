package app.premia.tenancy.domain;

import app.premia.platform.persistence.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The secret behind an invitation or password-reset link: single use, with an expiry. Only its
 * SHA-256 hash is stored; the link itself is shown once.
 */
@Entity
@Table(name = "user_token")
public class UserToken {

  /** What a token is for. */
  public enum Purpose {
    INVITATION(Duration.ofDays(7)),
    PASSWORD_RESET(Duration.ofHours(1));

    private final Duration validity;

    Purpose(Duration validity) {
      this.validity = validity;
    }

    public Duration validity() {
      return validity;
    }
  }

  @Id private UUID id;

  @Column(name = "token_hash", nullable = false, updatable = false)
  private byte[] tokenHash;

  @Column(nullable = false, updatable = false)
  private String purpose;

  @Column(name = "user_id", nullable = false, updatable = false)
  private UUID userId;

  @Column(name = "invited_to_tenant_id", updatable = false)
  @Convert(converter = NullableUuidConverter.class)
  private UUID tenantId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  protected UserToken() {}

  public UserToken(
      UUID id, byte[] tokenHash, Purpose purpose, UUID userId, UUID tenantId, OffsetDateTime now) {
    this.id = id;
    this.tokenHash = tokenHash.clone();
    this.purpose = purpose.name();
    this.userId = userId;
    this.tenantId = tenantId;
    this.createdAt = now;
    this.expiresAt = now.plus(purpose.validity());
  }

  public UUID userId() {
    return userId;
  }

  public Optional<UUID> tenantId() {
    return Optional.ofNullable(tenantId);
  }

  public Purpose purpose() {
    return Purpose.valueOf(purpose);
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }

  public boolean isUsable(OffsetDateTime now) {
    return usedAt == null && expiresAt.isAfter(now);
  }

  public void use(OffsetDateTime now) {
    usedAt = now;
  }
}
