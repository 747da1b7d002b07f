package app.premia.crm.infrastructure.bitrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.crm.infrastructure.bitrix.BitrixException.Kind;
import app.premia.sandbox.Faults;
import app.premia.sandbox.Portal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Injected 5xx, slow and dropped responses: reads recover completely, writes never repeat. */
class FaultRecoveryTest {

  @Test
  void flakyPortal_exportHasNoMissingAndNoDuplicatedRows() {
    Portal p = Sandbox.portal("flaky", 3_000);
    TreeMap<Long, String> truth = Truth.of(p, "deal");
    p.faults(
        Faults.none()
            .withError5xxRate(0.1)
            .withSlowRate(0.05, Duration.ofMillis(300))
            .withDropRate(0.05)
            .withSeed(7));
    BitrixClient client = new BitrixPortals(Sandbox.fastRetries()).client(Sandbox.webhook(p));
    TreeMap<Long, String> seen = new TreeMap<>();
    List<Long> duplicates = new ArrayList<>();
    client.iterate(
        "crm.deal.list",
        ListQuery.classic(null, Truth.FIELDS).withMaxChain(3),
        0,
        (rows, lastId) ->
            rows.forEach(
                r -> {
                  long id = Long.parseLong(r.getString("ID"));
                  if (seen.put(id, Truth.checksum(r)) != null) {
                    duplicates.add(id);
                  }
                }));
    assertEquals(List.of(), duplicates);
    assertEquals(truth, seen);
    assertTrue(client.stats().retries() > 0, "faults were met and retried");
    List<JsonObject> users =
        client.listAll("user.get", ListQuery.of(Json.createObjectBuilder().build()));
    assertEquals(p.snapshot("user").size(), users.size());
  }

  @Test
  void answersSlowerThanTheClientsTimeout_areRetried_withNoMissingOrDuplicatedRows() {
    Portal p = Sandbox.portal("timeouts", 2_000);
    TreeMap<Long, String> truth = Truth.of(p, "deal");
    // one answer in five takes 1.5 s; the client gives up on a request after 0.5 s
    p.faults(Faults.none().withSlowRate(0.2, Duration.ofMillis(1_500)).withSeed(11));
    BitrixClient client =
        new BitrixPortals(
                Sandbox.fastRetries().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500)))
            .client(Sandbox.webhook(p));
    TreeMap<Long, String> seen = new TreeMap<>();
    List<Long> duplicates = new ArrayList<>();
    client.iterate(
        "crm.deal.list",
        ListQuery.classic(null, Truth.FIELDS).withMaxChain(2),
        0,
        (rows, lastId) ->
            rows.forEach(
                r -> {
                  long id = Long.parseLong(r.getString("ID"));
                  if (seen.put(id, Truth.checksum(r)) != null) {
                    duplicates.add(id);
                  }
                }));
    assertEquals(List.of(), duplicates);
    assertEquals(truth, seen);
    assertTrue(client.stats().retries() > 0, "timeouts were met and retried");
  }

  @Test
  void droppedConnections_writesAreNotRetried_readsAreRetriedThenTransient() {
    Portal p = Sandbox.portal("drops", 10);
    p.faults(Faults.none().withDropRate(1.0));
    BitrixClient client = new BitrixPortals(Sandbox.fastRetries()).client(Sandbox.webhook(p));
    JsonObject notify =
        Json.createObjectBuilder().add("USER_ID", 1).add("MESSAGE", "Bonus approved").build();
    BitrixException write =
        assertThrows(BitrixException.class, () -> client.call("im.notify.system.add", notify));
    assertEquals(Kind.OUTCOME_UNKNOWN, write.kind());
    assertEquals(1, p.stats().requests(), "the write was sent once");
    BitrixException read =
        assertThrows(BitrixException.class, () -> client.call("crm.deal.list", null));
    assertEquals(Kind.TRANSIENT, read.kind());
    assertEquals(1 + 8, p.stats().requests(), "the read was tried 8 times");
  }

  @Test
  void serverErrors_writesFailAsUnknownOutcome_readsAsTransient() {
    Portal p = Sandbox.portal("errors", 10);
    p.faults(Faults.none().withError5xxRate(1.0));
    BitrixClient client = new BitrixPortals(Sandbox.fastRetries()).client(Sandbox.webhook(p));
    JsonObject post = Json.createObjectBuilder().add("POST_MESSAGE", "Top seller").build();
    assertEquals(
        Kind.OUTCOME_UNKNOWN,
        assertThrows(BitrixException.class, () -> client.call("log.blogpost.add", post)).kind());
    assertEquals(1, p.stats().requests());
    assertEquals(
        Kind.TRANSIENT,
        assertThrows(BitrixException.class, () -> client.call("crm.deal.list", null)).kind());
    p.faults(Faults.none());
    assertEquals(10, client.call("crm.deal.list", null).result().asJsonArray().size(), "recovers");
  }
}
