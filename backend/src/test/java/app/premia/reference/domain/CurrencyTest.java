package app.premia.reference.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CurrencyTest {

  private static final Currency RUB =
      new Currency(CurrencyCode.of("RUB"), 643, 2, "₽", "Российский рубль", "Russian ruble");

  @Test
  void roundsToKopecks_halfUp() {
    assertEquals(new BigDecimal("0.01"), RUB.round(new BigDecimal("0.005")));
    assertEquals(new BigDecimal("0.00"), RUB.round(new BigDecimal("0.0049")));
    assertEquals(new BigDecimal("-0.01"), RUB.round(new BigDecimal("-0.005")));
    assertEquals(new BigDecimal("62500.00"), RUB.round(new BigDecimal("62500")));
  }

  @Test
  void currencyCodes_areThreeUpperCaseLetters() {
    assertEquals("RUB", CurrencyCode.of("RUB").value());
    assertTrue(CurrencyCode.isWellFormed("USD"));
    for (String bad : new String[] {"rub", "RU", "RUBL", "R1B", ""}) {
      assertFalse(CurrencyCode.isWellFormed(bad), bad);
      assertThrows(IllegalArgumentException.class, () -> CurrencyCode.of(bad), bad);
    }
  }
}
