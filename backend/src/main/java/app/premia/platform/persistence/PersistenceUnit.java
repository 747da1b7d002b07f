package app.premia.platform.persistence;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * Premia's one persistence unit, created by the application rather than by the container.
 *
 * <p>Why: a container-managed unit makes Payara open a database connection while deploying, so a
 * database that is down at start makes the whole application fail to deploy — no health checks, no
 * clear message, no recovery. Here the factory is built on first use, the descriptor lives at
 * {@value #DESCRIPTOR} (so the container does not see it), and a failed first login is retried on
 * the next use. Transactions are still JTA (Payara's transaction manager, {@code
 * eclipselink.target-server=Glassfish}); {@link EntityManagers} hands out one entity manager per
 * transaction. See ADR 0003.
 */
@ApplicationScoped
public class PersistenceUnit {

  /** The persistence descriptor, deliberately not at META-INF/persistence.xml. */
  public static final String DESCRIPTOR = "META-INF/premia-persistence.xml";

  static final String NAME = "premia";

  @Resource(lookup = DataSources.APPLICATION)
  DataSource dataSource;

  private volatile EntityManagerFactory factory;

  /** An entity manager joined to the caller's JTA transaction, with the given properties. */
  public EntityManager createEntityManager(Map<String, Object> properties) {
    EntityManagerFactory emf = factory();
    try {
      EntityManager em = emf.createEntityManager(properties);
      em.joinTransaction();
      return em;
    } catch (PersistenceException e) {
      discard(emf); // e.g. the database was down at first login: start afresh next time
      throw e;
    }
  }

  private EntityManagerFactory factory() {
    EntityManagerFactory emf = factory;
    if (emf == null) {
      synchronized (this) {
        emf = factory;
        if (emf == null) {
          emf =
              new PersistenceProvider()
                  .createEntityManagerFactory(
                      NAME,
                      Map.of(
                          PersistenceUnitProperties.ECLIPSELINK_PERSISTENCE_XML, DESCRIPTOR,
                          PersistenceUnitProperties.JTA_DATASOURCE, dataSource,
                          PersistenceUnitProperties.CLASSLOADER,
                              PersistenceUnit.class.getClassLoader()));
          if (emf == null) {
            throw new IllegalStateException("persistence unit not found in " + DESCRIPTOR);
          }
          factory = emf;
        }
      }
    }
    return emf;
  }

  private synchronized void discard(EntityManagerFactory failed) {
    if (factory == failed) {
      factory = null;
      if (failed.isOpen()) {
        failed.close();
      }
    }
  }

  @PreDestroy
  synchronized void close() {
    if (factory != null && factory.isOpen()) {
      factory.close();
    }
    factory = null;
  }
}
