package app.premia.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one place the system clock is read. Everything else injects a {@link Clock}, so a test can
 * pin time instead of sleeping.
 */
@ApplicationScoped
public class Clocks {

  @Produces
  Clock systemClock() {
    return Clock.systemUTC();
  }
}
