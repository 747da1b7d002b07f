package app.premia.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorrelationIdTest {

  @Test
  void acceptsAPlainIdFromTheCaller() {
    assertEquals("req-12345678", CorrelationId.fromHeaderOrGenerate("req-12345678").value());
  }

  @Test
  void replacesMissingOrUnsafeIdsWithAFreshOne() {
    for (String unsafe :
        new String[] {null, "", "short", "a\nb-injected-log-line", "x".repeat(65)}) {
      String id = CorrelationId.fromHeaderOrGenerate(unsafe).value();
      assertNotEquals(unsafe, id);
      assertTrue(id.matches("[0-9a-f]{16}"), id);
    }
  }

  @Test
  void generatedIdsDiffer() {
    assertNotEquals(CorrelationId.generate(), CorrelationId.generate());
  }
}
