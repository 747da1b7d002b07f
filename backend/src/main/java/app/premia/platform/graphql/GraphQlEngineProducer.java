package app.premia.platform.graphql;

import app.premia.platform.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;

/** Builds the {@link GraphQlEngine} once from every {@link SchemaContribution} bean. */
@ApplicationScoped
public class GraphQlEngineProducer {

  @Inject @Any Instance<SchemaContribution> contributions;
  @Inject Settings settings;

  private volatile GraphQlEngine engine;

  /** Builds the schema while the application starts: a broken SDL fails the deployment, loudly. */
  void buildAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
    engine();
  }

  @Produces
  GraphQlEngine engine() {
    GraphQlEngine built = engine;
    if (built == null) {
      synchronized (this) {
        built = engine;
        if (built == null) {
          List<SchemaContribution> all =
              contributions.stream()
                  // platform first, then by file name: a stable order makes errors reproducible
                  .sorted(
                      Comparator.comparing(
                              (SchemaContribution c) ->
                                  !c.sdlResource().equals(GraphQlEngine.PLATFORM_SDL))
                          .thenComparing(SchemaContribution::sdlResource))
                  .toList();
          built = new GraphQlEngine(all, settings.profile());
          engine = built;
        }
      }
    }
    return built;
  }
}
