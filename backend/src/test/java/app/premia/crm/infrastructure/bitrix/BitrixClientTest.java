package app.premia.crm.infrastructure.bitrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.sandbox.Portal;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against a 10 000-deal sandbox portal over HTTP, with the portal's default limits. */
class BitrixClientTest {

  static Portal portal;
  static BitrixClient client;
  static TreeMap<Long, String> truth;

  static final List<String> SELECT = Truth.FIELDS;

  @BeforeAll
  static void portal() {
    portal = Sandbox.portal("paging", 10_000);
    client = new BitrixPortals().client(Sandbox.webhook(portal));
    truth = Truth.of(portal, "deal");
  }

  static JsonObject listParams(int start) {
    return Json.createObjectBuilder()
        .add("select", Json.createArrayBuilder(SELECT))
        .add("order", Json.createObjectBuilder().add("ID", "ASC"))
        .add("start", start)
        .build();
  }

  @Test
  void offsetPaging_givesTotalAndNext_andPagesFollowEachOther() {
    BitrixResponse first = client.call("crm.deal.list", listParams(0));
    assertEquals(truth.size(), first.total());
    assertEquals(50, first.next());
    JsonArray rows = first.result().asJsonArray();
    assertEquals(50, rows.size());
    BitrixResponse second = client.call("crm.deal.list", listParams(first.next()));
    assertEquals(100, second.next());
    List<Long> ids = new ArrayList<>();
    for (var r : rows) {
      ids.add(Long.parseLong(r.asJsonObject().getString("ID")));
    }
    for (var r : second.result().asJsonArray()) {
      ids.add(Long.parseLong(r.asJsonObject().getString("ID")));
    }
    assertEquals(new ArrayList<>(truth.keySet()).subList(0, 100), ids);
    int lastStart = (truth.size() - 1) / 50 * 50;
    BitrixResponse last = client.call("crm.deal.list", listParams(lastStart));
    assertNull(last.next(), "no next on the last page");
    assertNotNull(last.time().operating(), "time.operating is read");
  }

  @Test
  void fastIteration_collectsEveryIdExactlyOnce_withMatchingContent() {
    Map<Long, String> seen = new LinkedHashMap<>();
    List<Long> cursors = new ArrayList<>();
    long requestsBefore = client.stats().requests();
    long last =
        client.iterate(
            "crm.deal.list",
            ListQuery.classic(null, SELECT),
            0,
            (rows, lastId) -> {
              for (JsonObject r : rows) {
                long id = Long.parseLong(r.getString("ID"));
                assertNull(seen.put(id, Truth.checksum(r)), "duplicate " + id);
              }
              cursors.add(lastId);
            });
    assertEquals(truth, new TreeMap<>(seen));
    assertEquals(truth.lastKey(), last);
    assertEquals((truth.size() + 49) / 50, cursors.size(), "one sink call per non-empty page");
    long requests = client.stats().requests() - requestsBefore;
    assertTrue(requests <= 12, "chained batches: " + requests + " requests for 200 pages");
  }

  @Test
  void fastIteration_resumesAfterACursor_andSizesChainsFromAnExpectedTotal() {
    long cursor = new ArrayList<>(truth.keySet()).get(9_000 - 1);
    List<Long> ids = new ArrayList<>();
    long before = client.stats().requests();
    client.iterate(
        "crm.deal.list",
        ListQuery.classic(null, List.of("ID")).withExpectedTotal(truth.size() - 9_000),
        cursor,
        (rows, lastId) -> rows.forEach(r -> ids.add(Long.parseLong(r.getString("ID")))));
    assertEquals(new ArrayList<>(truth.tailMap(cursor, false).keySet()), ids);
    assertEquals(1, client.stats().requests() - before, "21 pages in one chained batch");
  }

  @Test
  void chainedBatch_passesTheLastIdOfOnePageToTheNext() {
    String first =
        QueryString.command(
            "crm.deal.list",
            Json.createObjectBuilder()
                .add("filter", Json.createObjectBuilder().add(">ID", 0))
                .add("order", Json.createObjectBuilder().add("ID", "ASC"))
                .add("select", Json.createArrayBuilder().add("ID"))
                .add("start", -1)
                .build());
    String second =
        QueryString.command(
            "crm.deal.list",
            Json.createObjectBuilder()
                .add(
                    "filter", Json.createObjectBuilder().add(">ID", QueryString.ref("a", 49, "ID")))
                .add("order", Json.createObjectBuilder().add("ID", "ASC"))
                .add("select", Json.createArrayBuilder().add("ID"))
                .add("start", -1)
                .build());
    Map<String, String> cmd = new LinkedHashMap<>();
    cmd.put("a", first);
    cmd.put("b", second);
    BatchResponse r = client.batch(cmd, false);
    List<Long> all = new ArrayList<>(truth.keySet());
    JsonArray a = r.results().get("a").asJsonArray();
    JsonArray b = r.results().get("b").asJsonArray();
    assertEquals(all.get(49), Long.parseLong(a.getJsonObject(49).getString("ID")));
    assertEquals(all.get(50), Long.parseLong(b.getJsonObject(0).getString("ID")));
    assertTrue(r.errors().isEmpty());
    assertTrue(r.times().get("b").operating() != null, "result_time per command");
  }

