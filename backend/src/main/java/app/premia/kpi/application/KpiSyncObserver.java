package app.premia.kpi.application;

import app.premia.crm.api.CrmFactsChanged;
import app.premia.kpi.api.KpiValuesChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the stored KPI values current as the sync writes facts: after a full or reconciling pass
 * everything is re-measured, after an incremental pass or an event drain only what the queued
 * changes affect. Runs in the sync's worker thread, after the facts are committed; a failure is
 * logged and recorded (the next call re-measures everything), never thrown into the sync. The
 * queued changes stay queued until a re-measurement commits, so nothing is lost.
 */
@ApplicationScoped
public class KpiSyncObserver {

  private static final Logger LOG = Logger.getLogger(KpiSyncObserver.class.getName());

  @Inject KpiRemeasurement remeasurement;
  @Inject Event<KpiValuesChanged> valuesChanged;

  void onFactsChanged(@Observes CrmFactsChanged event) {
    try {
      MeasurementStore.Result result =
          remeasurement.remeasure(event.tenantId(), event.consultancyId(), event.everything());
      if (result.changes() > 0 || result.full()) {
        LOG.fine(() -> "KPIs of tenant " + event.tenantId() + " re-measured: " + result);
        fireChanged(event);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Re-measuring the KPIs of tenant " + event.tenantId() + " failed", e);
      try {
        remeasurement.failed(event.tenantId(), event.consultancyId(), String.valueOf(e));
      } catch (RuntimeException again) {
        LOG.log(Level.WARNING, "Recording the failure failed too", again);
      }
    }
  }

  /** Tells the observers of the values (payout drafts, estimates); their failure is theirs. */
  private void fireChanged(CrmFactsChanged event) {
    try {
      valuesChanged.fire(new KpiValuesChanged(event.tenantId(), event.consultancyId()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "An observer of tenant " + event.tenantId() + "'s KPIs failed", e);
    }
  }
}
