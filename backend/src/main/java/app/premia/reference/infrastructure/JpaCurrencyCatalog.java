package app.premia.reference.infrastructure;

import app.premia.reference.domain.Currency;
import app.premia.reference.domain.CurrencyCatalog;
import app.premia.reference.domain.CurrencyCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link CurrencyCatalog} over the {@code currency} table. */
@ApplicationScoped
@Transactional
public class JpaCurrencyCatalog implements CurrencyCatalog {

  @Inject EntityManager em;

  @Override
  public List<Currency> all() {
    return em.createQuery("SELECT c FROM Currency c ORDER BY c.code", Currency.class)
        .getResultList();
  }

  @Override
  public Optional<Currency> find(CurrencyCode code) {
    return Optional.ofNullable(em.find(Currency.class, code.value()));
  }

  @Override
  public Map<CurrencyCode, Currency> findAll(Collection<CurrencyCode> codes) {
    if (codes.isEmpty()) {
      return Map.of();
    }
    List<String> values = codes.stream().map(CurrencyCode::value).distinct().toList();
    Map<CurrencyCode, Currency> found = new LinkedHashMap<>();
    em.createQuery("SELECT c FROM Currency c WHERE c.code IN :codes", Currency.class)
        .setParameter("codes", values)
        .getResultList()
        .forEach(currency -> found.put(currency.code(), currency));
    return found;
  }
}
