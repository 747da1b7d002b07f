package app.premia.compensation.application;

import app.premia.kpi.api.KpiFeed;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import app.premia.tenancy.api.TenantAccess.ActiveTenant;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts what-if replays and reads them. {@link #start} queues the run in the request's transaction
 * and, once that commits, hands it to a worker thread where {@link WhatIfJob} runs it month by
 * month through {@link WhatIfTransactions} (as the system for the tenant, ADR 0014). A run queued
 * when the server stops stays QUEUED (or RUNNING): start it again.
 */
@ApplicationScoped
public class WhatIfRuns {

  /** The most months a replay may cover (the table's check says the same). */
  public static final int MAX_MONTHS = 36;

  @Inject EntityManager em;
  @Inject KpiFeed feed;
  @Inject WhatIfTransactions transactions;
  @Inject Clock clock;

  @Resource TransactionSynchronizationRegistry registry;
  @Resource ManagedThreadFactory threadFactory;

  private ExecutorService workers;

  @PostConstruct
  void init() {
    workers = Executors.newCachedThreadPool(threadFactory);
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
  }

  /**
   * Queues a replay of a version of the tenant over its last {@code months} closed months; the
   * caller has checked that he may.
   *
   * @throws BusinessRuleException months out of 1–36, or the version unknown (NOT_FOUND)
   */
  public WhatIfStore.Run start(ActiveTenant tenant, UUID versionId, int months) {
    if (months < 1 || months > MAX_MONTHS) {
      throw new BusinessRuleException(
          UserError.of(
              UserError.Code.INVALID,
              "Число месяцев: от 1 до " + MAX_MONTHS + ".",
              "input",
              "months"));
    }
    if (versionId == null
        || new SchemeStore(connection(), tenant.tenantId()).version(versionId).isEmpty()) {
      throw new BusinessRuleException(
          UserError.of(UserError.Code.NOT_FOUND, "Версия схемы не найдена.", "input", "versionId"));
    }
    WhatIfStore.Run run;
    try {
      run =
          new WhatIfStore(connection()).queue(versionId, months, tenant.userId(), clock.instant());
    } catch (SQLException e) {
      throw new IllegalStateException("Queueing a what-if run failed: " + e.getMessage(), e);
    }
    UUID id = run.id();
    registry.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              workers.submit(() -> job(tenant).run(id));
            }
          }
        });
    return run;
  }

  /** A run of the request's tenant (row-level security hides the others'). */
  public Optional<WhatIfStore.Run> find(UUID id) {
    try {
      return new WhatIfStore(connection()).find(id);
    } catch (SQLException e) {
      throw new IllegalStateException("Reading a what-if run failed: " + e.getMessage(), e);
    }
  }

  private WhatIfJob job(ActiveTenant tenant) {
    WhatIfJob.Units units =
        new WhatIfJob.Units() {
          @Override
          public <T> T inTransaction(WhatIfJob.Work<T> work) {
            return transactions.unit(tenant.tenantId(), tenant.consultancyId(), work);
          }
        };
    return new WhatIfJob(units, feed, clock);
  }

  private Connection connection() {
    return em.unwrap(Connection.class);
  }
}
