package app.premia.compensation.application;

import app.premia.compensation.application.SchemeCatalog.VersionView;
import app.premia.kpi.api.KpiFeed;
import app.premia.kpi.api.KpiPeriod;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one what-if replay to its end, month by month, each month a unit of work of its own (read
 * the month's facts, evaluate, advance the progress, commit) so the progress bar moves as months
 * are done; then the result and DONE in one last unit. Any failure ends the run FAILED with a
 * message people may read (the cause is logged); the months computed so far are dropped, nothing
 * partial is stored.
 */
public final class WhatIfJob {

  private static final Logger LOG = Logger.getLogger(WhatIfJob.class.getName());

  /** The message of a failed run (the cause goes to the log only). */
  public static final String FAILED =
      "Расчёт «что если» не удался. Попробуйте ещё раз; если ошибка повторится, обратитесь в"
          + " поддержку.";

  /** Where the job's units of work run: each call one committed transaction in the tenant. */
  @FunctionalInterface
  public interface Units {
    <T> T inTransaction(Work<T> work);
  }

  /** One unit of work on a connection in the tenant's context and the tenant's catalogue. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection, SchemeCatalog catalog) throws SQLException;
  }

  private final Units units;
  private final KpiFeed feed;
  private final Clock clock;

  public WhatIfJob(Units units, KpiFeed feed, Clock clock) {
    this.units = Objects.requireNonNull(units, "units");
    this.feed = Objects.requireNonNull(feed, "feed");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  private record Start(VersionView version, List<KpiPeriod> months) {}

  /** Runs the queued run; returns its final status (DONE, FAILED, or SKIPPED when not queued). */
  public String run(UUID runId) {
    try {
      Start start =
          units.inTransaction(
              (c, catalog) -> {
                WhatIfStore store = new WhatIfStore(c);
                WhatIfStore.Run run = store.find(runId).orElse(null);
                if (run == null || !store.start(runId)) {
                  return null;
                }
                VersionView version =
                    catalog
                        .version(run.versionId())
                        .orElseThrow(() -> new IllegalStateException("version gone"));
                ZoneId zone = feed.calendar(c).zone();
                return new Start(version, WhatIfReplay.lastClosedMonths(zone, clock, run.months()));
              });
      if (start == null) {
        return "SKIPPED";
      }
      WhatIfReplay replay = new WhatIfReplay(feed);
      List<WhatIfResult.MonthResult> months = new ArrayList<>();
      for (KpiPeriod month : start.months()) {
        int done = months.size() + 1;
        months.add(
            units.inTransaction(
                (c, catalog) -> {
                  WhatIfResult.MonthResult result =
                      replay.month(c, catalog, start.version(), month);
                  new WhatIfStore(c).progress(runId, done);
                  return result;
                }));
      }
      WhatIfResult result = WhatIfResult.of(months);
      units.inTransaction(
          (c, catalog) -> new WhatIfStore(c).finish(runId, result, clock.instant()));
      return "DONE";
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "What-if run " + runId + " failed", e);
      try {
        units.inTransaction(
            (c, catalog) -> {
              new WhatIfStore(c).fail(runId, FAILED, clock.instant());
              return null;
            });
      } catch (RuntimeException again) {
        LOG.log(Level.WARNING, "Recording the failure of what-if run " + runId + " failed", again);
      }
      return "FAILED";
    }
  }
}
