package app.premia.crm.application;

import java.util.Objects;

/**
 * How Premia reaches one portal. Holds secrets: never logged, never put in a message; {@link
 * #toString()} names the kind only.
 */
public sealed interface PortalAccess {

  /**
   * An incoming webhook URL, e.g. {@code https://acme.bitrix24.ru/rest/1/8g9l071eismy9q2l/}.
   *
   * @param url the pasted URL (contains the secret code)
   */
  record Webhook(String url) implements PortalAccess {
    public Webhook {
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String toString() {
      return "Webhook[secret]";
    }
  }

  /**
   * An installed application's OAuth tokens.
   *
   * @param clientEndpoint the portal's REST base, e.g. {@code https://acme.bitrix24.ru/rest/}
   * @param accessToken short-lived token
   * @param refreshToken single-use refresh token
   * @param tokenUrl the OAuth server's token URL
   * @param clientId the application's client id
   * @param clientSecret the application's client secret
   */
  record App(
      String clientEndpoint,
      String accessToken,
      String refreshToken,
      String tokenUrl,
      String clientId,
      String clientSecret)
      implements PortalAccess {
    @Override
    public String toString() {
      return "App[" + clientEndpoint + ", secrets]";
    }
  }
}
