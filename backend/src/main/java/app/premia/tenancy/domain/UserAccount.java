package app.premia.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A person who signs in. Global: one account may be a member of several tenants (a consultant, an
 * accountant serving two companies). Created without a password when invited; the password is set
 * when the invitation is accepted.
 *
 * <p>Repeated failed sign-ins lock the account for {@link #LOCK_DURATION}: after {@link
 * #MAX_FAILED_SIGN_INS} failures in a row, sign-in is refused until the lock expires, even with the
 * right password.
 */
@Entity
@Table(name = "app_user")
public class UserAccount {

  public static final int MAX_FAILED_SIGN_INS = 5;
  public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

  @Id private UUID id;

  @Column(nullable = false)
  private String email;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(nullable = false)
  private String locale;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(nullable = false)
  private String status;

  @Column(name = "failed_sign_ins", nullable = false)
  private int failedSignIns;

  @Column(name = "locked_until")
  private OffsetDateTime lockedUntil;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected UserAccount() {}

  public UserAccount(UUID id, Email email, String displayName, OffsetDateTime createdAt) {
    this.id = id;
    this.email = email.value();
    this.displayName = displayName;
    this.locale = "ru";
    this.status = "ACTIVE";
    this.createdAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public Email email() {
    return Email.of(email);
  }

  public String displayName() {
    return displayName;
  }

  public String locale() {
    return locale;
  }

  public boolean isActive() {
    return "ACTIVE".equals(status);
  }

  public boolean hasPassword() {
    return passwordHash != null;
  }

  public Optional<String> passwordHash() {
    return Optional.ofNullable(passwordHash);
  }

  public boolean isLocked(OffsetDateTime now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  public Optional<OffsetDateTime> lockedUntil() {
    return Optional.ofNullable(lockedUntil);
  }

  /** Counts a failed sign-in; the fifth in a row locks the account. Returns whether it locked. */
  public boolean recordFailedSignIn(OffsetDateTime now) {
    failedSignIns++;
    if (failedSignIns >= MAX_FAILED_SIGN_INS) {
      lockedUntil = now.plus(LOCK_DURATION);
      failedSignIns = 0;
      return true;
    }
    return false;
  }

  public void recordSuccessfulSignIn() {
    failedSignIns = 0;
    lockedUntil = null;
  }

  /** Sets a new password (already hashed) and clears any lock. */
  public void changePassword(String newHash) {
    passwordHash = newHash;
    recordSuccessfulSignIn();
  }

  public void rename(String newDisplayName) {
    displayName = newDisplayName;
  }
}
