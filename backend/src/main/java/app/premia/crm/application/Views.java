package app.premia.crm.application;

import app.premia.crm.domain.SyncEntity;
import app.premia.crm.domain.SyncMode;
import java.time.OffsetDateTime;
import java.util.List;

/** What the integration use cases return to the interfaces layer. */
public final class Views {

  private Views() {}

  public record PortalView(
      String mode,
      String status,
      String domain,
      String memberId,
      boolean enterprise,
      String npsField,
      LimitsView limits,
      List<PipelineView> pipelines,
      OffsetDateTime connectedAt,
      String lastError) {}

  public record PipelineView(int id, String name, boolean selected) {}

  public record LimitsView(
      double requestsPerSecond, int burst, double operatingSeconds, boolean custom) {}

  public record SyncStatusView(
      SyncMode running, long fetched, Long total, int percent, List<EntitySyncView> entities) {}

  public record EntitySyncView(
      SyncEntity entity,
      String phase,
      SyncMode mode,
      long fetched,
      Long total,
      Integer percent,
      long quarantined,
      long deleted,
      Double rowsPerSecond,
      long throttledMs,
      Integer etaSeconds,
      OffsetDateTime startedAt,
      OffsetDateTime updatedAt,
      OffsetDateTime finishedAt,
      String lastError) {}

  public record QuarantineView(
      SyncEntity entity,
      String rawId,
      String reason,
      String rawExcerpt,
      OffsetDateTime firstSeenAt,
      OffsetDateTime lastSeenAt,
      int occurrences) {}

  public record ProbeView(
      String domain,
      String userName,
      boolean admin,
      List<String> scopes,
      List<String> missingScopes,
      List<PipelineView> pipelines,
      long deals) {}
}
