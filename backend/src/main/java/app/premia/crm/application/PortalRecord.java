package app.premia.crm.application;

/**
 * A tenant's stored connection, secrets decrypted (never leaves the server).
 *
 * @param mode WEBHOOK or APP
 * @param status CONNECTED, NEEDS_REAUTH or DISCONNECTED
 * @param domain the portal's address
 * @param memberId the portal's stable id (apps)
 * @param access how to reach it; null when disconnected
 * @param options plan, NPS field, pipelines
 */
public record PortalRecord(
    String mode,
    String status,
    String domain,
    String memberId,
    PortalAccess access,
    PortalSession.Options options) {

  public boolean connected() {
    return "CONNECTED".equals(status) && access != null;
  }
}
