package app.premia.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs a unit of work in one JTA transaction: a GraphQL request is one transaction, so a failure
 * half-way (or a business error returned as data) leaves nothing half-written.
 */
@ApplicationScoped
public class Transactions {

  @Resource TransactionSynchronizationRegistry registry;

  /** Runs {@code work} in the current transaction, or in a new one when there is none. */
  @Transactional(Transactional.TxType.REQUIRED)
  public <T> T required(Supplier<T> work) {
    return work.get();
  }

  /** Runs {@code work} in a transaction of its own, committed whatever happens to the caller's. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public <T> T requiresNew(Supplier<T> work) {
    return work.get();
  }

  /** Makes the current transaction roll back at its end, whatever else happens. */
  public void markRollbackOnly() {
    if (registry.getTransactionKey() != null) {
      registry.setRollbackOnly();
    }
  }
}
