package app.premia.platform.graphql;

import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoaderRegistry;

/**
 * How a bounded context plugs into the one GraphQL schema: its own SDL file under {@code
 * graphql/<context>.graphqls} and the data fetchers for the fields it declares. Implementations are
 * CDI beans; the engine finds them all.
 */
public interface SchemaContribution {

  /** Classpath resource of this context's SDL, e.g. {@code graphql/reference.graphqls}. */
  String sdlResource();

  /** Registers data fetchers (and type resolvers) for the types this context's SDL declares. */
  void wire(RuntimeWiring.Builder wiring);

  /**
   * Registers this context's data loaders into a registry made for ONE request. Loaders cache per
   * request, so they must never be shared across requests (they would leak data between users).
   */
  default void registerDataLoaders(DataLoaderRegistry registry) {}
}
