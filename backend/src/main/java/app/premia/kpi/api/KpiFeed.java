package app.premia.kpi.api;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/**
 * Reads what the compensation engine needs about a tenant: KPI values of employees and departments,
 * plans and the roster, for a set of periods — from the KPI store when it is current, else measured
 * live (the same numbers the dashboards show). Implemented by the KPI context; all reads run on the
 * given connection, which must be in the tenant's context (row-level security confines them to that
 * tenant).
 */
public interface KpiFeed {

  /** The KPI catalogue, in catalogue order. */
  List<KpiDescriptor> catalogue();

  /** The tenant's time zone and currency. */
  TenantCalendar calendar(Connection connection) throws SQLException;

  /**
   * Everything measured about these periods: every employee value and department value (undefined
   * values included, with a null value), every plan, and the roster (all employees and departments
   * the tenant's portal has, active or not).
   */
  Facts read(Connection connection, Collection<KpiPeriod> periods) throws SQLException;

  /**
   * The won deals the stored deal-based KPIs count, of the months the periods cover: whose they
   * are, when they were won and what they brought in the tenant's currency — the deals behind a
   * statement line. Read from the KPI store's deal snapshot (what the stored values were measured
   * from), so they are as current as the store.
   */
  List<WonDeal> wonDeals(Connection connection, Collection<KpiPeriod> periods) throws SQLException;

  /**
   * What the portal copy says about these deals now; a deal the copy no longer has is absent.
   *
   * @param ids deal ids (at most a few thousand)
   */
  List<DealState> deals(Connection connection, Collection<Long> ids) throws SQLException;

  /**
   * Whether a KPI's value is made of the employee's won deals of the period (sales volume, deals
   * won, average deal), so those deals are what a line paying on it lists.
   */
  boolean countsWonDeals(String kpi);

  /**
   * The address of the tenant's Bitrix24 portal ({@code https://example.bitrix24.ru}), for links to
   * its deals ({@code /crm/deal/details/<id>/}); null when no portal is connected.
   */
  String portalAddress(Connection connection) throws SQLException;

  /** When the tenant's stored KPI values were last brought up to date; null: never. */
  java.time.Instant measuredAt(Connection connection) throws SQLException;

  /**
   * A won deal as the KPI store counts it.
   *
   * @param employeeId the responsible person; null when the deal has none
   * @param money its amount in the tenant's currency; null when no rate exists for its currency
   */
  record WonDeal(long dealId, Long employeeId, String title, BigDecimal money, LocalDate wonOn) {}

  /**
   * A deal in the portal copy.
   *
   * @param status WON, LOST or OPEN
   * @param amount its amount in its own currency
   */
  record DealState(
      long dealId,
      String title,
      Long employeeId,
      String status,
      BigDecimal amount,
      String currency) {}

  /** The tenant's zone and currency code. */
  record TenantCalendar(ZoneId zone, String currency) {}

  /** One employee KPI value. {@code value} null = undefined (e.g. average deal with no deals). */
  record EmployeeValue(
      long employeeId, KpiPeriod period, String kpi, BigDecimal value, long facts, long errors) {}

  /** One department KPI value. */
  record DepartmentValue(
      long departmentId, KpiPeriod period, String kpi, BigDecimal value, long facts) {}

  /** A plan target. {@code department} true for a department's plan, false for an employee's. */
  record PlanTarget(
      boolean department, long subjectId, KpiPeriod period, String kpi, BigDecimal target) {}

  /** An employee of the portal: hire and dismissal days when known. */
  record Staff(
      long employeeId,
      String name,
      Long departmentId,
      LocalDate hiredOn,
      LocalDate firedOn,
      boolean active) {}

  /** A department; {@code headEmployeeId} null when it has no head. */
  record Team(long departmentId, String name, Long parentId, Long headEmployeeId) {}

  /** The answer of {@link #read}. */
  record Facts(
      List<EmployeeValue> employees,
      List<DepartmentValue> departments,
      List<PlanTarget> plans,
      List<Staff> staff,
      List<Team> teams) {}
}
