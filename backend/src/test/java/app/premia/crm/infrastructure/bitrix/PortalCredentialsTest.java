package app.premia.crm.infrastructure.bitrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortalCredentialsTest {

  @ParameterizedTest
  @CsvSource({
    "https://acme.bitrix24.ru/rest/1/8g9l071eismy9q2l/, https://acme.bitrix24.ru/rest/1/8g9l071eismy9q2l/",
    "https://acme.bitrix24.ru/rest/1/8g9l071eismy9q2l, https://acme.bitrix24.ru/rest/1/8g9l071eismy9q2l/",
    "'  https://acme.bitrix24.ru/rest/1/8g9l071eismy9q2l/crm.deal.list.json ', https://acme.bitrix24.ru/rest/1/8g9l071eismy9q2l/",
    "https://acme.bitrix24.ru/rest/17/8g9l071eismy9q2l/profile/, https://acme.bitrix24.ru/rest/17/8g9l071eismy9q2l/",
    "HTTPS://b24.example.com:8443/portal/rest/1/abcd1234/, https://b24.example.com:8443/portal/rest/1/abcd1234/",
    "http://127.0.0.1:8080/alfa/rest/1/code1234/, http://127.0.0.1:8080/alfa/rest/1/code1234/",
    "http://localhost/rest/1/code1234/, http://localhost/rest/1/code1234/"
  })
  void pastedWebhookUrls_areNormalisedToTheirRestBase(String pasted, String base) {
    PortalCredentials.Webhook w = PortalCredentials.webhook(pasted);
    assertEquals(URI.create(base), w.restBase());
  }

  @Test
  void portalKey_andToString_holdNoSecret() {
    PortalCredentials.Webhook w =
        PortalCredentials.webhook("https://acme.bitrix24.ru/sub/rest/1/8g9l071eismy9q2l/");
    assertEquals("https://acme.bitrix24.ru/sub", w.portalKey());
    assertEquals(1, w.userId());
    assertFalse(w.toString().contains("8g9l071eismy9q2l"), w.toString());
    PortalCredentials.OAuth o =
        PortalCredentials.oauth(
            URI.create("https://acme.bitrix24.ru/rest"),
            "a223c6b3710f85df22e9377d6c4f7553",
            "ACCESS-secret",
            "REFRESH-secret",
            URI.create("https://oauth.bitrix.info/oauth/token/"),
            "app.1",
            "CLIENT-secret");
    assertEquals("member:a223c6b3710f85df22e9377d6c4f7553", o.portalKey());
    assertEquals(URI.create("https://acme.bitrix24.ru/rest/"), o.restBase());
    for (String secret : new String[] {"ACCESS-secret", "REFRESH-secret", "CLIENT-secret"}) {
      assertFalse(o.toString().contains(secret), o.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "acme.bitrix24.ru/rest/1/8g9l071eismy9q2l/",
        "http://acme.bitrix24.ru/rest/1/8g9l071eismy9q2l/",
        "ftp://acme.bitrix24.ru/rest/1/8g9l071eismy9q2l/",
        "https://acme.bitrix24.ru/rest/",
        "https://acme.bitrix24.ru/rest/admin/8g9l071eismy9q2l/",
        "https://acme.bitrix24.ru/crm/deal/list/",
        "https://acme.bitrix24.ru/rest/1/8g9l071eismy9q2l/?x=1",
        "https://user:pw@acme.bitrix24.ru/rest/1/8g9l071eismy9q2l/",
        "https://acme.bitrix24.ru/rest/1/8g9l071eismy9q2l/crm.deal.list/extra/",
        "https://acme.bitrix24.ru/rest/1/a b/"
      })
  void anythingElse_isRejectedWithoutEchoingTheSecret(String pasted) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PortalCredentials.webhook(pasted));
    assertTrue(e.getMessage().contains("webhook"), e.getMessage());
    assertFalse(e.getMessage().contains("8g9l071eismy9q2l"), e.getMessage());
  }

  @Test
  void oauth_refusesPlainHttpOutsideLoopback() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PortalCredentials.oauth(
                URI.create("http://acme.bitrix24.ru/rest/"),
                null,
                "a",
                "r",
                URI.create("https://oauth.bitrix.info/oauth/token/"),
                "c",
                "s"));
  }
}
