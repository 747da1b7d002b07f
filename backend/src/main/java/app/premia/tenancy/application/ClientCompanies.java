package app.premia.tenancy.application;

import app.premia.platform.audit.AuditLog;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.ErrorCode;
import app.premia.platform.errors.PremiaException;
import app.premia.platform.errors.UserError;
import app.premia.platform.errors.UserError.Code;
import app.premia.reference.api.Currencies;
import app.premia.tenancy.application.Views.TenantView;
import app.premia.tenancy.application.Views.UserView;
import app.premia.tenancy.domain.ConsultantAssignment;
import app.premia.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The consultancy console: client companies (tenants) and which consultant works in which. The
 * owner does everything; a consultant creates client companies (and is assigned to them), sees and
 * renames the ones assigned to him; only the owner assigns consultants.
 */
@ApplicationScoped
@Transactional
public class ClientCompanies {

  static final String DEFAULT_TIME_ZONE = "Europe/Moscow";
  static final String DEFAULT_CURRENCY = "RUB";
  private static final String NOT_FOUND = "Клиентская компания не найдена.";

  @Inject EntityManager em;
  @Inject AccessPolicy access;
  @Inject Directory directory;
  @Inject Currencies currencies;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public List<TenantView> list() {
    return directory.tenantsOf(access.requireConsultancyMember());
  }

  public List<UserView> consultants() {
    return directory.consultants(requireOwner());
  }

  public TenantView create(
      String name, String timeZone, String currencyCode, String correlationId) {
    CallerAccess owner = requireOwner();
    UUID consultancyId = owner.consultancyId().orElseThrow();
    List<UserError> errors = new ArrayList<>();
    String cleanName = checkName(name, consultancyId, null, errors);
    String zone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone.strip();
    ZoneId zoneId = null;
    try {
      zoneId = ZoneId.of(zone);
    } catch (DateTimeException e) {
      errors.add(
          UserError.of(
              Code.INVALID, "Неизвестный часовой пояс: " + zone + ".", "input", "timeZone"));
    }
    String currency =
        currencyCode == null || currencyCode.isBlank() ? DEFAULT_CURRENCY : currencyCode.strip();
    if (!currencies.isKnown(currency)) {
      errors.add(
          UserError.of(
              Code.INVALID, "Неизвестная валюта: " + currency + ".", "input", "currencyCode"));
    }
    if (!errors.isEmpty()) {
      throw new BusinessRuleException(errors);
    }
    Tenant tenant =
        new Tenant(
            UUID.randomUUID(),
            consultancyId,
            cleanName,
            zoneId,
            currency,
            OffsetDateTime.now(clock));
    em.persist(tenant);
    em.flush();
    audit.record(
        tenant.id(),
        consultancyId,
        "client_company.created",
        "tenant",
        tenant.id().toString(),
        null,
        tenant.toAuditJson(),
        correlationId);
    return Directory.tenantView(tenant);
  }

  public TenantView rename(UUID tenantId, String name, String correlationId) {
    CallerAccess caller = access.requireConsultancyMember();
    Tenant tenant = visibleTenant(caller, tenantId);
    List<UserError> errors = new ArrayList<>();
    String cleanName = checkName(name, tenant.consultancyId(), tenant.id(), errors);
    if (!errors.isEmpty()) {
      throw new BusinessRuleException(errors);
    }
    String before = tenant.toAuditJson();
    tenant.rename(cleanName);
    em.flush();
    audit.record(
        tenant.id(),
        tenant.consultancyId(),
        "client_company.renamed",
        "tenant",
        tenant.id().toString(),
        before,
        tenant.toAuditJson(),
        correlationId);
    return Directory.tenantView(tenant);
  }

