package app.premia.compensation.application;

import app.premia.compensation.domain.Boundaries;
import app.premia.compensation.domain.BoundaryCase;
import app.premia.compensation.domain.EmployeeResult;
import app.premia.compensation.domain.Engine;
import app.premia.compensation.domain.Participant;
import app.premia.compensation.domain.Problem;
import app.premia.compensation.domain.ProblemCode;
import app.premia.compensation.domain.SchemeCodec;
import app.premia.compensation.domain.SchemeDefinition;
import app.premia.compensation.domain.SchemeValidator;
import app.premia.kpi.api.KpiFeed;
import app.premia.kpi.api.KpiPeriod;
import app.premia.platform.errors.UserError;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The live preview of an edited, unsaved scheme definition: what each employee of the scheme would
 * earn in a closed month under it, beside what the version in force that month pays them, and the
 * boundary cases of its gates and tiers. Called on every edit in the editor (debounced), so it
 * reads only the facts of that month (a few statements through the feed) and evaluates in memory.
 *
 * <p>Who is previewed: the scheme's participants of that month ({@link Payroll}); with nobody ever
 * assigned to the scheme, every employee employed that month. The edited definition is applied over
 * exactly the same people and days as the version in force.
 */
public final class Previews {

  /** One employee: his pay under the version in force (null when none) and under the edit. */
  public record Row(
      KpiFeed.Staff employee,
      String department,
      EmployeeResult current,
      EmployeeResult edited,
      BigDecimal delta) {}

  /**
   * @param currentTotal Σ variable pay under the version in force (zero when none)
   * @param editedTotal Σ variable pay under the edited definition
   */
  public record Preview(
      KpiPeriod month,
      List<Row> rows,
      BigDecimal currentTotal,
      BigDecimal editedTotal,
      List<BoundaryCase> boundaries) {}

  /** A preview, or the reasons there is none (with the input's field paths). */
  public record Outcome(Preview preview, List<UserError> errors) {}

  private final KpiFeed feed;
  private final Clock clock;
  private final Engine engine;
  private final SchemeValidator validator;

  public Previews(KpiFeed feed, Clock clock) {
    this.feed = Objects.requireNonNull(feed, "feed");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.engine = new Engine(feed.catalogue());
    this.validator = new SchemeValidator(feed.catalogue());
  }

  /**
   * Previews an edited definition of a scheme of the tenant.
   *
   * @param connection in the tenant's context
   * @param definition the GraphQL {@code SchemeDefinitionInput} as graphql-java gives it
   * @param month a day of the month to preview (its month must be closed); null: the last closed
   *     month in the tenant's zone
   * @param locale {@code ru} or {@code en}, for the messages
   */
  public Outcome preview(
      Connection connection,
      SchemeCatalog catalog,
      UUID schemeId,
      Map<String, Object> definition,
      LocalDate month,
      String locale)
      throws SQLException {
    if (schemeId == null || catalog.scheme(schemeId).isEmpty()) {
      return refused(
          UserError.of(UserError.Code.NOT_FOUND, "Схема не найдена.", "input", "schemeId"));
    }
    SchemeCodec.Decoded decoded = SchemeCodec.decode(definition);
    List<Problem> problems =
        decoded.definition() == null
            ? decoded.problems()
            : validator.validate(decoded.definition());
    if (!problems.isEmpty()) {
      return new Outcome(null, problems.stream().map(p -> userError(p, locale)).toList());
    }
    SchemeDefinition edited = decoded.definition();
    ZoneId zone = feed.calendar(connection).zone();
    YearMonth current = YearMonth.now(clock.withZone(zone));
    YearMonth wanted = month == null ? current.minusMonths(1) : YearMonth.from(month);
    if (!wanted.isBefore(current)) {
      return refused(
          UserError.of(
              UserError.Code.INVALID,
              "Предпросмотр — только по закрытому месяцу: " + wanted + " ещё не закончился.",
              "input",
              "month"));
    }
    KpiPeriod period = KpiPeriod.month(wanted.getYear(), wanted.getMonthValue());

    PayrollFacts facts =
        new PayrollFacts(
            feed.read(connection, Payroll.periodsFor(catalog, schemeId, period, List.of(edited))));
    Payroll payroll = new Payroll(catalog, engine, facts);
    Payroll.MonthRun run = payroll.run(schemeId, period, List.of(edited));
    Map<Long, EmployeeResult> now = byEmployee(payroll.current(run));
    Map<Long, EmployeeResult> then = byEmployee(payroll.under(edited, run));

    List<Row> rows = new ArrayList<>();
    BigDecimal currentTotal = BigDecimal.ZERO.setScale(2);
    BigDecimal editedTotal = BigDecimal.ZERO.setScale(2);
    for (Participant p : run.participants()) {
      KpiFeed.Staff staff = facts.employee(p.employeeId()).orElseThrow();
      EmployeeResult before = now.get(p.employeeId());
      EmployeeResult after = then.get(p.employeeId());
      if (after == null) {
        continue;
      }
      BigDecimal was = before == null ? BigDecimal.ZERO.setScale(2) : before.variablePay();
      currentTotal = currentTotal.add(was);
      editedTotal = editedTotal.add(after.variablePay());
      rows.add(
          new Row(
              staff,
              facts.department(staff.departmentId()).map(KpiFeed.Team::name).orElse(null),
              before,
              after,
              after.variablePay().subtract(was)));
    }
    rows.sort(
        Comparator.comparing((Row r) -> r.employee().name())
            .thenComparingLong(r -> r.employee().employeeId()));
    return new Outcome(
        new Preview(period, rows, currentTotal, editedTotal, boundaries(edited)), List.of());
  }

  private List<BoundaryCase> boundaries(SchemeDefinition definition) {
    return Boundaries.of(definition, feed.catalogue());
  }

  private static Outcome refused(UserError error) {
    return new Outcome(null, List.of(error));
  }

  /** A problem of the definition as an error of the input's {@code definition} field. */
  static UserError userError(Problem problem, String locale) {
    List<String> path = new ArrayList<>(List.of("input", "definition"));
    path.addAll(problem.path());
    return new UserError(
        path,
        problem.code() == ProblemCode.REQUIRED ? UserError.Code.REQUIRED : UserError.Code.INVALID,
        problem.message().in(locale));
  }

  private static Map<Long, EmployeeResult> byEmployee(List<EmployeeResult> results) {
    return results.stream()
        .collect(Collectors.toMap(EmployeeResult::employeeId, Function.identity()));
  }
}
