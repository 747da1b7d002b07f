package app.premia.platform.persistence;

import app.premia.platform.security.IdentityScope;
import app.premia.platform.security.RequestIdentity;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.config.EntityManagerProperties;
import org.eclipse.persistence.config.QueryHints;

/**
 * Hands out one {@link EntityManager} per JTA transaction, closed when the transaction completes —
 * what a container-managed persistence context does, for the application-managed {@link
 * PersistenceUnit}.
 *
 * <p>Repositories simply {@code @Inject EntityManager}: the injected object forwards every call to
 * the entity manager of the current transaction. Using it outside a transaction fails: all database
 * access in Premia happens inside one, which is also where issue #3 sets the tenant.
 */
@ApplicationScoped
public class EntityManagers {

  private static final Object KEY = new Object();
  private static final Object IDENTITY_KEY = new Object();

  @Inject PersistenceUnit unit;

  @Resource TransactionSynchronizationRegistry transactions;

  /** The entity manager of the current transaction, created and joined on first use. */
  public EntityManager current() {
    int status =
        transactions.getTransactionKey() == null
            ? Status.STATUS_NO_TRANSACTION
            : transactions.getTransactionStatus();
    // a transaction already marked for rollback (an expected refusal earlier in the request) may
    // still be read from; the request ends with a rollback either way
    if (status != Status.STATUS_ACTIVE && status != Status.STATUS_MARKED_ROLLBACK) {
      throw new IllegalStateException(
          "No active transaction: database access must run inside one (@Transactional)");
    }
    EntityManager em = (EntityManager) transactions.getResource(KEY);
    if (em == null) {
      RequestIdentity identity = IdentityScope.current();
      Map<String, Object> properties = new HashMap<>();
      identity
          .tenantId()
          .ifPresent(
              tenant ->
                  properties.put(
                      EntityManagerProperties.MULTITENANT_PROPERTY_DEFAULT, tenant.toString()));
      EntityManager created = unit.createEntityManager(properties);
      try {
        applyDatabaseSettings(created, identity);
        requireEnlisted(created);
      } catch (RuntimeException e) {
        created.close();
        throw e;
      }
      transactions.putResource(IDENTITY_KEY, identity);
      transactions.putResource(KEY, created);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (created.isOpen()) {
                created.close();
              }
            }
          });
      em = created;
    }
    return em;
  }

  /**
   * Re-applies the current {@link IdentityScope} to this transaction's database settings after it
   * changed within the transaction (a sign-in, a tenant switch, accepting an invitation): both the
   * database settings and EclipseLink's tenant discriminator follow.
   */
  public void refreshIdentity() {
    EntityManager em = (EntityManager) transactions.getResource(KEY);
    if (em == null) {
      return; // the next current() applies the new identity
    }
    RequestIdentity identity = IdentityScope.current();
    em.flush();
    identity
        .tenantId()
        .ifPresent(
            tenant ->
                em.setProperty(
                    EntityManagerProperties.MULTITENANT_PROPERTY_DEFAULT, tenant.toString()));
    applyDatabaseSettings(em, identity);
    transactions.putResource(IDENTITY_KEY, identity);
  }

  private static void applyDatabaseSettings(EntityManager em, RequestIdentity identity) {
    em.createNativeQuery(
            "SELECT set_config('app.tenant_id', ?1, true), set_config('app.user_id', ?2, true),"
                + " set_config('app.consultancy_id', ?3, true)")
        .setParameter(1, text(identity.tenantId()))
        .setParameter(2, text(identity.userId()))
        .setParameter(3, text(identity.consultancyId()))
        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, "true")
        .getSingleResult();
  }

  /**
   * Refuses to work on a connection that is not part of the transaction. Payara enlists a
   * connection in the transaction recorded on the current component call; a transaction begun by
   * CDI {@code @Transactional} under an EJB call (a start-up bean, a task scheduled from one) is
   * not recorded there, and every statement would silently auto-commit — the tenant settings lost
   * after the first one, nothing rolled back. ADR 0014 has the experiments and the recipe for such
   * work.
   */
  private static void requireEnlisted(EntityManager em) {
    Connection connection = em.unwrap(Connection.class);
    try {
      if (connection != null && connection.getAutoCommit()) {
        throw new IllegalStateException(
            "The database connection is not enlisted in the transaction (auto-commit is on):"
                + " run this work through an EJB with REQUIRES_NEW (ADR 0014)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot check the connection's transaction state", e);
    }
  }

  private static String text(Optional<UUID> id) {
    return id.map(UUID::toString).orElse("");
  }

  @Produces
  @ApplicationScoped
  EntityManager transactionalEntityManager() {
    InvocationHandler forward =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args);
          }
          try {
            return method.invoke(current(), args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (EntityManager)
        Proxy.newProxyInstance(
            EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class}, forward);
  }

  private static Object objectMethod(Object proxy, Method method, Object[] args) {
    return switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "EntityManager of the current transaction";
    };
  }
}
