package app.premia.kpi.application;

import app.premia.kpi.domain.KpiFilter;
import app.premia.platform.security.IdentityScope;
import app.premia.platform.security.RequestIdentity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

/**
 * Background KPI re-measurement of one tenant, each call a unit of work in its own transaction as
 * the system for the tenant (ADR 0014): the stored values change all at once or not at all.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class KpiRemeasurement {

  @Inject EntityManager em;

  /**
   * Brings the tenant's stored KPI values up to date.
   *
   * @param everything re-measure everything (after a full or reconciling sync pass); otherwise only
   *     what the queued changes affect (which may itself fall back to everything)
   */
  public MeasurementStore.Result remeasure(UUID tenant, UUID consultancy, boolean everything) {
    return as(
        tenant,
        consultancy,
        store -> {
          // the tenant's KPI settings are the source of truth for the filter: a changed setting
          // re-measures everything under the new one
          KpiFilter wanted = settingsFilter();
          if (everything || store.state().map(s -> !s.filter().equals(wanted)).orElse(false)) {
            return store.remeasureAll(wanted);
          }
          return store.remeasureChanged();
        });
  }

  /** Records a failed attempt: the next one re-measures everything. */
  public void failed(UUID tenant, UUID consultancy, String error) {
    as(
        tenant,
        consultancy,
        store -> {
          store.markFullNeeded(error);
          return null;
        });
  }

  private KpiFilter settingsFilter() throws SQLException {
    Connection connection = em.unwrap(Connection.class);
    Clock clock = Clock.systemUTC();
    return new KpiSettings(connection, Plans.jdbcAudit(connection, null, clock), clock).read();
  }

  private interface StoreWork<T> {
    T run(MeasurementStore store) throws SQLException;
  }

  private <T> T as(UUID tenant, UUID consultancy, StoreWork<T> work) {
    return IdentityScope.runAs(
        RequestIdentity.systemFor(consultancy, tenant),
        () -> {
          try {
            return work.run(new MeasurementStore(em.unwrap(Connection.class)));
          } catch (SQLException e) {
            throw new IllegalStateException("KPI re-measurement failed: " + e.getMessage(), e);
          }
        });
  }
}
