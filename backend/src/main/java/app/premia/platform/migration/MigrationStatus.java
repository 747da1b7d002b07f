package app.premia.platform.migration;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/** The current {@link MigrationState}, shared by the migrator and the readiness check. */
@ApplicationScoped
public class MigrationStatus {

  private final AtomicReference<MigrationState> state =
      new AtomicReference<>(MigrationState.pending(java.time.Instant.EPOCH));

  public MigrationState current() {
    return state.get();
  }

  void set(MigrationState next) {
    state.set(next);
  }
}
