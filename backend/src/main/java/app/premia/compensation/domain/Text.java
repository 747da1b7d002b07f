package app.premia.compensation.domain;

import java.util.Objects;

/** A sentence of an explanation or a message, in Russian and English. */
public record Text(String ru, String en) {
  public Text {
    Objects.requireNonNull(ru, "ru");
    Objects.requireNonNull(en, "en");
  }

  public String in(String locale) {
    return "en".equals(locale) ? en : ru;
  }
}
