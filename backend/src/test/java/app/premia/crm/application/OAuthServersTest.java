package app.premia.crm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.platform.config.Settings;
import java.lang.reflect.Field;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OAuthServersTest {

  private static OAuthServers servers(String profile) throws Exception {
    Settings settings = new Settings();
    Field name = Settings.class.getDeclaredField("profileName");
    name.setAccessible(true);
    name.set(settings, profile);
    java.lang.reflect.Method init = Settings.class.getDeclaredMethod("init");
    init.setAccessible(true);
    init.invoke(settings);
    OAuthServers servers = new OAuthServers();
    servers.settings = settings;
    return servers;
  }

  @Test
  void bitrixOwnOAuthServerIsAlwaysAllowed() throws Exception {
    assertEquals(
        Optional.of("https://oauth.bitrix.info/oauth/token/"),
        servers("prod").tokenUrl("https://oauth.bitrix.info/rest/"));
  }

  @Test
  void anyOtherServerNeverGetsTheClientSecret() throws Exception {
    assertTrue(servers("prod").tokenUrl("https://evil.example/rest/").isEmpty());
    assertTrue(servers("dev").tokenUrl("https://evil.example/rest/").isEmpty());
    assertTrue(servers("prod").tokenUrl("http://oauth.bitrix.info/rest/").isEmpty());
    assertTrue(servers("prod").tokenUrl("not a url").isEmpty());
  }

  @Test
  void loopbackIsTheSandboxAndOnlyOutsideProduction() throws Exception {
    assertEquals(
        Optional.of("http://127.0.0.1:8090/oauth/token/"),
        servers("test").tokenUrl("http://127.0.0.1:8090/oauth/rest/"));
    assertTrue(servers("prod").tokenUrl("http://127.0.0.1:8090/oauth/rest/").isEmpty());
    assertTrue(servers("dev").acceptableEndpoint("http://127.0.0.1:8090/alfa/rest/"));
    assertFalse(servers("prod").acceptableEndpoint("http://127.0.0.1:8090/alfa/rest/"));
    assertFalse(servers("dev").acceptableEndpoint("http://acme.bitrix24.ru/rest/"));
    assertTrue(servers("prod").acceptableEndpoint("https://acme.bitrix24.ru/rest/"));
  }
}
