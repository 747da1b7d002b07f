package app.premia.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GraphQlMediaTypesTest {

  @Test
  void prefersTheGraphQlResponseTypeWheneverTheClientAcceptsIt() {
    assertEquals(
        "application/graphql-response+json",
        GraphQlMediaTypes.responseType(
            "application/graphql-response+json, application/json;q=0.9"));
    assertEquals("application/graphql-response+json", GraphQlMediaTypes.responseType("*/*"));
  }

  @Test
  void legacyClientsGetJson_andUnacceptableTypesNothing() {
    assertEquals("application/json", GraphQlMediaTypes.responseType("application/json"));
    assertEquals("application/json", GraphQlMediaTypes.responseType(null));
    assertNull(GraphQlMediaTypes.responseType("text/html"));
  }

  @Test
  void onlyJsonBodiesAreAccepted() {
    assertTrue(GraphQlMediaTypes.isJson("application/json; charset=utf-8"));
    assertTrue(GraphQlMediaTypes.isJson("Application/JSON"));
    assertFalse(GraphQlMediaTypes.isJson("text/plain"));
    assertFalse(GraphQlMediaTypes.isJson(null));
  }
}
