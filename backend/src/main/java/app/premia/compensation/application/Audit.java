package app.premia.compensation.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Where the compensation use cases record who changed what: one audit line per change, in the
 * change's own transaction (so a line exists exactly when the change does).
 */
@FunctionalInterface
public interface Audit {

  /**
   * Records one change.
   *
   * @param action {@code entity.verb}, e.g. {@code scheme_version.published}
   * @param entityId the changed thing's id
   * @param before JSON of the state before, or null
   * @param after JSON of the state after, or null
   */
  void record(String action, String entityId, String before, String after) throws SQLException;

  /** Writes nothing (tests that do not look at the audit log). */
  Audit NONE = (action, entityId, before, after) -> {};

  /**
   * Writes {@code audit_event} rows on the given connection: for the connection's tenant when
   * {@code consultancyId} is null, else as a consultancy-level line (the template library).
   */
  static Audit jdbc(Connection connection, UUID consultancyId, UUID actor, Clock clock) {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(clock, "clock");
    return (action, entityId, before, after) -> {
      String scope =
          consultancyId == null ? "premia_current_tenant(), NULL" : "NULL, CAST(? AS uuid)";
      try (PreparedStatement s =
          connection.prepareStatement(
              "INSERT INTO audit_event (tenant_id, consultancy_id, actor_user_id, occurred_at,"
                  + " action, entity_type, entity_id, before_state, after_state, correlation_id)"
                  + " VALUES ("
                  + scope
                  + ", ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), NULL)")) {
        int i = 1;
        if (consultancyId != null) {
          s.setString(i++, consultancyId.toString());
        }
        s.setObject(i++, actor);
        s.setTimestamp(i++, Timestamp.from(clock.instant()));
        s.setString(i++, action);
        s.setString(i++, action.substring(0, action.indexOf('.')));
        s.setString(i++, entityId);
        s.setString(i++, before);
        s.setString(i, after);
        s.executeUpdate();
      }
    };
  }
}