  public TenantView assign(UUID tenantId, UUID consultantId, String correlationId) {
    CallerAccess owner = requireOwner();
    Tenant tenant = visibleTenant(owner, tenantId);
    requireConsultant(owner, consultantId);
    boolean assigned = em.find(ConsultantAssignment.class, key(tenantId, consultantId)) != null;
    if (!assigned) {
      em.persist(
          new ConsultantAssignment(
              tenantId, consultantId, tenant.consultancyId(), OffsetDateTime.now(clock)));
      em.flush();
      audit.record(
          tenant.id(),
          tenant.consultancyId(),
          "consultant.assigned",
          "tenant",
          tenant.id().toString(),
          null,
          "{\"consultantId\":\"" + consultantId + "\"}",
          correlationId);
    }
    return Directory.tenantView(tenant);
  }

  public TenantView unassign(UUID tenantId, UUID consultantId, String correlationId) {
    CallerAccess owner = requireOwner();
    Tenant tenant = visibleTenant(owner, tenantId);
    requireConsultant(owner, consultantId);
    ConsultantAssignment assignment =
        em.find(ConsultantAssignment.class, key(tenantId, consultantId));
    if (assignment != null) {
      em.remove(assignment);
      em.flush();
      audit.record(
          tenant.id(),
          tenant.consultancyId(),
          "consultant.unassigned",
          "tenant",
          tenant.id().toString(),
          "{\"consultantId\":\"" + consultantId + "\"}",
          null,
          correlationId);
    }
    return Directory.tenantView(tenant);
  }

  private CallerAccess requireOwner() {
    CallerAccess caller = access.requireConsultancyMember();
    if (!caller.isConsultancyOwner()) {
      throw new PremiaException(ErrorCode.FORBIDDEN, "Доступно только владельцу консалтинга.");
    }
    return caller;
  }

  /** The tenant if the caller may work in it; NOT_FOUND otherwise (the same as nonexistent). */
  private Tenant visibleTenant(CallerAccess caller, UUID tenantId) {
    if (tenantId == null || !directory.mayWorkIn(caller, tenantId)) {
      throw new BusinessRuleException(UserError.of(Code.NOT_FOUND, NOT_FOUND, "input", "tenantId"));
    }
    return em.find(Tenant.class, tenantId);
  }

  private void requireConsultant(CallerAccess owner, UUID consultantId) {
    boolean isConsultant =
        consultantId != null
            && em.createQuery(
                        "SELECT count(m) FROM ConsultancyMember m WHERE m.userId = :u AND m.consultancyId = :c AND m.role = 'CONSULTANT'",
                        Long.class)
                    .setParameter("u", consultantId)
                    .setParameter("c", owner.consultancyId().orElseThrow())
                    .getSingleResult()
                > 0;
    if (!isConsultant) {
      throw new BusinessRuleException(
          UserError.of(Code.NOT_FOUND, "Консультант не найден.", "input", "consultantId"));
    }
  }

  private String checkName(String name, UUID consultancyId, UUID self, List<UserError> errors) {
    if (name == null || name.isBlank()) {
      errors.add(UserError.of(Code.REQUIRED, "Укажите название компании.", "input", "name"));
      return null;
    }
    String clean = name.strip();
    if (clean.length() > 200) {
      errors.add(UserError.of(Code.INVALID, "Название длиннее 200 символов.", "input", "name"));
      return clean;
    }
    long taken =
        em
            .createQuery(
                "SELECT t.id FROM Tenant t WHERE t.consultancyId = :c AND t.name = :n", UUID.class)
            .setParameter("c", consultancyId)
            .setParameter("n", clean)
            .getResultList()
            .stream()
            .filter(id -> !id.equals(self))
            .count();
    if (taken > 0) {
      errors.add(
          UserError.of(Code.DUPLICATE, "Компания с таким названием уже есть.", "input", "name"));
    }
    return clean;
  }

  private static ConsultantAssignment.Key key(UUID tenantId, UUID userId) {
    ConsultantAssignment.Key key = new ConsultantAssignment.Key();
    key.tenantId = tenantId;
    key.userId = userId;
    return key;
  }
}
