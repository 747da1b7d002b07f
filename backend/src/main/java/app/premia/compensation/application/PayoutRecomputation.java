package app.premia.compensation.application;

import app.premia.kpi.api.KpiValuesChanged;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps draft payout runs current: whenever a tenant's KPI values or plans change, its drafts are
 * recomputed in the background. Coalesced per tenant: while a recomputation runs, further changes
 * only ask for one more round after it, so a burst of CRM events costs at most two.
 */
@ApplicationScoped
public class PayoutRecomputation {

  private static final Logger LOG = Logger.getLogger(PayoutRecomputation.class.getName());

  private enum State {
    RUNNING,
    AGAIN
  }

  private final ConcurrentMap<UUID, State> tenants = new ConcurrentHashMap<>();

  @Resource ManagedExecutorService executor;
  @Inject PayoutDrafts drafts;

  void onValuesChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) KpiValuesChanged changed) {
    UUID tenant = changed.tenantId();
    if (tenants.putIfAbsent(tenant, State.RUNNING) != null) {
      tenants.computeIfPresent(tenant, (k, v) -> State.AGAIN);
      if (tenants.putIfAbsent(tenant, State.RUNNING) != null) {
        return;
      }
    }
    executor.execute(() -> loop(changed));
  }

  private void loop(KpiValuesChanged changed) {
    UUID tenant = changed.tenantId();
    try {
      do {
        tenants.put(tenant, State.RUNNING);
        try {
          int n = drafts.recompute(tenant, changed.consultancyId());
          if (n > 0) {
            LOG.fine(() -> n + " payout draft(s) of tenant " + tenant + " recomputed");
          }
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Recomputing tenant " + tenant + "'s payout drafts failed", e);
        }
      } while (!tenants.remove(tenant, State.RUNNING));
    } catch (RuntimeException e) {
      tenants.remove(tenant);
      throw e;
    }
  }
}
