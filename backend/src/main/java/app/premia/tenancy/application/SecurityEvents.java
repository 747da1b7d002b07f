package app.premia.tenancy.application;

import app.premia.platform.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.config.QueryHints;

/**
 * Sign-ins, sign-outs, failures, lock-outs and resets, kept in the append-only {@code
 * security_event}. Failures are recorded in a transaction of their own: the request's transaction
 * rolls back (its payload has errors), the record of the attempt must not.
 */
@ApplicationScoped
public class SecurityEvents {

  @Inject EntityManager em;
  @Inject Transactions transactions;
  @Inject Clock clock;

  public void record(UUID userId, String email, String kind, String detail, String correlationId) {
    em.createNativeQuery(
            "INSERT INTO security_event (user_id, email, occurred_at, kind, detail, correlation_id)"
                + " VALUES (CAST(?1 AS uuid), ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, userId == null ? null : userId.toString())
        .setParameter(2, email)
        .setParameter(3, OffsetDateTime.now(clock))
        .setParameter(4, kind)
        .setParameter(5, detail)
        .setParameter(6, correlationId)
        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, "true")
        .executeUpdate();
  }

  /** Records in a transaction of its own, committed even if the caller's rolls back. */
  public void recordIndependently(
      UUID userId, String email, String kind, String detail, String correlationId) {
    transactions.requiresNew(
        () -> {
          record(userId, email, kind, detail, correlationId);
          return null;
        });
  }
}
