package app.premia.compensation.application;

import app.premia.kpi.api.KpiFeed;
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
 * Background recomputation of a tenant's draft payout runs, as the system for the tenant, in its
 * own transaction (ADR 0014): every draft of the tenant is replaced at once or not at all.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PayoutDrafts {

  @Inject EntityManager em;
  @Inject KpiFeed feed;
  @Inject Clock clock;

  /** Recomputes every draft of the tenant on today's data; answers how many there were. */
  public int recompute(UUID tenant, UUID consultancy) {
    return IdentityScope.runAs(
        RequestIdentity.systemFor(consultancy, tenant),
        () -> {
          Connection connection = em.unwrap(Connection.class);
          try {
            return new Payouts(
                    new PayoutStore(connection, tenant),
                    new SchemeStore(connection, tenant),
                    feed,
                    clock)
                .recomputeDrafts();
          } catch (SQLException e) {
            throw new IllegalStateException("recomputing the payout drafts failed", e);
          }
        });
  }
}
