package app.premia.platform.info;

import app.premia.platform.config.Settings;
import app.premia.platform.graphql.GraphQlEngine;
import app.premia.platform.graphql.SchemaContribution;
import graphql.schema.idl.RuntimeWiring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Contributes {@code platform.graphqls}: the root types and {@code Query.serverInfo}. */
@ApplicationScoped
public class ServerInfoSchema implements SchemaContribution {

  private static final String VERSION = BuildInfo.version();

  @Inject Settings settings;
  @Inject DatabaseFacts database;
  @Inject Clock clock;

  @Override
  public String sdlResource() {
    return GraphQlEngine.PLATFORM_SDL;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Query", type -> type.dataFetcher("serverInfo", env -> serverInfo()));
    wiring.type("Mutation", type -> type.dataFetcher("ping", env -> "pong"));
  }

  ServerInfo serverInfo() {
    DatabaseFacts.Facts facts = database.read();
    return new ServerInfo(
        "Premia",
        VERSION,
        settings.profile().id(),
        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS),
        facts.version(),
        facts.appliedMigrations());
  }
}
