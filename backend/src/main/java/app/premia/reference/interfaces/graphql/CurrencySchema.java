package app.premia.reference.interfaces.graphql;

import app.premia.platform.graphql.SchemaContribution;
import app.premia.reference.domain.Currency;
import app.premia.reference.domain.CurrencyCatalog;
import app.premia.reference.domain.CurrencyCode;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoader;

/** Contributes {@code reference.graphqls}: {@code Query.currencies}, {@code Query.currency}. */
@ApplicationScoped
public class CurrencySchema implements SchemaContribution {

  /** Name of the per-request loader of currencies by code. */
  static final String CURRENCY_BY_CODE = "CurrenciesByCodeLoader";

  private static final BigDecimal SAMPLE_AMOUNT = new BigDecimal("1234567.89");

  @Inject CurrencyCatalog catalog;

  @Override
  public String sdlResource() {
    return "graphql/reference.graphqls";
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        type ->
            type.dataFetcher("currencies", env -> catalog.all())
                .dataFetcher("currency", this::currency));
    wiring.type(
        "Currency",
        type ->
            type.dataFetcher("code", env -> env.<Currency>getSource().code().value())
                .dataFetcher("numericCode", env -> env.<Currency>getSource().numericCode())
                .dataFetcher("minorUnits", env -> env.<Currency>getSource().minorUnits())
                .dataFetcher("symbol", env -> env.<Currency>getSource().symbol())
                .dataFetcher("nameRu", env -> env.<Currency>getSource().nameRu())
                .dataFetcher("nameEn", env -> env.<Currency>getSource().nameEn())
                .dataFetcher(
                    "sampleAmount", env -> env.<Currency>getSource().round(SAMPLE_AMOUNT)));
  }

  @Override
  public void registerDataLoaders(DataLoaderRegistry registry) {
    MappedBatchLoader<String, Currency> load =
        codes -> CompletableFuture.completedFuture(byCode(codes));
    registry.register(CURRENCY_BY_CODE, DataLoaderFactory.newMappedDataLoader(load));
  }

  /**
   * Unknown or malformed codes answer null, like any missing currency; aliases batch into one read.
   */
  private CompletableFuture<Currency> currency(DataFetchingEnvironment env) {
    String code = env.getArgument("code");
    if (!CurrencyCode.isWellFormed(code)) {
      return CompletableFuture.completedFuture(null);
    }
    DataLoader<String, Currency> loader = env.getDataLoader(CURRENCY_BY_CODE);
    return loader.load(code);
  }

  private Map<String, Currency> byCode(Set<String> codes) {
    List<CurrencyCode> wanted = codes.stream().map(CurrencyCode::of).toList();
    Map<String, Currency> found = new HashMap<>();
    catalog.findAll(wanted).forEach((code, currency) -> found.put(code.value(), currency));
    return found;
  }
}
