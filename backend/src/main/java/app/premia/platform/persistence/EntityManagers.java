package app.premia.platform.persistence;

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
import java.util.Map;

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

  @Inject PersistenceUnit unit;

  @Resource TransactionSynchronizationRegistry transactions;

  /** The entity manager of the current transaction, created and joined on first use. */
  public EntityManager current() {
    if (transactions.getTransactionKey() == null
        || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException(
          "No active transaction: database access must run inside one (@Transactional)");
    }
    EntityManager em = (EntityManager) transactions.getResource(KEY);
    if (em == null) {
      EntityManager created = unit.createEntityManager(Map.of());
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
