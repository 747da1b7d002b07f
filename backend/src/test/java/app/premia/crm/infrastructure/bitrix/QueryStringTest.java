package app.premia.crm.infrastructure.bitrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class QueryStringTest {

  @Test
  void phpStyleKeys_asInTheReference() {
    var params =
        Json.createObjectBuilder()
            .add(
                "filter",
                Json.createObjectBuilder()
                    .add(">DATE_MODIFY", "2024-05-01T00:00:00+03:00")
                    .add("@STAGE_ID", Json.createArrayBuilder().add("WON").add("C1:WON")))
            .add("select", Json.createArrayBuilder().add("ID").add("STAGE_ID"))
            .add("order", Json.createObjectBuilder().add("ID", "ASC"))
            .add("start", 50)
            .build();
    assertEquals(
        "filter[>DATE_MODIFY]=2024-05-01T00:00:00%2B03:00&filter[@STAGE_ID][]=WON"
            + "&filter[@STAGE_ID][]=C1:WON&select[]=ID&select[]=STAGE_ID&order[ID]=ASC&start=50",
        QueryString.encode(params));
  }

  @Test
  void reservedCharactersInValuesAndKeys_areEncoded() {
    var params =
        Json.createObjectBuilder()
            .add(
                "filter",
                Json.createObjectBuilder().add("%TITLE", "a&b=c #1 [x] 100%").add("!=ID", 5))
            .add("select", Json.createArrayBuilder().add("UF_*"))
            .add("flag", true)
            .addNull("nothing")
            .build();
    assertEquals(
        "filter[%25TITLE]=a%26b%3Dc%20%231%20%5Bx%5D%20100%25&filter[!%3DID]=5&select[]=UF_%2A&flag=1",
        QueryString.encode(params));
  }

  @Test
  void cyrillic_isUtf8PercentEncoded() {
    assertEquals(
        "NAME=%D0%96", QueryString.encode(Json.createObjectBuilder().add("NAME", "Ж").build()));
  }

  @Test
  void arraysOfObjects_keepEachElementTogether() {
    var params =
        Json.createObjectBuilder()
            .add(
                "filter",
                Json.createObjectBuilder()
                    .add(
                        "BINDINGS",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("OWNER_TYPE_ID", 2)
                                    .add("OWNER_ID", 120))))
            .build();
    assertEquals(
        "filter[BINDINGS][0][OWNER_TYPE_ID]=2&filter[BINDINGS][0][OWNER_ID]=120",
        QueryString.encode(params));
  }

  @Test
  void batchReferences_passUnencoded() {
    String ref = QueryString.ref("c0", 49, "ID");
    assertEquals("$result[c0][49][ID]", ref);
    assertEquals(
        "crm.deal.list?filter[>ID]=$result[c0][49][ID]&start=-1",
        QueryString.command(
            "crm.deal.list",
            Json.createObjectBuilder()
                .add("filter", Json.createObjectBuilder().add(">ID", ref))
                .add("start", -1)
                .build()));
    assertEquals("$result[c1][items][49][id]", QueryString.ref("c1", "items", 49, "id"));
    assertThrows(IllegalArgumentException.class, () -> QueryString.ref("c0", "a&b"));
  }

  @Test
  void noParameters_isTheBareMethod() {
    assertEquals(
        "user.current", QueryString.command("user.current", Json.createObjectBuilder().build()));
  }
}
