package app.premia.tenancy.api;

import java.util.UUID;

/**
 * Authorization for other contexts, decided by tenancy: the caller's active tenant and what he may
 * do there. Every method throws the platform's UNAUTHENTICATED or FORBIDDEN refusal.
 */
public interface TenantAccess {

  /** What a caller may do with a tenant's Bitrix24 connection. */
  enum IntegrationRight {
    /** See the connection and its sync progress: everyone but managers. */
    VIEW,
    /** Connect, reconfigure, sync and disconnect: the consultancy's people and the tenant admin. */
    MANAGE
  }

  /** The active tenant of a caller who holds the right there. */
  ActiveTenant requireIntegration(IntegrationRight right);

  /**
   * The caller's standing for KPIs, measurements and plans in his active tenant: everyone with an
   * active tenant may ask; what he sees is narrowed by the answer. Throws UNAUTHENTICATED without a
   * session and FORBIDDEN without an active tenant.
   */
  KpiCaller kpiCaller();

  /**
   * Who asks for KPIs and what he may do with them.
   *
   * @param tenant the active tenant
   * @param seesEveryone sees every employee and department (tenant admins, accountants, the
   *     consultancy's people); false for managers, who see only {@code employeeId}
   * @param managesPlans may set plans and KPI settings (tenant admins, the consultancy's people)
   * @param employeeId the Bitrix24 user id his tenant membership is linked to ({@code
   *     tenant_member.employee_ref}); null when not linked explicitly
   * @param email the caller's sign-in e-mail: with no explicit link, the KPI context links him to
   *     the one active portal user with this e-mail (a manager with neither sees nobody)
   */
  record KpiCaller(
      ActiveTenant tenant,
      boolean seesEveryone,
      boolean managesPlans,
      Long employeeId,
      String email) {

    public KpiCaller(
        ActiveTenant tenant, boolean seesEveryone, boolean managesPlans, Long employeeId) {
      this(tenant, seesEveryone, managesPlans, employeeId, null);
    }

    /** The same caller linked to this portal user. */
    public KpiCaller linkedTo(long employee) {
      return new KpiCaller(tenant, seesEveryone, managesPlans, employee, email);
    }

    /** Whether the caller may see this employee's KPIs. */
    public boolean maySee(long employee) {
      return seesEveryone || (employeeId != null && employeeId == employee);
    }
  }

  /**
   * The caller's standing for compensation schemes in his active tenant: everyone with an active
   * tenant may ask; what he sees is narrowed by the answer. Throws UNAUTHENTICATED without a
   * session and FORBIDDEN without an active tenant.
   */
  CompensationCaller compensationCaller();

  /**
   * Who asks for compensation schemes, versions, assignments and proposals.
   *
   * @param tenant the active tenant
   * @param manages may create, edit, publish and assign schemes, apply templates and decide
   *     proposals (tenant admins, the consultancy's owner and consultants)
   * @param seesAll sees every scheme, version and assignment ({@code manages} and accountants);
   *     false for managers, who see only the schemes they are assigned to
   * @param employeeId the Bitrix24 user id his tenant membership is linked to ({@code
   *     tenant_member.employee_ref}); null when not linked explicitly
   * @param email the caller's sign-in e-mail: with no explicit link, the compensation context links
   *     him to the one active portal user with this e-mail, as the KPI context does
   */
  record CompensationCaller(
      ActiveTenant tenant, boolean manages, boolean seesAll, Long employeeId, String email) {

    public CompensationCaller(
        ActiveTenant tenant, boolean manages, boolean seesAll, Long employeeId) {
      this(tenant, manages, seesAll, employeeId, null);
    }

    /** The same caller linked to this portal user. */
    public CompensationCaller linkedTo(long employee) {
      return new CompensationCaller(tenant, manages, seesAll, employee, email);
    }

    /** Whether the caller may see this employee's assignments and pay. */
    public boolean maySee(long employee) {
      return seesAll || (employeeId != null && employeeId == employee);
    }
  }

  /**
   * The caller's consultancy for its template library: its owner and consultants, with or without
   * an active tenant. Throws UNAUTHENTICATED without a session and FORBIDDEN for everyone else.
   */
  LibraryCaller libraryCaller();

  /**
   * A consultancy's owner or consultant working with its template library.
   *
   * @param consultancyId his consultancy: every library read and write is filtered by it
   * @param userId the user acting
   */
  record LibraryCaller(UUID consultancyId, UUID userId) {}

  /**
   * A tenant and the consultancy it belongs to: what background work for it runs as.
   *
   * @param tenantId the tenant
   * @param consultancyId its consultancy
   * @param userId the user acting, when there is one
   */
  record ActiveTenant(UUID tenantId, UUID consultancyId, UUID userId) {}
}
