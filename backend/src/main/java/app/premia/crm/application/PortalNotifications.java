package app.premia.crm.application;

import app.premia.crm.api.PortalNotifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link PortalNotifier} over the tenant's connected portal: one {@code im.notify.system.add} per
 * user, through the same paced client the sync uses (so the portal's limits hold).
 */
@ApplicationScoped
public class PortalNotifications implements PortalNotifier {

  private static final Logger LOG = Logger.getLogger(PortalNotifications.class.getName());

  @Inject SyncTransactions tx;
  @Inject PortalGateway gateway;

  @Override
  public int notifyUsers(UUID tenantId, UUID consultancyId, Map<Long, String> messages) {
    PortalTenant tenant = new PortalTenant(tenantId, consultancyId);
    PortalRecord portal = tx.portal(tenant).filter(PortalRecord::connected).orElse(null);
    if (portal == null || messages.isEmpty()) {
      return 0;
    }
    int sent = 0;
    try (PortalSession session =
        gateway.open(
            portal.access(),
            portal.options(),
            (accessToken, refreshToken) -> tx.storeTokens(tenant, accessToken, refreshToken))) {
      for (Map.Entry<Long, String> m : messages.entrySet()) {
        long user = m.getKey();
        try {
          session.notifyUser(user, m.getValue());
          sent++;
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING,
              "Notifying portal user "
                  + user
                  + " of tenant "
                  + tenantId
                  + " failed: "
                  + SyncEngine.safeMessage(e));
        }
      }
    }
    return sent;
  }
}
