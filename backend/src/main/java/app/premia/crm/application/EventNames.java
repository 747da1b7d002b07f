package app.premia.crm.application;

import app.premia.crm.domain.SyncEntity;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which synced entity a Bitrix24 event is about. */
public final class EventNames {

  /** The CRM events Premia binds, online and offline. */
  public static final java.util.List<String> FOLLOWED =
      java.util.List.of(
          "ONCRMDEALADD",
          "ONCRMDEALUPDATE",
          "ONCRMDEALDELETE",
          "ONCRMDEALMOVETOCATEGORY",
          "ONCRMLEADADD",
          "ONCRMLEADUPDATE",
          "ONCRMLEADDELETE",
          "ONCRMCONTACTADD",
          "ONCRMCONTACTUPDATE",
          "ONCRMCONTACTDELETE",
          "ONCRMCOMPANYADD",
          "ONCRMCOMPANYUPDATE",
          "ONCRMCOMPANYDELETE",
          "ONCRMACTIVITYADD",
          "ONCRMACTIVITYUPDATE",
          "ONCRMACTIVITYDELETE");

  private static final Map<String, SyncEntity> PREFIXES =
      Map.of(
          "ONCRMDEAL", SyncEntity.DEAL,
          "ONCRMLEAD", SyncEntity.LEAD,
          "ONCRMCONTACT", SyncEntity.CONTACT,
          "ONCRMCOMPANY", SyncEntity.COMPANY,
          "ONCRMACTIVITY", SyncEntity.ACTIVITY);

  private EventNames() {}

  /** The entity of a followed CRM event; empty for anything else (user fields, app events). */
  public static Optional<SyncEntity> entityOf(String event) {
    if (event == null) {
      return Optional.empty();
    }
    String name = event.toUpperCase(Locale.ROOT);
    if (!FOLLOWED.contains(name)) {
      return Optional.empty();
    }
    return PREFIXES.entrySet().stream()
        .filter(e -> name.startsWith(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
