package app.premia.tenancy.application;

import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import app.premia.platform.errors.UserError.Code;
import app.premia.platform.persistence.EntityManagers;
import app.premia.platform.persistence.Transactions;
import app.premia.platform.security.IdentityScope;
import app.premia.platform.security.RequestIdentity;
import app.premia.tenancy.application.Views.TenantView;
import app.premia.tenancy.application.Views.ViewerView;
import app.premia.tenancy.domain.ConsultancyMember;
import app.premia.tenancy.domain.Email;
import app.premia.tenancy.domain.SecureTokens;
import app.premia.tenancy.domain.TenantMember;
import app.premia.tenancy.domain.UserAccount;
import app.premia.tenancy.domain.UserSession;
import app.premia.tenancy.domain.UserToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Signing in and out, choosing the tenant, accepting invitations and resetting passwords.
 *
 * <p>Sign-in never says which half of the credentials was wrong, takes as long for an unknown
 * address as for a known one, and locks the account for a while after repeated failures.
 */
@ApplicationScoped
@Transactional
public class Identity {

  private static final Logger LOG = Logger.getLogger(Identity.class.getName());
  private static final String BAD_CREDENTIALS = "Неверный e-mail или пароль.";

  @Inject EntityManager em;
  @Inject EntityManagers entityManagers;
  @Inject Transactions transactions;
  @Inject PasswordHasher passwords;
  @Inject SecurityEvents events;
  @Inject AccessPolicy access;
  @Inject Directory directory;
  @Inject Clock clock;

  /** Signs in; the caller puts {@link SignedIn#sessionToken()} into the session cookie. */
  public SignedIn signIn(String rawEmail, String password, String correlationId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (rawEmail == null || rawEmail.isBlank() || password == null || password.isEmpty()) {
      throw new BusinessRuleException(UserError.of(Code.INVALID_CREDENTIALS, BAD_CREDENTIALS));
    }
    Optional<UserAccount> found =
        Email.isValid(rawEmail) ? findUser(Email.of(rawEmail)) : Optional.empty();
    if (found.isEmpty() || !found.get().isActive() || !found.get().hasPassword()) {
      passwords.matches(password, passwords.decoy()); // same cost as a real check
      events.recordIndependently(
          null, rawEmail.strip(), "SIGN_IN_FAILED", "unknown or inactive account", correlationId);
      throw new BusinessRuleException(UserError.of(Code.INVALID_CREDENTIALS, BAD_CREDENTIALS));
    }
    UserAccount user = found.get();
    if (user.isLocked(now)) {
      events.recordIndependently(
          user.id(), user.email().value(), "SIGN_IN_LOCKED", null, correlationId);
      throw new BusinessRuleException(
          UserError.of(
              Code.LOCKED, "Слишком много неудачных попыток входа. Попробуйте через 15 минут."));
    }
    if (!passwords.matches(password, user.passwordHash().orElseThrow())) {
      recordFailure(user.id(), correlationId);
      throw new BusinessRuleException(UserError.of(Code.INVALID_CREDENTIALS, BAD_CREDENTIALS));
    }
    user.recordSuccessfulSignIn();
    SignedIn signedIn = openSession(user, now);
    events.record(user.id(), user.email().value(), "SIGNED_IN", null, correlationId);
    return signedIn;
  }

  /** Ends the current session. Signing out without a session is not an error. */
  public void signOut(String correlationId) {
    RequestIdentity identity = IdentityScope.current();
    identity
        .sessionId()
        .map(id -> em.find(UserSession.class, id))
        .ifPresent(session -> session.revoke(OffsetDateTime.now(clock)));
    identity
        .userId()
        .ifPresent(user -> events.record(user, null, "SIGNED_OUT", null, correlationId));
    IdentityScope.replace(RequestIdentity.anonymous());
    entityManagers.refreshIdentity();
  }

