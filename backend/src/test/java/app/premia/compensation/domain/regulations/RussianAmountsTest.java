package app.premia.compensation.domain.regulations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RussianAmountsTest {

  private static String rubles(String amount) {
    return RussianAmounts.rubles(new BigDecimal(amount));
  }

  @Test
  void roublesInWordsWithTheirPluralAndKopecksInFigures() {
    assertEquals("ноль рублей 00 копеек", rubles("0"));
    assertEquals("один рубль 00 копеек", rubles("1"));
    assertEquals("два рубля 00 копеек", rubles("2"));
    assertEquals("пять рублей 00 копеек", rubles("5"));
    assertEquals("одиннадцать рублей 00 копеек", rubles("11"));
    assertEquals("двадцать один рубль 00 копеек", rubles("21"));
    assertEquals("двадцать два рубля 00 копеек", rubles("22"));
    assertEquals("сто двенадцать рублей 00 копеек", rubles("112"));
    assertEquals("одна тысяча рублей 00 копеек", rubles("1000"));
    assertEquals("две тысячи рублей 00 копеек", rubles("2000"));
    assertEquals("пять тысяч рублей 00 копеек", rubles("5000"));
    assertEquals("двадцать одна тысяча рублей 00 копеек", rubles("21000"));
    assertEquals("пятьдесят тысяч рублей 00 копеек", rubles("50000"));
    assertEquals("один миллион рублей 00 копеек", rubles("1000000"));
    assertEquals(
        "один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь рублей 89 копеек",
        rubles("1234567.89"));
  }

  @Test
  void kopecksTakeTheirOwnPluralAndRoundHalfUp() {
    assertEquals("ноль рублей 01 копейка", rubles("0.01"));
    assertEquals("один рубль 02 копейки", rubles("1.02"));
    assertEquals("три рубля 21 копейка", rubles("3.21"));
    assertEquals("три рубля 11 копеек", rubles("3.11"));
    assertEquals("десять рублей 50 копеек", rubles("10.495"));
    assertEquals("минус пятнадцать тысяч рублей 00 копеек", rubles("-15000"));
  }

  @Test
  void pluralFormsByIcu() {
    String[] month = {"месяц", "месяца", "месяцев"};
    assertEquals("1 месяц", RussianAmounts.count(1, month[0], month[1], month[2]));
    assertEquals("2 месяца", RussianAmounts.count(2, month[0], month[1], month[2]));
    assertEquals("5 месяцев", RussianAmounts.count(5, month[0], month[1], month[2]));
    assertEquals("11 месяцев", RussianAmounts.count(11, month[0], month[1], month[2]));
    assertEquals("21 месяц", RussianAmounts.count(21, month[0], month[1], month[2]));
    assertEquals("0 месяцев", RussianAmounts.count(0, month[0], month[1], month[2]));
    String[] deal = {"сделка", "сделки", "сделок"};
    assertEquals("1 сделка", RussianAmounts.count(1, deal[0], deal[1], deal[2]));
    assertEquals("3 сделки", RussianAmounts.count(3, deal[0], deal[1], deal[2]));
    assertEquals("5 сделок", RussianAmounts.count(5, deal[0], deal[1], deal[2]));
    assertEquals("12 сделок", RussianAmounts.count(12, deal[0], deal[1], deal[2]));
    assertEquals("22 сделки", RussianAmounts.count(22, deal[0], deal[1], deal[2]));
    assertEquals("101 сделка", RussianAmounts.count(101, deal[0], deal[1], deal[2]));
  }
}
