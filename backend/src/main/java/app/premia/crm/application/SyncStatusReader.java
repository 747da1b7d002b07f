package app.premia.crm.application;

import app.premia.crm.domain.SyncEntity;
import app.premia.crm.domain.SyncMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Builds the progress view from {@code crm_sync_state}: percentages, rates and ETAs. */
final class SyncStatusReader {

  private SyncStatusReader() {}

  static Views.SyncStatusView read(Connection c, UUID tenant, SyncMode running, OffsetDateTime now)
      throws SQLException {
    List<Views.EntitySyncView> entities = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT entity, phase, mode, fetched, total, quarantined, deleted, throttled_ms,"
                + " started_at, updated_at, finished_at, last_error FROM crm_sync_state"
                + " WHERE tenant_id = ?")) {
      s.setObject(1, tenant);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String phase = rs.getString(2);
          long fetched = rs.getLong(4);
          long totalValue = rs.getLong(5);
          Long total = rs.wasNull() ? null : totalValue;
          OffsetDateTime started = rs.getObject(9, OffsetDateTime.class);
          OffsetDateTime updated = rs.getObject(10, OffsetDateTime.class);
          OffsetDateTime finished = rs.getObject(11, OffsetDateTime.class);
          boolean active = "RUNNING".equals(phase);
          OffsetDateTime end = finished != null ? finished : (active ? now : updated);
          Double rate = null;
          if (started != null && end != null) {
            long millis = Math.max(1, Duration.between(started, end).toMillis());
            rate = fetched * 1000.0 / millis;
          }
          Integer percent = null;
          if ("DONE".equals(phase)) {
            percent = 100;
          } else if (total != null && total > 0) {
            percent = (int) Math.min(99, fetched * 100 / total);
          } else if (total != null) {
            percent = active ? 0 : 100;
          }
          Integer eta = null;
          if (active && total != null && rate != null && rate > 0) {
            eta = (int) Math.ceil(Math.max(0, total - fetched) / rate);
          }
          entities.add(
              new Views.EntitySyncView(
                  SyncEntity.valueOf(rs.getString(1)),
                  phase,
                  SyncMode.valueOf(rs.getString(3)),
                  fetched,
                  total,
                  percent,
                  rs.getLong(6),
                  rs.getLong(7),
                  rate,
                  rs.getLong(8),
                  eta,
                  started,
                  updated,
                  finished,
                  rs.getString(12)));
        }
      }
    }
    entities.sort(Comparator.comparing(Views.EntitySyncView::entity));
    long fetched = entities.stream().mapToLong(Views.EntitySyncView::fetched).sum();
    boolean allCounted = !entities.isEmpty() && entities.stream().allMatch(e -> e.total() != null);
    Long total =
        allCounted
            ? entities.stream().mapToLong(e -> Math.max(e.total(), e.fetched())).sum()
            : null;
    boolean busy = running != null || entities.stream().anyMatch(e -> "RUNNING".equals(e.phase()));
    int percent;
    if (entities.isEmpty()) {
      percent = 0;
    } else if (!busy) {
      percent = 100;
    } else if (total == null || total == 0) {
      percent = 0;
    } else {
      percent = (int) Math.min(99, fetched * 100 / total);
    }
    return new Views.SyncStatusView(running, fetched, total, percent, entities);
  }
}