  /** Makes {@code tenantId} the session's tenant, if the caller may work there. */
  public ViewerView switchTenant(UUID tenantId) {
    CallerAccess caller = access.require();
    if (tenantId == null || !directory.mayWorkIn(caller, tenantId)) {
      throw new BusinessRuleException(
          UserError.of(Code.NOT_FOUND, "Клиентская компания не найдена.", "tenantId"));
    }
    RequestIdentity identity = IdentityScope.current();
    UserSession session = em.find(UserSession.class, identity.sessionId().orElseThrow());
    session.switchTenant(tenantId);
    IdentityScope.replace(identity.withTenant(tenantId));
    entityManagers.refreshIdentity();
    return directory.viewerOf(access.require());
  }

  /** Accepts an invitation: sets name and password, activates the membership, signs in. */
  public SignedIn acceptInvitation(
      String token, String displayName, String password, String correlationId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    UserToken invitation = usableToken(token, UserToken.Purpose.INVITATION, now);
    List<UserError> errors = new java.util.ArrayList<>();
    if (displayName == null || displayName.isBlank()) {
      errors.add(UserError.of(Code.REQUIRED, "Укажите имя.", "input", "displayName"));
    } else if (displayName.strip().length() > 200) {
      errors.add(UserError.of(Code.INVALID, "Имя длиннее 200 символов.", "input", "displayName"));
    }
    checkPassword(password, errors);
    if (!errors.isEmpty()) {
      throw new BusinessRuleException(errors);
    }
    UserAccount user = em.find(UserAccount.class, invitation.userId());
    user.rename(displayName.strip());
    user.changePassword(passwords.hash(password));
    invitation.use(now);
    UUID tenantId = invitation.tenantId().orElseThrow();
    // the membership is tenant data: work in the invitation's tenant to reach it
    IdentityScope.replace(
        new RequestIdentity(
            Optional.of(user.id()), Optional.empty(), Optional.of(tenantId), Optional.empty()));
    entityManagers.refreshIdentity();
    em.createQuery("SELECT m FROM TenantMember m WHERE m.userId = :u", TenantMember.class)
        .setParameter("u", user.id())
        .getResultStream()
        .findFirst()
        .ifPresent(member -> member.activate(now));
    events.record(
        user.id(), user.email().value(), "INVITATION_ACCEPTED", tenantId.toString(), correlationId);
    return openSession(user, now);
  }

  /**
   * Creates a reset link when the address belongs to an active account. Returns the link only so
   * that the demo can show it (there is no e-mail server); production shows nothing.
   */
  public Optional<String> requestPasswordReset(String rawEmail, String correlationId) {
    if (!Email.isValid(rawEmail)) {
      return Optional.empty();
    }
    Optional<UserAccount> user = findUser(Email.of(rawEmail)).filter(UserAccount::isActive);
    if (user.isEmpty()) {
      events.record(null, clip(rawEmail), "PASSWORD_RESET_UNKNOWN", null, correlationId);
      return Optional.empty();
    }
    String token = SecureTokens.newToken();
    em.persist(
        new UserToken(
            UUID.randomUUID(),
            SecureTokens.hash(token),
            UserToken.Purpose.PASSWORD_RESET,
            user.get().id(),
            null,
            OffsetDateTime.now(clock)));
    events.record(
        user.get().id(),
        user.get().email().value(),
        "PASSWORD_RESET_REQUESTED",
        null,
        correlationId);
    return Optional.of("/reset-password/" + token);
  }

