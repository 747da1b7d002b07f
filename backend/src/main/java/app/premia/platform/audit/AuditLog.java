package app.premia.platform.audit;

import app.premia.platform.security.IdentityScope;
import app.premia.platform.security.RequestIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.config.QueryHints;

/**
 * Writes the append-only audit log: every mutation records who, when, in which tenant (or
 * consultancy), what, and the state before and after, in the mutation's own transaction — so an
 * audit line exists exactly when the change does.
 */
@ApplicationScoped
public class AuditLog {

  @Inject EntityManager em;
  @Inject Clock clock;

  /**
   * Records one change.
   *
   * @param tenantId the tenant the change belongs to, or null for a consultancy-level change
   * @param consultancyId the consultancy, for consultancy-level changes
   * @param action a verb such as {@code tenant.renamed}
   * @param before JSON of the state before (null for a creation)
   * @param after JSON of the state after (null for a deletion)
   */
  public void record(
      UUID tenantId,
      UUID consultancyId,
      String action,
      String entityType,
      String entityId,
      String before,
      String after,
      String correlationId) {
    RequestIdentity identity = IdentityScope.current();
    em.createNativeQuery(
            "INSERT INTO audit_event (tenant_id, consultancy_id, actor_user_id, occurred_at, action,"
                + " entity_type, entity_id, before_state, after_state, correlation_id)"
                + " VALUES (CAST(?1 AS uuid), CAST(?2 AS uuid), CAST(?3 AS uuid), ?4, ?5, ?6, ?7,"
                + " CAST(?8 AS jsonb), CAST(?9 AS jsonb), ?10)")
        .setParameter(1, tenantId == null ? null : tenantId.toString())
        .setParameter(2, consultancyId == null ? null : consultancyId.toString())
        .setParameter(3, identity.userId().map(UUID::toString).orElse(null))
        .setParameter(4, OffsetDateTime.now(clock))
        .setParameter(5, action)
        .setParameter(6, entityType)
        .setParameter(7, entityId)
        .setParameter(8, before)
        .setParameter(9, after)
        .setParameter(10, correlationId)
        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, "true")
        .executeUpdate();
  }
}
