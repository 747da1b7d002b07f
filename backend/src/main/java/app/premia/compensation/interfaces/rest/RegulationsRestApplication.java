package app.premia.compensation.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The regulations as files: {@code /api/regulations/{id}/pdf} (see RegulationsResource). */
@ApplicationPath("api/regulations")
public class RegulationsRestApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(RegulationsResource.class);
  }
}