  /** Sets a new password from a reset link; ends every session of the user and opens a new one. */
  public SignedIn resetPassword(String token, String password, String correlationId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    UserToken reset = usableToken(token, UserToken.Purpose.PASSWORD_RESET, now);
    List<UserError> errors = new java.util.ArrayList<>();
    checkPassword(password, errors);
    if (!errors.isEmpty()) {
      throw new BusinessRuleException(errors);
    }
    UserAccount user = em.find(UserAccount.class, reset.userId());
    user.changePassword(passwords.hash(password));
    reset.use(now);
    em.createQuery(
            "UPDATE UserSession s SET s.revokedAt = :now WHERE s.userId = :u AND s.revokedAt IS NULL")
        .setParameter("now", now)
        .setParameter("u", user.id())
        .executeUpdate();
    events.record(user.id(), user.email().value(), "PASSWORD_RESET", null, correlationId);
    return openSession(user, now);
  }

  private SignedIn openSession(UserAccount user, OffsetDateTime now) {
    Optional<ConsultancyMember> member =
        em.createQuery(
                "SELECT m FROM ConsultancyMember m WHERE m.userId = :u", ConsultancyMember.class)
            .setParameter("u", user.id())
            .getResultStream()
            .findFirst();
    // see the new user's tenants under his identity, then pick the only one if there is just one
    IdentityScope.replace(
        new RequestIdentity(
            Optional.of(user.id()),
            member.map(ConsultancyMember::consultancyId),
            Optional.empty(),
            Optional.empty()));
    entityManagers.refreshIdentity();
    List<TenantView> tenants = directory.tenantsOf(access.require());
    UUID activeTenant = tenants.size() == 1 ? tenants.get(0).id() : null;
    String token = SecureTokens.newToken();
    UserSession session =
        new UserSession(UUID.randomUUID(), SecureTokens.hash(token), user.id(), activeTenant, now);
    em.persist(session);
    IdentityScope.replace(
        new RequestIdentity(
            Optional.of(user.id()),
            member.map(ConsultancyMember::consultancyId),
            Optional.ofNullable(activeTenant),
            Optional.of(session.id())));
    entityManagers.refreshIdentity();
    return new SignedIn(token, directory.viewerOf(access.require()));
  }

  private void recordFailure(UUID userId, String correlationId) {
    transactions.requiresNew(
        () -> {
          UserAccount user = em.find(UserAccount.class, userId);
          boolean locked = user.recordFailedSignIn(OffsetDateTime.now(clock));
          events.record(
              userId,
              user.email().value(),
              locked ? "LOCKED_OUT" : "SIGN_IN_FAILED",
              null,
              correlationId);
          if (locked) {
            LOG.warning(() -> "Account " + userId + " locked after repeated failed sign-ins");
          }
          return null;
        });
  }

  private Optional<UserAccount> findUser(Email email) {
    return em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :e", UserAccount.class)
        .setParameter("e", email.value())
        .getResultStream()
        .findFirst();
  }

  private UserToken usableToken(String token, UserToken.Purpose purpose, OffsetDateTime now) {
    UserError expired =
        UserError.of(Code.EXPIRED, "Ссылка устарела или уже использована.", "input", "token");
    if (!SecureTokens.isWellFormed(token)) {
      throw new BusinessRuleException(expired);
    }
    return em.createQuery("SELECT t FROM UserToken t WHERE t.tokenHash = :h", UserToken.class)
        .setParameter("h", SecureTokens.hash(token))
        .getResultStream()
        .filter(t -> t.purpose() == purpose && t.isUsable(now))
        .findFirst()
        .orElseThrow(() -> new BusinessRuleException(expired));
  }

  /** What a client typed as an e-mail, cut to fit the log column. */
  private static String clip(String rawEmail) {
    String value = rawEmail.strip();
    return value.length() > 254 ? value.substring(0, 254) : value;
  }

  private static void checkPassword(String password, List<UserError> errors) {
    if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
      errors.add(
          UserError.of(
              Code.INVALID,
              "Пароль должен быть не короче " + PasswordHasher.MIN_LENGTH + " символов.",
              "input",
              "password"));
    } else if (password.length() > 200) {
      errors.add(UserError.of(Code.INVALID, "Пароль длиннее 200 символов.", "input", "password"));
    }
  }
}
