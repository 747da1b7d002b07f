package app.premia.compensation.application;

import app.premia.crm.api.PortalNotifier;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells every employee of an approved run, in Bitrix24 ({@code im.notify}), that his statement is
 * there — after the approval committed, in the background (the portal's pace must not hold the
 * approving request).
 */
@ApplicationScoped
public class PayoutNotifications {

  private static final Logger LOG = Logger.getLogger(PayoutNotifications.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject PortalNotifier notifier;

  void onApproved(@Observes(during = TransactionPhase.AFTER_SUCCESS) PayoutRunApproved approved) {
    executor.execute(
        () -> {
          try {
            int sent =
                notifier.notifyUsers(
                    approved.tenantId(), approved.consultancyId(), approved.messages());
            LOG.fine(() -> sent + " notification(s) sent for payout run " + approved.runId());
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Notifying the employees of payout run " + approved.runId(), e);
          }
        });
  }
}
