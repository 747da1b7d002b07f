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
 * Tells employees in Bitrix24 ({@code im.notify}) what an {@link EmployeeMessages} event says —
 * every employee of an approved run that his statement is there, everyone in a newly published
 * regulations version's scope that it awaits his acknowledgement — after the transaction committed,
 * in the background (the portal's pace must not hold the request).
 */
@ApplicationScoped
public class PayoutNotifications {

  private static final Logger LOG = Logger.getLogger(PayoutNotifications.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject PortalNotifier notifier;

  void onMessages(@Observes(during = TransactionPhase.AFTER_SUCCESS) EmployeeMessages event) {
    executor.execute(
        () -> {
          try {
            int sent =
                notifier.notifyUsers(event.tenantId(), event.consultancyId(), event.messages());
            LOG.fine(() -> sent + " notification(s) sent for " + event.subject());
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Notifying the employees of " + event.subject(), e);
          }
        });
  }
}
