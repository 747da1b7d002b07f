package app.premia.compensation.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** Compensation endpoints that are files rather than GraphQL: the payout run exports. */
@ApplicationPath("api/payouts")
public class CompensationRestApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(PayoutExportResource.class);
  }
}
