package app.premia.reference.api;

/** What other contexts may ask the reference data about currencies. */
public interface Currencies {

  /** Whether {@code code} is a currency Premia knows (ISO 4217 alphabetic code). */
  boolean isKnown(String code);
}
