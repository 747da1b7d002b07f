package app.premia.reference.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The currencies Premia knows. */
public interface CurrencyCatalog {

  /** Every currency, ordered by code. */
  List<Currency> all();

  Optional<Currency> find(CurrencyCode code);

  /** The known ones among {@code codes}, in one round trip; unknown codes are simply absent. */
  Map<CurrencyCode, Currency> findAll(Collection<CurrencyCode> codes);
}
