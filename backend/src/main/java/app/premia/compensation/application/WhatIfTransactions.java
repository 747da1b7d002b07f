package app.premia.compensation.application;

import app.premia.platform.security.IdentityScope;
import app.premia.platform.security.RequestIdentity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The what-if job's units of work, each in its own transaction as the system for one tenant (ADR
 * 0014): called from the job's worker thread, never from a request's transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WhatIfTransactions {

  @Inject EntityManager em;

  public <T> T unit(UUID tenant, UUID consultancy, WhatIfJob.Work<T> work) {
    return IdentityScope.runAs(
        RequestIdentity.systemFor(consultancy, tenant),
        () -> {
          try {
            Connection connection = em.unwrap(Connection.class);
            return work.run(connection, new SchemeStore(connection, tenant));
          } catch (SQLException e) {
            throw new IllegalStateException("What-if unit failed: " + e.getMessage(), e);
          }
        });
  }
}
