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
 * A signed-in session. The browser holds a random secret in an HttpOnly cookie; only its SHA-256
 * hash is stored. A session lives at most {@link #LIFETIME} and ends earlier on sign-out, a
 * password reset, or {@link #IDLE_TIMEOUT} without requests.
 */
@Entity
@Table(name = "user_session")
public class UserSession {

  public static final Duration LIFETIME = Duration.ofDays(7);
  public static final Duration IDLE_TIMEOUT = Duration.ofHours(12);

  @Id private UUID id;

  @Column(name = "token_hash", nullable = false, updatable = false)
  private byte[] tokenHash;

  @Column(name = "user_id", nullable = false, updatable = false)
  private UUID userId;

  @Column(name = "active_tenant_id")
  @Convert(converter = NullableUuidConverter.class)
  private UUID activeTenantId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "last_seen_at", nullable = false)
  private OffsetDateTime lastSeenAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  protected UserSession() {}

  public UserSession(
      UUID id, byte[] tokenHash, UUID userId, UUID activeTenantId, OffsetDateTime now) {
    this.id = id;
    this.tokenHash = tokenHash.clone();
    this.userId = userId;
    this.activeTenantId = activeTenantId;
    this.createdAt = now;
    this.lastSeenAt = now;
    this.expiresAt = now.plus(LIFETIME);
  }

  public UUID id() {
    return id;
  }

  public UUID userId() {
    return userId;
  }

  public Optional<UUID> activeTenantId() {
    return Optional.ofNullable(activeTenantId);
  }

  public void switchTenant(UUID tenantId) {
    activeTenantId = tenantId;
  }

  public void revoke(OffsetDateTime at) {
    if (revokedAt == null) {
      revokedAt = at;
    }
  }
}