  @Test
  void halt_stopsAtTheFirstFailingCommand() {
    Map<String, String> cmd = new LinkedHashMap<>();
    cmd.put("ok", "crm.deal.get?id=" + truth.firstKey());
    cmd.put("bad", "crm.deal.get?id=999999999");
    cmd.put("later", "crm.deal.get?id=" + truth.lastKey());
    BatchResponse halted = client.batch(cmd, true);
    assertTrue(halted.results().containsKey("ok"));
    assertTrue(halted.errors().containsKey("bad"));
    assertFalse(halted.results().containsKey("later"), "not executed after the failure");
    assertTrue(halted.errors().get("bad").isNotFound());
    BatchResponse all = client.batch(cmd, false);
    assertTrue(all.results().containsKey("later"), "halt=false runs everything");
    assertEquals(1, all.errors().size());
  }

  @Test
  void batch_refusesMoreThanFiftyCommands_orNestedBatches() {
    Map<String, String> cmd = new LinkedHashMap<>();
    for (int i = 0; i < 51; i++) {
      cmd.put("c" + i, "crm.deal.get?id=1");
    }
    assertThrows(IllegalArgumentException.class, () -> client.batch(cmd, false));
    assertThrows(
        IllegalArgumentException.class, () -> client.batch(Map.of("x", "batch?halt=0"), false));
  }

  @Test
  void count_readsTotalFromOneCall() {
    assertEquals(truth.size(), client.count("crm.deal.list", (JsonObject) null));
    long firstId = truth.firstKey();
    JsonObject filter = Json.createObjectBuilder().add("<=ID", firstId + 0).build();
    assertEquals(1, client.count("crm.deal.list", filter));
  }

  @Test
  void get_andGetMany_forEventProcessing() {
    long id = truth.firstKey();
    JsonObject deal = client.get("crm.deal.get", id).orElseThrow();
    assertEquals(Long.toString(id), deal.getString("ID"));
    assertTrue(client.get("crm.deal.get", 999_999_999L).isEmpty(), "Not found is empty");
    List<Long> ids = new ArrayList<>(truth.keySet()).subList(100, 170);
    List<Long> asked = new ArrayList<>(ids);
    asked.add(999_999_998L);
    Map<Long, JsonObject> many = client.getMany("crm.deal.get", asked);
    assertEquals(ids, new ArrayList<>(many.keySet()));
    List<JsonObject> listed =
        client.listByIds("crm.deal.list", ListQuery.classic(null, List.of("ID", "TITLE")), asked);
    assertEquals(ids.size(), listed.size());
  }

  @Test
  void listAll_readsDictionariesUsersAndDepartments() {
    List<JsonObject> stages =
        client.listAll(
            "crm.status.list",
            ListQuery.of(
                Json.createObjectBuilder()
                    .add("filter", Json.createObjectBuilder().add("ENTITY_ID", "DEAL_STAGE"))
                    .build()));
    assertFalse(stages.isEmpty());
    List<JsonObject> categories =
        client.listAll(
            "crm.category.list",
            ListQuery.of(Json.createObjectBuilder().add("entityTypeId", 2).build())
                .withRowsPath("categories"));
    assertTrue(categories.stream().anyMatch(c -> c.getInt("id") == 0), "default pipeline");
    List<JsonObject> currencies =
        client.listAll("crm.currency.list", ListQuery.of(Json.createObjectBuilder().build()));
    assertFalse(currencies.isEmpty());
    List<JsonObject> users =
        client.listAll("user.get", ListQuery.of(Json.createObjectBuilder().build()));
    assertEquals(portal.snapshot("user").size(), users.size());
    List<JsonObject> departments =
        client.listAll(
            "department.get",
            ListQuery.of(Json.createObjectBuilder().build()).withStartParam("START"));
    assertEquals(portal.snapshot("department").size(), departments.size());
  }

  @Test
  void listAll_pagesThroughMoreThanOneBatch() {
    List<JsonObject> all =
        client.listAll(
            "crm.deal.list",
            ListQuery.classic(
                    Json.createObjectBuilder()
                        .add("<=ID", new ArrayList<>(truth.keySet()).get(2_999))
                        .build(),
                    List.of("ID"))
                .withParam("order", Json.createObjectBuilder().add("ID", "ASC").build()));
    assertEquals(3_000, all.size());
    assertEquals(3_000, all.stream().map(r -> r.getString("ID")).distinct().count());
  }

  @Test
  void defaultLimits_wereNeverHit() {
    assertEquals(0, portal.stats().rejected503());
    assertEquals(0, portal.stats().rejected429());
  }

  @Test
  void unknownMethod_andBadCredentials_areClassified() {
    BitrixException e =
        assertThrows(BitrixException.class, () -> client.call("crm.nothing.list", null));
    assertEquals(BitrixException.Kind.METHOD_NOT_FOUND, e.kind());
    String url = portal.webhookUrl().replace(portal.webhookCode(), "wrongcode123");
    BitrixClient wrong = new BitrixPortals().client(PortalCredentials.webhook(url));
    BitrixException auth =
        assertThrows(BitrixException.class, () -> wrong.call("crm.deal.list", null));
    assertEquals(BitrixException.Kind.AUTH, auth.kind());
    assertFalse(auth.getMessage().contains("wrongcode123"));
  }
}
