package app.premia.platform.graphql;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The JAX-RS application serving {@code /graphql}. Its classes are listed explicitly so that a
 * second JAX-RS application (REST endpoints for Bitrix24 callbacks, file downloads) can live beside
 * it without either picking up the other's resources.
 */
@ApplicationPath("graphql")
public class GraphQlApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(GraphQlResource.class);
  }
}
