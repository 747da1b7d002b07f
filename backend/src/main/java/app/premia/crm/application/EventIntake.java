package app.premia.crm.application;

import app.premia.crm.domain.SyncEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Takes Bitrix24 event deliveries: authenticates them by the portal's application token (compared
 * in constant time, never logged), queues "object X changed" and answers at once. The object's
 * current state is fetched and applied later by {@link SyncEngine#drainAsync}; duplicates and
 * reordering change nothing because the current state is what gets written.
 */
@ApplicationScoped
public class EventIntake {

  private static final Logger LOG = Logger.getLogger(EventIntake.class.getName());

  /** What became of a delivery. */
  public enum Verdict {
    /** Queued (or acted on). */
    ACCEPTED,
    /** Authentic but not an event Premia follows. */
    IGNORED,
    /** Unknown portal, wrong or missing application token: nothing changed. */
    REJECTED_AUTH,
    /** Authentic but malformed (e.g. no object id): nothing changed. */
    REJECTED_INPUT
  }

  @Inject SyncTransactions tx;
  @Inject SyncEngine engine;
  @Inject PortalInstalls installs;

  public Verdict accept(String event, String memberId, String applicationToken, String objectId) {
    if (memberId == null || memberId.isBlank() || memberId.length() > 64) {
      return Verdict.REJECTED_AUTH;
    }
    Optional<SyncTransactions.Registration> registration = tx.registration(memberId.trim());
    byte[] storedHash =
        registration.map(SyncTransactions.Registration::applicationTokenHash).orElse(null);
    boolean authentic = PortalInstalls.tokenMatches(applicationToken, storedHash);
    if (!authentic || !registration.get().active()) {
      LOG.warning("Rejected a Bitrix24 event delivery: unknown portal or wrong application token");
      return Verdict.REJECTED_AUTH;
    }
    PortalTenant tenant = registration.get().tenant();
    String name = event == null ? "" : event.trim().toUpperCase(Locale.ROOT);
    switch (name) {
      case "ONAPPUNINSTALL" -> {
        installs.uninstalled(tenant);
        return Verdict.ACCEPTED;
      }
      case "ONOFFLINEEVENT" -> {
        engine.pollOfflineEventsAsync(tenant);
        return Verdict.ACCEPTED;
      }
      default -> {
        Optional<SyncEntity> entity = EventNames.entityOf(name);
        if (entity.isEmpty()) {
          return Verdict.IGNORED;
        }
        long id = parseId(objectId);
        if (id <= 0) {
          return Verdict.REJECTED_INPUT;
        }
        tx.enqueue(tenant, List.of(new PortalSession.EventHint(name, id)));
        engine.drainAsync(tenant);
        return Verdict.ACCEPTED;
      }
    }
  }

  private static long parseId(String text) {
    if (text == null || !text.trim().matches("[0-9]{1,18}")) {
      return -1;
    }
    return Long.parseLong(text.trim());
  }
}
