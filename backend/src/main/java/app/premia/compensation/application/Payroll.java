package app.premia.compensation.application;

import app.premia.compensation.application.SchemeCatalog.AssignmentView;
import app.premia.compensation.application.SchemeCatalog.VersionView;
import app.premia.compensation.domain.Component;
import app.premia.compensation.domain.EmployeeResult;
import app.premia.compensation.domain.Engine;
import app.premia.compensation.domain.Participant;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.kpi.api.KpiPeriod;
import app.premia.kpi.api.KpiPeriodKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One scheme's monthly runs over the tenant's facts: which version was in force, who was on it and
 * for which days ({@link Participants}), and what the engine makes of it — under that version (what
 * was or will be paid) or under another definition over the same people and days (a preview, a
 * what-if replay). Closed months keep their version: the version in force in a month is the
 * published one with the latest effective day not after the month's first day, and a version
 * published later takes effect only from its own month.
 */
public final class Payroll {

  /** Every assignment, whatever its dates (the catalogue's range query, unbounded). */
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

  /**
   * The people and days of one scheme's run of one month.
   *
   * @param inForce the published version in force in the month; empty before the first
   * @param participants the engine's participants (shared by every definition evaluated)
   */
  public record MonthRun(
      KpiPeriod month, Optional<VersionView> inForce, List<Participant> participants) {}

  private final SchemeCatalog catalog;
  private final Engine engine;
  private final PayrollFacts facts;

  /**
   * @param facts the facts of at least {@link #periodsFor(SchemeCatalog, UUID, KpiPeriod,
   *     Collection)} of every month run
   */
  public Payroll(SchemeCatalog catalog, Engine engine, PayrollFacts facts) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.facts = Objects.requireNonNull(facts, "facts");
  }

  /**
   * The periods whose values a run of the month under these definitions reads: the month and the
   * one before, and for every quarterly or annual component whose period closes in the month that
   * period and the one before (growth gates and {@code prev_} variables). Nothing else: a period
   * the KPI store does not hold is measured live, so asking for a year no component pays on would
   * cost a live measurement for nothing.
   */
  public static List<KpiPeriod> periodsFor(
      KpiPeriod month, Collection<SchemeDefinition> definitions) {
    TreeSet<KpiPeriod> periods = new TreeSet<>();
    periods.add(month);
    periods.add(month.previous());
    for (SchemeDefinition definition : definitions) {
      for (Component component : definition.components()) {
        KpiPeriod p = KpiPeriod.containing(month.firstDay(), component.frequency().periodKind());
        if (p.lastDay().equals(month.lastDay())) {
          periods.add(p);
          periods.add(p.previous());
        }
      }
    }
    return List.copyOf(periods);
  }

  /**
   * The periods a run of the month reads for the scheme: {@link #periodsFor(KpiPeriod, Collection)}
   * of these definitions and of the versions of the scheme in force in the month.
   */
  public static List<KpiPeriod> periodsFor(
      SchemeCatalog catalog, UUID schemeId, KpiPeriod month, Collection<SchemeDefinition> others) {
    List<SchemeDefinition> definitions = new ArrayList<>(others);
    catalog.inForce(schemeId, month.firstDay()).ifPresent(v -> definitions.add(v.definition()));
    return periodsFor(month, definitions);
  }

  /**
   * The run of the scheme in the month: the version in force, and the participants for it and for
   * the other definitions that will be evaluated over the same people (whose quarterly or annual
   * components may widen the window).
   */
  public MonthRun run(UUID schemeId, KpiPeriod month, Collection<SchemeDefinition> others) {
    if (month.kind() != KpiPeriodKind.MONTH) {
      throw new IllegalArgumentException("a run is monthly: " + month);
    }
    Optional<VersionView> inForce = catalog.inForce(schemeId, month.firstDay());
    List<SchemeDefinition> definitions = new ArrayList<>(others);
    inForce.ifPresent(v -> definitions.add(v.definition()));
    Participants.Days window =
        new Participants.Days(Participants.windowStart(month, definitions), month.lastDay());
    Participants.Days validity =
        inForce.map(v -> validity(schemeId, v)).orElse(new Participants.Days(null, null));
    List<AssignmentView> assignments =
        catalog.assignments(EARLIEST, LATEST).stream()
            .filter(a -> a.schemeId().equals(schemeId))
            .toList();
    return new MonthRun(month, inForce, Participants.of(window, validity, assignments, facts));
  }

  /** What the version in force pays in the run (empty when none was in force). */
  public List<EmployeeResult> current(MonthRun run) {
    return run.inForce().map(v -> under(v.definition(), run)).orElse(List.of());
  }

  /** What a definition would pay over the run's participants. */
  public List<EmployeeResult> under(SchemeDefinition definition, MonthRun run) {
    if (run.participants().isEmpty()) {
      return List.of();
    }
    return engine.evaluate(definition, run.month(), run.participants());
  }

  /**
   * The days a published version is in force: from its effective day to the day before the next
   * published version's effective day (open when it is the latest).
   */
  Participants.Days validity(UUID schemeId, VersionView version) {
    LocalDate next = null;
    for (VersionView other : catalog.versions(schemeId)) {
      if (other.published()
          && other.effectiveFrom().isAfter(version.effectiveFrom())
          && (next == null || other.effectiveFrom().isBefore(next))) {
        next = other.effectiveFrom();
      }
    }
    return new Participants.Days(version.effectiveFrom(), next == null ? null : next.minusDays(1));
  }

  public PayrollFacts facts() {
    return facts;
  }
}
