package app.premia.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphQlJsonTest {

  @Test
  void parsesQueryOperationAndVariables_keepingNumbersExact() {
    GraphQlRequest request =
        GraphQlJson.parseRequest(
            "{\"query\":\"query Q($n:Int){x}\",\"operationName\":\"Q\","
                + "\"variables\":{\"n\":5,\"big\":12345678901234,\"d\":0.1,\"s\":\"t\",\"l\":[1,null]}}");
    assertEquals("query Q($n:Int){x}", request.query());
    assertEquals("Q", request.operationName());
    assertEquals(5, request.variables().get("n"));
    assertEquals(12345678901234L, request.variables().get("big"));
    assertEquals(new BigDecimal("0.1"), request.variables().get("d"));
    assertEquals(java.util.Arrays.asList(1, null), request.variables().get("l"));
  }

  @Test
  void absentOrNullOperationAndVariablesAreFine() {
    GraphQlRequest request =
        GraphQlJson.parseRequest("{\"query\":\"{x}\",\"operationName\":null,\"variables\":null}");
    assertNull(request.operationName());
    assertEquals(Map.of(), request.variables());
  }

  @Test
  void malformedBodiesAreRejectedWith400AndSayWhy() {
    assertRejected("", 400, "empty");
    assertRejected("not json", 400, "not valid JSON");
    assertRejected("[1,2]", 400, "JSON object");
    assertRejected("{\"query\":5}", 400, "\"query\"");
    assertRejected("{\"query\":\"  \"}", 400, "\"query\"");
    assertRejected("{\"query\":\"{x}\",\"variables\":[1]}", 400, "\"variables\"");
    assertRejected("{\"query\":\"{x}\",\"operationName\":1}", 400, "\"operationName\"");
    assertRejected("{\"query\":\"" + "x".repeat(GraphQlJson.MAX_BODY_CHARS) + "\"}", 413, "256");
  }

  @Test
  void writesResultsWithNullsAndNesting() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("a", null);
    data.put("b", List.of("1.10", true, 3));
    assertEquals(
        "{\"data\":{\"a\":null,\"b\":[\"1.10\",true,3]}}", GraphQlJson.write(Map.of("data", data)));
  }

  private static void assertRejected(String body, int status, String messagePart) {
    GraphQlHttpException e =
        assertThrows(GraphQlHttpException.class, () -> GraphQlJson.parseRequest(body));
    assertEquals(status, e.status());
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().contains(messagePart), () -> e.getMessage() + " lacks " + messagePart);
  }
}
