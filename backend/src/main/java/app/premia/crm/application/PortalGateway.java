package app.premia.crm.application;

/** Opens sessions with Bitrix24 portals (implemented over HTTP in infrastructure). */
public interface PortalGateway {

  /**
   * A session with one portal. Sessions for the same portal share its pacing (rate limit and
   * operating-time budget), so several may be open at once.
   *
   * @param access how to reach and authenticate
   * @param options plan, NPS field, known stages
   * @param tokens told about rotated OAuth tokens, to persist them
   */
  PortalSession open(PortalAccess access, PortalSession.Options options, TokenListener tokens);

  /**
   * A session for a connection test: short timeouts and few retries, so a wrong address is said
   * within seconds; shares nothing with the sync's sessions.
   */
  PortalSession openForTest(PortalAccess access, PortalSession.Options options);

  /** Receives the new pair after a token refresh; must persist it before the next refresh. */
  @FunctionalInterface
  interface TokenListener {
    void rotated(String accessToken, String refreshToken);
  }
}
