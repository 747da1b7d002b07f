package app.premia.crm.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** Endpoints Bitrix24 portals call: event deliveries and the app install callback. */
@ApplicationPath("api/bitrix")
public class BitrixApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(BitrixResource.class);
  }
}
