package app.premia.crm.infrastructure.bitrix;

import java.net.URI;

/**
 * Told when a portal answered from a new address (HTTP 302 after a rename, or a different {@code
 * client_endpoint} in a token response). {@code newRestBase} replaces the stored one; for webhooks
 * it contains the webhook code, so treat it as a secret.
 */
@FunctionalInterface
public interface PortalMovedListener {
  void moved(String portalKey, URI newRestBase);

  PortalMovedListener NONE = (key, base) -> {};
}
