package app.premia.compensation.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The what-if runs ({@code comp_whatif_run}) in plain JDBC on a connection in the tenant's context
 * (row-level security confines every statement to it). A run goes QUEUED → RUNNING → DONE or
 * FAILED; its result is written together with DONE in one statement, so nobody ever reads a half
 * result.
 */
public final class WhatIfStore {

  /** A run as stored. {@code result} is set once DONE. */
  public record Run(
      UUID id,
      UUID versionId,
      int months,
      String status,
      int progressDone,
      int progressTotal,
      Instant startedAt,
      Instant finishedAt,
      String error,
      WhatIfResult result) {}

  private final Connection connection;

  public WhatIfStore(Connection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  /** A new QUEUED run of the tenant. */
  public Run queue(UUID versionId, int months, UUID createdBy, Instant now) throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO comp_whatif_run (id, tenant_id, version_id, months, status,"
                + " progress_done, progress_total, started_at, created_by)"
                + " VALUES (?, premia_current_tenant(), ?, ?, 'QUEUED', 0, ?, ?, ?)")) {
      s.setObject(1, id);
      s.setObject(2, versionId);
      s.setInt(3, months);
      s.setInt(4, months);
      s.setTimestamp(5, Timestamp.from(now));
      s.setObject(6, createdBy);
      s.executeUpdate();
    }
    return new Run(id, versionId, months, "QUEUED", 0, months, now, null, null, null);
  }

  public Optional<Run> find(UUID id) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id, version_id, months, status, progress_done, progress_total, started_at,"
                + " finished_at, error, result::text FROM comp_whatif_run WHERE id = ?")) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        Timestamp finished = r.getTimestamp(8);
        String result = r.getString(10);
        return Optional.of(
            new Run(
                r.getObject(1, UUID.class),
                r.getObject(2, UUID.class),
                r.getInt(3),
                r.getString(4),
                r.getInt(5),
                r.getInt(6),
                r.getTimestamp(7).toInstant(),
                finished == null ? null : finished.toInstant(),
                r.getString(9),
                result == null ? null : WhatIfResult.fromJson(result)));
      }
    }
  }

  /** QUEUED → RUNNING; false when the run is gone or not queued. */
  public boolean start(UUID id) throws SQLException {
    return update(
        "UPDATE comp_whatif_run SET status = 'RUNNING' WHERE id = ? AND status = 'QUEUED'", id);
  }

  /** Months done so far (RUNNING only). */
  public void progress(UUID id, int done) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE comp_whatif_run SET progress_done = ? WHERE id = ? AND status = 'RUNNING'")) {
      s.setInt(1, done);
      s.setObject(2, id);
      s.executeUpdate();
    }
  }

  /** RUNNING → DONE with the result and full progress, in one statement. */
  public boolean finish(UUID id, WhatIfResult result, Instant now) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE comp_whatif_run SET status = 'DONE', progress_done = progress_total,"
                + " result = CAST(? AS jsonb), finished_at = ?, error = NULL"
                + " WHERE id = ? AND status = 'RUNNING'")) {
      s.setString(1, result.toJson());
      s.setTimestamp(2, Timestamp.from(now));
      s.setObject(3, id);
      return s.executeUpdate() == 1;
    }
  }

  /** → FAILED with a message people may read (never a stack trace or SQL); no result. */
  public void fail(UUID id, String message, Instant now) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE comp_whatif_run SET status = 'FAILED', error = ?, finished_at = ?,"
                + " result = NULL WHERE id = ? AND status IN ('QUEUED', 'RUNNING')")) {
      s.setString(1, message);
      s.setTimestamp(2, Timestamp.from(now));
      s.setObject(3, id);
      s.executeUpdate();
    }
  }

  private boolean update(String sql, UUID id) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setObject(1, id);
      return s.executeUpdate() == 1;
    }
  }
}
