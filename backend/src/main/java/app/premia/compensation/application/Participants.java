package app.premia.compensation.application;

import app.premia.compensation.application.SchemeCatalog.AssignmentView;
import app.premia.compensation.domain.Component;
import app.premia.compensation.domain.Participant;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.kpi.api.KpiFeed;
import app.premia.kpi.api.KpiPeriod;
import app.premia.kpi.api.KpiPeriodKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who one scheme version's monthly run is about, and for which days — the engine's {@link
 * Participant}s. Pure: the caller brings the assignments and the facts.
 *
 * <p>The run of month M covers the <em>window</em> from the first day of the longest component
 * period that closes in M (a quarter in March, a year in December; M itself otherwise) to M's last
 * day, because a quarterly component paid in March is prorated over the quarter's days. A
 * participant's days are his assignment to the scheme ∩ the window ∩ the version's validity (from
 * its effective day to the day before the next published version's) ∩ his employment (hire day to
 * dismissal day, both inclusive, as the KPI context counts them). An employee with two assignments
 * to the scheme in the window (left it and came back) is one participant from the first day to the
 * last. Assignments of people the portal does not list are left out (no values exist for them).
 *
 * <p>With nobody ever assigned to the scheme, the run is about every employee employed on some day
 * of the window (a preview or what-if of a scheme before anyone is put on it).
 */
public final class Participants {

  private Participants() {}

  /** A range of days, both inclusive; {@code to} null = open. */
  public record Days(LocalDate from, LocalDate to) {

    /** The overlap, or null when there is none. */
    Days intersect(LocalDate otherFrom, LocalDate otherTo) {
      LocalDate f =
          otherFrom == null || (from != null && from.isAfter(otherFrom)) ? from : otherFrom;
      LocalDate t = otherTo == null || (to != null && to.isBefore(otherTo)) ? to : otherTo;
      return f != null && t != null && f.isAfter(t) ? null : new Days(f, t);
    }
  }

  /**
   * The first day of the run's window: the earliest first day of a component period of these
   * definitions that closes in the month.
   */
  public static LocalDate windowStart(KpiPeriod month, Collection<SchemeDefinition> definitions) {
    LocalDate start = month.firstDay();
    for (SchemeDefinition definition : definitions) {
      for (Component component : definition.components()) {
        KpiPeriodKind kind = component.frequency().periodKind();
        KpiPeriod period = KpiPeriod.containing(month.firstDay(), kind);
        if (period.lastDay().equals(month.lastDay()) && period.firstDay().isBefore(start)) {
          start = period.firstDay();
        }
      }
    }
    return start;
  }

  /**
   * The participants of a scheme's run of a month.
   *
   * @param window the run's days (see {@link #windowStart}; ends on the month's last day)
   * @param validity the days the version is in force (null ends: open)
   * @param assignments every assignment of this scheme, any dates (empty: nobody was ever put on
   *     it)
   * @param facts the roster and values
   */
  public static List<Participant> of(
      Days window, Days validity, List<AssignmentView> assignments, PayrollFacts facts) {
    Days span = window.intersect(validity.from(), validity.to());
    if (span == null) {
      return List.of();
    }
    Map<Long, Days> days = new TreeMap<>();
    if (assignments.isEmpty()) {
      for (KpiFeed.Staff staff : facts.roster()) {
        Days on = span.intersect(staff.hiredOn(), staff.firedOn());
        if (on != null) {
          days.put(staff.employeeId(), on);
        }
      }
    } else {
      for (AssignmentView assignment : assignments) {
        KpiFeed.Staff staff = facts.employee(assignment.employeeId()).orElse(null);
        if (staff == null) {
          continue;
        }
        Days on = span.intersect(assignment.validFrom(), assignment.validTo());
        on = on == null ? null : on.intersect(staff.hiredOn(), staff.firedOn());
        if (on != null) {
          days.merge(
              staff.employeeId(),
              on,
              (a, b) ->
                  new Days(
                      a.from().isBefore(b.from()) ? a.from() : b.from(),
                      a.to().isAfter(b.to()) ? a.to() : b.to()));
        }
      }
    }
    List<Participant> result = new ArrayList<>();
    for (Map.Entry<Long, Days> e : days.entrySet()) {
      KpiFeed.Staff staff = facts.employee(e.getKey()).orElseThrow();
      result.add(
          new Participant(
              staff.employeeId(),
              staff.name(),
              staff.hiredOn(),
              e.getValue().from(),
              e.getValue().to(),
              facts.team(staff.employeeId()).isPresent(),
              facts.lookup(staff.employeeId())));
    }
    return result;
  }
}
