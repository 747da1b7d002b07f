package app.premia.compensation.application;

import app.premia.compensation.domain.KpiLookup;
import app.premia.compensation.domain.KpiValue;
import app.premia.compensation.domain.Subject;
import app.premia.kpi.api.KpiFeed;
import app.premia.kpi.api.KpiPeriod;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts of a set of periods ({@link KpiFeed#read}) indexed for the engine: each participant's
 * {@link KpiLookup} answers in constant time, so evaluating 200 employees costs nothing beyond the
 * feed's few reads.
 *
 * <p>TEAM values are the values of the department the employee heads. A head of several departments
 * is measured on the one highest in the tree (fewest ancestors), ties by the smaller id — the head
 * of sales who also heads one of his teams is measured on the whole sales department.
 */
public final class PayrollFacts {

  private record Key(long subject, KpiPeriod period, String kpi) {}

  private final Map<Long, KpiFeed.Staff> staff = new LinkedHashMap<>();
  private final Map<Long, Long> headedTeam = new HashMap<>();
  private final Map<Long, KpiFeed.Team> teams = new HashMap<>();
  private final Map<Key, KpiFeed.EmployeeValue> employeeValues = new HashMap<>();
  private final Map<Key, KpiFeed.DepartmentValue> departmentValues = new HashMap<>();
  private final Map<Key, BigDecimal> employeePlans = new HashMap<>();
  private final Map<Key, BigDecimal> departmentPlans = new HashMap<>();

  public PayrollFacts(KpiFeed.Facts facts) {
    Objects.requireNonNull(facts, "facts");
    facts.staff().forEach(s -> staff.put(s.employeeId(), s));
    facts.teams().forEach(t -> teams.put(t.departmentId(), t));
    facts.teams().stream()
        .filter(t -> t.headEmployeeId() != null)
        .sorted(
            Comparator.comparingInt((KpiFeed.Team t) -> depth(t))
                .thenComparingLong(KpiFeed.Team::departmentId))
        .forEach(t -> headedTeam.putIfAbsent(t.headEmployeeId(), t.departmentId()));
    facts
        .employees()
        .forEach(v -> employeeValues.put(new Key(v.employeeId(), v.period(), v.kpi()), v));
    facts
        .departments()
        .forEach(v -> departmentValues.put(new Key(v.departmentId(), v.period(), v.kpi()), v));
    for (KpiFeed.PlanTarget plan : facts.plans()) {
      (plan.department() ? departmentPlans : employeePlans)
          .put(new Key(plan.subjectId(), plan.period(), plan.kpi()), plan.target());
    }
  }

  /** Ancestors of a department in the portal's tree (a cycle stops the count). */
  private int depth(KpiFeed.Team team) {
    int depth = 0;
    Long parent = team.parentId();
    while (parent != null && teams.containsKey(parent) && depth < teams.size()) {
      depth++;
      parent = teams.get(parent).parentId();
    }
    return depth;
  }

  /** Every employee of the portal, by id. */
  public List<KpiFeed.Staff> roster() {
    return List.copyOf(staff.values());
  }

  public Optional<KpiFeed.Staff> employee(long id) {
    return Optional.ofNullable(staff.get(id));
  }

  /** The department whose values are the employee's TEAM values; empty when he heads none. */
  public Optional<KpiFeed.Team> team(long employeeId) {
    return Optional.ofNullable(headedTeam.get(employeeId)).map(teams::get);
  }

  public Optional<KpiFeed.Team> department(Long id) {
    return id == null ? Optional.empty() : Optional.ofNullable(teams.get(id));
  }

  /** The engine's view of one employee's values and plans (and of his team's). */
  public KpiLookup lookup(long employeeId) {
    Long team = headedTeam.get(employeeId);
    return new KpiLookup() {
      @Override
      public KpiValue value(String kpi, Subject subject, KpiPeriod period) {
        if (subject == Subject.TEAM) {
          KpiFeed.DepartmentValue v =
              team == null ? null : departmentValues.get(new Key(team, period, kpi));
          return v == null || v.value() == null
              ? KpiValue.undefined()
              : new KpiValue(v.value(), v.facts(), 0);
        }
        KpiFeed.EmployeeValue v = employeeValues.get(new Key(employeeId, period, kpi));
        return v == null || v.value() == null
            ? KpiValue.undefined()
            : new KpiValue(v.value(), v.facts(), v.errors());
      }

      @Override
      public BigDecimal plan(String kpi, Subject subject, KpiPeriod period) {
        if (subject == Subject.TEAM) {
          return team == null ? null : departmentPlans.get(new Key(team, period, kpi));
        }
        return employeePlans.get(new Key(employeeId, period, kpi));
      }
    };
  }
}
