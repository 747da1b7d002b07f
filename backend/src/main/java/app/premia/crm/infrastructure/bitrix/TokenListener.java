package app.premia.crm.infrastructure.bitrix;

/**
 * Told about every token refresh, once, by the thread that performed it. The application must
 * persist the pair (the previous refresh token no longer works). Exceptions thrown here are logged
 * and do not fail the call that triggered the refresh.
 */
@FunctionalInterface
public interface TokenListener {
  void rotated(String portalKey, TokenPair tokens);

  TokenListener NONE = (key, tokens) -> {};
}
