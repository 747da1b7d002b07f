package app.premia.reference.infrastructure;

import app.premia.reference.api.Currencies;
import app.premia.reference.domain.CurrencyCatalog;
import app.premia.reference.domain.CurrencyCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@link Currencies} over the currency catalog. */
@ApplicationScoped
public class CatalogCurrencies implements Currencies {

  @Inject CurrencyCatalog catalog;

  @Override
  public boolean isKnown(String code) {
    return CurrencyCode.isWellFormed(code) && catalog.find(CurrencyCode.of(code)).isPresent();
  }
}
