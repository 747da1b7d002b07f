package app.premia.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileDownloadsTest {

  @Test
  void contentDisposition_hasAnAsciiName_andTheRussianOnePercentEncoded() {
    assertEquals(
        "attachment; filename=\"plan-2026-11.xlsx\";"
            + " filename*=UTF-8''%D0%9F%D0%BB%D0%B0%D0%BD%202026-11.xlsx",
        FileDownloads.contentDisposition("План 2026-11.xlsx", "plan-2026-11.xlsx"));
  }

  @Test
  void asciiName_replacesEveryNonAsciiCharacterAndTheHeadersQuotes() {
    assertEquals(
        "_________ _ ____________, ________ 2.pdf",
        FileDownloads.asciiName("Положение о премировании, редакция 2.pdf"));
    assertEquals("a_b_c.csv", FileDownloads.asciiName("a\"b\\c.csv"));
  }
}
