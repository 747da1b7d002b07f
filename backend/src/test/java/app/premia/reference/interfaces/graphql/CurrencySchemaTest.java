package app.premia.reference.interfaces.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.premia.platform.config.RuntimeProfile;
import app.premia.platform.errors.CorrelationId;
import app.premia.platform.graphql.GraphQlEngine;
import app.premia.platform.graphql.GraphQlRequest;
import app.premia.platform.graphql.RequestContext;
import app.premia.platform.info.ServerInfoSchema;
import app.premia.reference.domain.Currency;
import app.premia.reference.domain.CurrencyCatalog;
import app.premia.reference.domain.CurrencyCode;
import graphql.ExecutionResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CurrencySchemaTest {

  /** An in-memory catalog that counts how often it is asked for a batch. */
  static final class CountingCatalog implements CurrencyCatalog {
    final List<Currency> currencies =
        List.of(
            new Currency(CurrencyCode.of("EUR"), 978, 2, "€", "Евро", "Euro"),
            new Currency(CurrencyCode.of("RUB"), 643, 2, "₽", "Российский рубль", "Russian ruble"));
    int batches;

    @Override
    public List<Currency> all() {
      return currencies;
    }

    @Override
    public Optional<Currency> find(CurrencyCode code) {
      throw new AssertionError("single lookups must go through the loader's batch");
    }

    @Override
    public Map<CurrencyCode, Currency> findAll(Collection<CurrencyCode> codes) {
      batches++;
      return currencies.stream()
          .filter(c -> codes.contains(c.code()))
          .collect(Collectors.toMap(Currency::code, Function.identity()));
    }
  }

  private final CountingCatalog catalog = new CountingCatalog();

  private ExecutionResult run(String query) {
    CurrencySchema currencies = new CurrencySchema();
    currencies.catalog = catalog;
    GraphQlEngine engine =
        new GraphQlEngine(List.of(new ServerInfoSchema(), currencies), RuntimeProfile.TEST);
    return engine.execute(
        new GraphQlRequest(query, null, Map.of()),
        new RequestContext(new CorrelationId("currency-schema-test")));
  }

  @Test
  void currencies_listsEveryFieldWithTheSampleAmountAsAnExactString() {
    ExecutionResult result =
        run("{ currencies { code numericCode minorUnits symbol nameRu nameEn sampleAmount } }");
    assertTrue(result.getErrors().isEmpty(), () -> result.getErrors().toString());
    Map<String, Object> data = result.getData();
    assertEquals(
        Map.of(
            "code", "RUB",
            "numericCode", 643,
            "minorUnits", 2,
            "symbol", "₽",
            "nameRu", "Российский рубль",
            "nameEn", "Russian ruble",
            "sampleAmount", "1234567.89"),
        ((List<?>) data.get("currencies")).get(1));
  }

  @Test
  void aliasedLookups_areBatchedIntoOneReadPerRequest() {
    ExecutionResult result =
        run(
            "{ a: currency(code: \"RUB\") { code } b: currency(code: \"EUR\") { code }"
                + " c: currency(code: \"USD\") { code } d: currency(code: \"rub\") { code } }");
    assertTrue(result.getErrors().isEmpty(), () -> result.getErrors().toString());
    Map<String, Object> data = result.getData();
    assertEquals(Map.of("code", "RUB"), data.get("a"));
    assertEquals(Map.of("code", "EUR"), data.get("b"));
    assertEquals(null, data.get("c"), "unknown code answers null");
    assertEquals(null, data.get("d"), "malformed code answers null");
    assertEquals(1, catalog.batches);
  }

  @Test
  void eachRequestGetsItsOwnLoader_soNothingIsCachedAcrossRequests() {
    run("{ currency(code: \"RUB\") { code } }");
    run("{ currency(code: \"RUB\") { code } }");
    assertEquals(2, catalog.batches);
  }
}
