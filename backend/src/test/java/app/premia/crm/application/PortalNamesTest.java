package app.premia.crm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.crm.domain.SyncEntity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortalNamesTest {

  @Test
  void aPortalHasTheSameNameByWebhookAndByClientEndpoint() {
    assertEquals(
        "acme.bitrix24.ru",
        PortalConnections.domainOf("https://acme.bitrix24.ru/rest/1/8g9l071eismy9q2l/"));
    assertEquals("acme.bitrix24.ru", PortalConnections.domainOf("https://acme.bitrix24.ru/rest/"));
    assertEquals(
        "127.0.0.1:8090/alfa", PortalConnections.domainOf("http://127.0.0.1:8090/alfa/rest/1/x/"));
    assertEquals(
        "127.0.0.1:8090/alfa", PortalConnections.domainOf("http://127.0.0.1:8090/alfa/rest/"));
  }

  @Test
  void theStoredEndpointHasNoSecret() {
    assertEquals(
        "https://acme.bitrix24.ru/rest/",
        PortalConnections.endpointOf("https://acme.bitrix24.ru/rest/1/8g9l071eismy9q2l/"));
  }

  @Test
  void followedEventsMapToTheirEntity_othersToNothing() {
    assertEquals(Optional.of(SyncEntity.DEAL), EventNames.entityOf("ONCRMDEALUPDATE"));
    assertEquals(Optional.of(SyncEntity.DEAL), EventNames.entityOf("onCrmDealMoveToCategory"));
    assertEquals(Optional.of(SyncEntity.ACTIVITY), EventNames.entityOf("ONCRMACTIVITYDELETE"));
    assertEquals(Optional.of(SyncEntity.LEAD), EventNames.entityOf("ONCRMLEADADD"));
    assertTrue(EventNames.entityOf("ONCRMDEALUSERFIELDADD").isEmpty());
    assertTrue(EventNames.entityOf("ONAPPINSTALL").isEmpty());
    assertTrue(EventNames.entityOf(null).isEmpty());
  }

  @Test
  void deliveredTokensAreComparedWithTheStoredHash() {
    byte[] stored = PortalConnections.sha256("51856fefc120afa4b628cc82d3935cce");
    assertTrue(PortalInstalls.tokenMatches("51856fefc120afa4b628cc82d3935cce", stored));
    assertTrue(!PortalInstalls.tokenMatches("51856fefc120afa4b628cc82d3935ccf", stored));
    assertTrue(!PortalInstalls.tokenMatches("", stored));
    assertTrue(!PortalInstalls.tokenMatches(null, stored));
    assertTrue(!PortalInstalls.tokenMatches("51856fefc120afa4b628cc82d3935cce", null));
  }
}
