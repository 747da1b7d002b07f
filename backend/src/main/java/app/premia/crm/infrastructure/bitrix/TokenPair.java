package app.premia.crm.infrastructure.bitrix;

import java.net.URI;

/**
 * A rotated OAuth token pair, handed to the {@link TokenListener} for persisting. The old refresh
 * token is dead from now on.
 */
public record TokenPair(
    String accessToken,
    String refreshToken,
    long expiresInSeconds,
    String memberId,
    URI clientEndpoint) {

  @Override
  public String toString() {
    return "TokenPair[access ***, refresh ***, expires in "
        + expiresInSeconds
        + " s, member "
        + memberId
        + "]";
  }
}
