package app.premia.crm.api;

import java.util.Map;
import java.util.UUID;

/**
 * Notifications to people in the tenant's Bitrix24 portal ({@code im.notify.system.add}): what
 * other contexts use to tell a manager something happened in Premia.
 */
public interface PortalNotifier {

  /**
   * Sends each portal user his message; best effort (a user the portal refuses is skipped, and a
   * portal that is not connected gets nothing).
   *
   * @param messages by portal user id
   * @return how many notifications the portal accepted
   */
  int notifyUsers(UUID tenantId, UUID consultancyId, Map<Long, String> messages);
}
