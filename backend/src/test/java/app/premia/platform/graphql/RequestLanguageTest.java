package app.premia.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestLanguageTest {

  @Test
  void englishOnlyWhenTheFirstPreferenceIsEnglish() {
    assertEquals("en", RequestLanguage.fromHeader("en"));
    assertEquals("en", RequestLanguage.fromHeader("en-GB,ru;q=0.8"));
    assertEquals("en", RequestLanguage.fromHeader(" EN-us ; q=1"));
    assertEquals("ru", RequestLanguage.fromHeader("ru"));
    assertEquals("ru", RequestLanguage.fromHeader("ru-RU,en;q=0.9"));
    assertEquals("ru", RequestLanguage.fromHeader("de"));
    assertEquals("ru", RequestLanguage.fromHeader(""));
    assertEquals("ru", RequestLanguage.fromHeader(null));
  }

  @Test
  void heldForTheWorkAndRestoredAfter() {
    assertEquals("ru", RequestLanguage.current());
    String inside =
        RequestLanguage.runIn(
            "en",
            () ->
                RequestLanguage.runIn("ru", RequestLanguage::current) + RequestLanguage.current());
    assertEquals("ruen", inside);
    assertEquals("ru", RequestLanguage.current());
  }
}
