package app.premia.tenancy.application;

import app.premia.platform.audit.AuditLog;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import app.premia.platform.errors.UserError.Code;
import app.premia.tenancy.application.Views.TenantUserPage;
import app.premia.tenancy.application.Views.TenantUserView;
import app.premia.tenancy.application.Views.UserView;
import app.premia.tenancy.domain.AccessRole;
import app.premia.tenancy.domain.Email;
import app.premia.tenancy.domain.SecureTokens;
import app.premia.tenancy.domain.TenantMember;
import app.premia.tenancy.domain.UserAccount;
import app.premia.tenancy.domain.UserToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The users of the active tenant: list, invite, change role, deactivate. Only tenant admins and the
 * consultancy's people may. Members are tenant data: every query here is limited to the active
 * tenant by EclipseLink's discriminator and by row-level security.
 */
@ApplicationScoped
@Transactional
public class TenantUsers {

  /** Largest page a client may ask for. */
  public static final int MAX_PAGE = 100;

  private static final String NOT_FOUND = "Пользователь не найден.";

  @Inject EntityManager em;
  @Inject AccessPolicy access;
  @Inject Directory directory;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public TenantUserPage page(int first, int offset) {
    access.requireUserManager();
    int size = Math.max(1, Math.min(first, MAX_PAGE));
    List<TenantMember> members =
        em.createQuery(
                "SELECT m FROM TenantMember m ORDER BY m.invitedAt, m.id", TenantMember.class)
            .setFirstResult(Math.max(0, offset))
            .setMaxResults(size + 1)
            .getResultList();
    long total =
        em.createQuery("SELECT count(m) FROM TenantMember m", Long.class).getSingleResult();
    boolean more = members.size() > size;
    List<TenantMember> shown = more ? members.subList(0, size) : members;
    Map<UUID, UserView> users =
        directory.usersById(shown.stream().map(TenantMember::userId).toList());
    return new TenantUserPage(
        shown.stream().map(m -> view(m, users.get(m.userId()))).toList(),
        offset,
        more,
        (int) total);
  }

  /** The invited membership and, for a new person, the invitation link (shown once). */
  public record Invited(TenantUserView tenantUser, Optional<String> invitationLink) {}

  public Invited invite(String rawEmail, AccessRole role, String correlationId) {
    CallerAccess caller = access.requireUserManager();
    UUID tenantId = caller.tenantId().orElseThrow();
    List<UserError> errors = new java.util.ArrayList<>();
    if (rawEmail == null || rawEmail.isBlank()) {
      errors.add(UserError.of(Code.REQUIRED, "Укажите e-mail.", "input", "email"));
    } else if (!Email.isValid(rawEmail)) {
      errors.add(UserError.of(Code.INVALID, "Это не похоже на адрес e-mail.", "input", "email"));
    }
    if (role == null || !role.isTenantRole()) {
      errors.add(
          UserError.of(
              Code.INVALID,
              "Пригласить можно администратора, бухгалтера или менеджера.",
              "input",
              "accessRole"));
    }
    if (!errors.isEmpty()) {
      throw new BusinessRuleException(errors);
    }
    Email email = Email.of(rawEmail);
    OffsetDateTime now = OffsetDateTime.now(clock);
    UserAccount user =
        em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :e", UserAccount.class)
            .setParameter("e", email.value())
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (user != null) {
      boolean member =
          !em.createQuery("SELECT m.id FROM TenantMember m WHERE m.userId = :u", UUID.class)
              .setParameter("u", user.id())
              .getResultList()
              .isEmpty();
      if (member) {
        throw new BusinessRuleException(
            UserError.of(
                Code.DUPLICATE, "Этот пользователь уже есть в компании.", "input", "email"));
      }
    } else {
      user =
          new UserAccount(
              UUID.randomUUID(),
              email,
              email.value().substring(0, email.value().indexOf('@')),
              now);
      em.persist(user);
      em.flush(); // the membership and token below refer to it; no JPA relation orders the inserts
    }
    TenantMember membership = TenantMember.invited(UUID.randomUUID(), user.id(), role, now);
    Optional<String> link = Optional.empty();
    if (user.hasPassword()) {
      membership.activate(now); // an existing account: nothing to set up, access is immediate
    } else {
      String token = SecureTokens.newToken();
      em.persist(
          new UserToken(
              UUID.randomUUID(),
              SecureTokens.hash(token),
              UserToken.Purpose.INVITATION,
              user.id(),
              tenantId,
              now));
      link = Optional.of("/invite/" + token);
    }
    em.persist(membership);
    em.flush();
    audit.record(
        tenantId,
        null,
        "user.invited",
        "tenant_member",
        membership.id().toString(),
        null,
        membership.toAuditJson(),
        correlationId);
    return new Invited(view(membership, Directory.userView(user)), link);
  }

  public TenantUserView changeRole(UUID memberId, AccessRole role, String correlationId) {
    CallerAccess caller = access.requireUserManager();
    if (role == null || !role.isTenantRole()) {
      throw new BusinessRuleException(
          UserError.of(Code.INVALID, "Недопустимая роль.", "input", "accessRole"));
    }
    TenantMember member = member(memberId);
    String before = member.toAuditJson();
    member.changeRole(role);
    em.flush();
    audit.record(
        caller.tenantId().orElseThrow(),
        null,
        "user.role_changed",
        "tenant_member",
        member.id().toString(),
        before,
        member.toAuditJson(),
        correlationId);
    return view(member, directory.usersById(List.of(member.userId())).get(member.userId()));
  }

  public TenantUserView deactivate(UUID memberId, String correlationId) {
    CallerAccess caller = access.requireUserManager();
    TenantMember member = member(memberId);
    if (member.userId().equals(caller.userId())) {
      throw new BusinessRuleException(
          UserError.of(Code.CONFLICT, "Нельзя отключить самого себя.", "input", "tenantUserId"));
    }
    String before = member.toAuditJson();
    member.deactivate();
    em.flush();
    audit.record(
        caller.tenantId().orElseThrow(),
        null,
        "user.deactivated",
        "tenant_member",
        member.id().toString(),
        before,
        member.toAuditJson(),
        correlationId);
    return view(member, directory.usersById(List.of(member.userId())).get(member.userId()));
  }

  /** The member of the active tenant; NOT_FOUND for anything else, existing or not. */
  private TenantMember member(UUID memberId) {
    if (memberId == null) {
      throw new BusinessRuleException(
          UserError.of(Code.NOT_FOUND, NOT_FOUND, "input", "tenantUserId"));
    }
    return em.createQuery("SELECT m FROM TenantMember m WHERE m.id = :id", TenantMember.class)
        .setParameter("id", memberId)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new BusinessRuleException(
                    UserError.of(Code.NOT_FOUND, NOT_FOUND, "input", "tenantUserId")));
  }

  static TenantUserView view(TenantMember member, UserView user) {
    return new TenantUserView(
        member.id(),
        user,
        member.accessRole().name(),
        member.status().name(),
        member.employeeRef().orElse(null),
        member.invitedAt(),
        member.joinedAt().orElse(null));
  }
}
