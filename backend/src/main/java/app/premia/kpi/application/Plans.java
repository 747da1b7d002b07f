package app.premia.kpi.application;

import app.premia.kpi.domain.Attainment;
import app.premia.kpi.domain.Kpi;
import app.premia.kpi.domain.KpiScope;
import app.premia.kpi.domain.KpiUnit;
import app.premia.kpi.domain.Measurement;
import app.premia.kpi.domain.Period;
import app.premia.kpi.domain.PeriodType;
import app.premia.kpi.domain.Plan;
import app.premia.kpi.domain.PlanSubjectKind;
import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Plans (targets) of KPIs per employee or department per period, in plain JDBC on a connection
 * whose tenant settings ({@code app.tenant_id}) are set, like {@link KpiSql}: row-level security
 * confines every statement to that tenant. The caller owns the transaction; every command validates
 * all its input before its first write, so a refused command writes nothing.
 *
 * <p>Plans are history: a change to the plan of a <em>closed</em> period (one whose end is not
 * after now, in the tenant's time zone) is allowed and recorded through the {@link Audit} hook with
 * the state before and after; a change to an open or future period is not audited.
 */
public final class Plans {

  /**
   * The KPIs a plan may be set for: money and count KPIs, and the percentages where "more is
   * better" and a single number per period exists. Not plannable: NPS (a score from −100 to 100, a
   * negative target makes "actual ÷ plan" meaningless), team plan fulfilment (it is itself an
   * attainment), staff turnover (less is better: actual ÷ plan above 1 would be a failure) and
   * funnel conversion per stage (one value per pipeline stage, not one per period).
   */
  public static final Set<Kpi> PLANNABLE =
      EnumSet.of(
          Kpi.SALES_VOLUME,
          Kpi.DEALS_WON,
          Kpi.AVERAGE_DEAL,
          Kpi.LEAD_CONVERSION,
          Kpi.RETENTION,
          Kpi.REPEAT_SALES,
          Kpi.NEW_CLIENTS,
          Kpi.LTV,
          Kpi.ACTIVITY_CALLS,
          Kpi.ACTIVITY_MEETINGS,
          Kpi.ACTIVITY_EMAILS,
          Kpi.ACTIVITY_TOTAL,
          Kpi.AVERAGE_SALES_PER_MANAGER);

  /** The audit entity type of plans. */
  public static final String ENTITY_TYPE = "kpi_plan";

  /** Audit action: a closed period's plan was set or changed. */
  public static final String ACTION_SET = "kpi_plan.set";

  /** Audit action: a closed period's plan was removed. */
  public static final String ACTION_CLEARED = "kpi_plan.cleared";

  /** Audit action: a plan was copied into a closed period. */
  public static final String ACTION_COPIED = "kpi_plan.copied";

  private static final int TARGET_SCALE = 4;
  private static final int TARGET_INTEGER_DIGITS = 14; // numeric(18, 4)
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private static final String COLUMNS =
      "id, kpi, subject_kind, subject_id, period_kind, period_start, target, updated_at,"
          + " updated_by";

  /**
   * Records a change in the audit log, in the caller's transaction (like {@code
   * platform.audit.AuditLog#record}). The tenant is the connection's.
   */
  @FunctionalInterface
  public interface Audit {
    /**
     * @param action {@link #ACTION_SET}, {@link #ACTION_CLEARED} or {@link #ACTION_COPIED}
     * @param entityId the plan's id
     * @param before JSON of the plan before (null: there was none)
     * @param after JSON of the plan after (null: removed)
     */
    void record(String action, String entityId, String before, String after) throws SQLException;
  }

  /** What {@link #copyToNext} did. */
  public record CopyResult(Period from, Period to, int copied, int skipped) {}

  /**
   * An {@link Audit} that inserts into {@code audit_event} with the columns {@code
   * platform.audit.AuditLog} writes, on the same connection (so in the same transaction). The
   * entity type is the action's prefix before its first dot: {@value #ENTITY_TYPE} for the plans'
   * actions, {@code kpi_settings} for {@link KpiSettings#ACTION_UPDATED}.
   *
   * @param actor the acting user ({@code app_user.id}), null for the system
   */
  public static Audit jdbcAudit(Connection connection, UUID actor, Clock clock) {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(clock, "clock");
    return (action, entityId, before, after) -> {
      try (PreparedStatement s =
          connection.prepareStatement(
              "INSERT INTO audit_event (tenant_id, consultancy_id, actor_user_id, occurred_at,"
                  + " action, entity_type, entity_id, before_state, after_state, correlation_id)"
                  + " VALUES (premia_current_tenant(), NULL, ?, ?, ?, ?, ?, CAST(? AS jsonb),"
                  + " CAST(? AS jsonb), NULL)")) {
        s.setObject(1, actor);
        s.setTimestamp(2, Timestamp.from(clock.instant()));
        s.setString(3, action);
        s.setString(4, entityType(action));
        s.setString(5, entityId);
        s.setString(6, before);
        s.setString(7, after);
        s.executeUpdate();
      }
    };
  }

  /** The entity type an audit action names: its prefix before the first dot. */
  static String entityType(String action) {
    int dot = action.indexOf('.');
    if (dot <= 0) {
      throw new IllegalArgumentException("an audit action is entity.verb: " + action);
    }
    return action.substring(0, dot);
  }

  private final Connection connection;
  private final Audit audit;
  private final Clock clock;

  /**
   * @param connection a connection in the tenant's context (its {@code app.tenant_id} set)
   * @param audit where changes of closed periods are recorded
   * @param clock "now", which decides whether a period is closed
   */
  public Plans(Connection connection, Audit audit, Clock clock) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Whether the period has ended (its end is not after now). */
  public boolean closed(Period period) {
    return !period.end().isAfter(clock.instant());
  }

  /**
   * Sets (creates or changes) the target of a KPI for a subject in a period. Setting the target it
   * already has changes nothing and records nothing.
   *
   * @param kpiCode the KPI's code (must be in {@link #PLANNABLE})
   * @param subjectKind employee or department; a department-scoped KPI takes only departments
   * @param subjectId the Bitrix24 user or department id, positive
   * @param periodKind month, quarter or year
   * @param periodStart the period's first day (in the tenant's calendar)
   * @param target non-negative, at most 4 decimals; a whole number for a count KPI; at most 100 for
   *     a percentage
   * @param actor the acting user, null for the system
   * @return the plan as stored
   * @throws BusinessRuleException when the input is refused; nothing is written then
   */
  public Plan set(
      String kpiCode,
      PlanSubjectKind subjectKind,
      long subjectId,
      PeriodType periodKind,
      LocalDate periodStart,
      BigDecimal target,
      UUID actor)
      throws SQLException {
    List<UserError> errors = new ArrayList<>();
    Kpi kpi = validateKey(kpiCode, subjectKind, subjectId, periodKind, periodStart, errors);
    validateTarget(kpi, target, errors);
    if (!errors.isEmpty()) {
      throw new BusinessRuleException(errors);
    }
    Period period = new Period(periodKind, periodStart, tenantZone());
    BigDecimal stored = target.setScale(TARGET_SCALE);
    Optional<Plan> before = find(kpi, subjectKind, subjectId, period);
    if (before.isPresent() && before.get().target().compareTo(stored) == 0) {
      return before.get();
    }
    Instant now = clock.instant();
    Plan after;
    if (before.isPresent()) {
      try (PreparedStatement s =
          connection.prepareStatement(
              "UPDATE kpi_plan SET target = ?, updated_at = ?, updated_by = ? WHERE id = ?")) {
        s.setBigDecimal(1, stored);
        s.setTimestamp(2, Timestamp.from(now));
        s.setObject(3, actor);
        s.setObject(4, before.get().id());
        s.executeUpdate();
      }
      after = new Plan(before.get().id(), kpi, subjectKind, subjectId, period, stored, now, actor);
    } else {
      after = new Plan(UUID.randomUUID(), kpi, subjectKind, subjectId, period, stored, now, actor);
      if (!insert(after)) {
        // another transaction set the same key since the read above: refuse rather than overwrite
        // a target this user has not seen
        throw new BusinessRuleException(
            UserError.of(
                UserError.Code.CONFLICT,
                "План только что задан другим пользователем: обновите страницу.",
                "target"));
      }
    }
    if (closed(period)) {
      audit.record(
          ACTION_SET, after.id().toString(), before.map(Plans::json).orElse(null), json(after));
    }
    return after;
  }

  /**
   * Removes the target of a KPI for a subject in a period.
   *
   * @return whether there was a plan to remove
   * @throws BusinessRuleException when the key is refused; nothing is written then
   */
  public boolean clear(
      String kpiCode,
      PlanSubjectKind subjectKind,
      long subjectId,
      PeriodType periodKind,
      LocalDate periodStart,
      UUID actor)
      throws SQLException {
    List<UserError> errors = new ArrayList<>();
    Kpi kpi = validateKey(kpiCode, subjectKind, subjectId, periodKind, periodStart, errors);
    if (!errors.isEmpty()) {
      throw new BusinessRuleException(errors);
    }
    Period period = new Period(periodKind, periodStart, tenantZone());
    Optional<Plan> before = find(kpi, subjectKind, subjectId, period);
    if (before.isEmpty()) {
      return false;
    }
    try (PreparedStatement s = connection.prepareStatement("DELETE FROM kpi_plan WHERE id = ?")) {
      s.setObject(1, before.get().id());
      s.executeUpdate();
    }
    if (closed(period)) {
      audit.record(ACTION_CLEARED, before.get().id().toString(), json(before.get()), null);
    }
    return true;
  }

  /** Every plan of the period, ordered by KPI code, subject kind and subject id. */
  public List<Plan> list(Period period) throws SQLException {
    requireTenantZone(period);
    List<Plan> plans = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM kpi_plan WHERE period_kind = ? AND period_start = ?"
                + " ORDER BY kpi, subject_kind, subject_id")) {
      s.setString(1, period.type().name());
      s.setDate(2, Date.valueOf(period.firstDay()));
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          plan(rows, period.zone()).ifPresent(plans::add);
        }
      }
    }
    return plans;
  }

  /**
   * Copies every plan of the period to the next period of the same kind; a plan the next period
   * already has (same KPI and subject) is kept and counted as skipped. Copies into a closed period
   * are audited one by one.
   */
  public CopyResult copyToNext(Period from, UUID actor) throws SQLException {
    requireTenantZone(from);
    Period to = from.next();
    List<Plan> source = list(from);
    Instant now = clock.instant();
    int copied = 0;
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO kpi_plan (tenant_id, "
                + COLUMNS
                + ") SELECT premia_current_tenant(), ?, kpi, subject_kind, subject_id, period_kind,"
                + " ?, target, ?, ? FROM kpi_plan WHERE id = ?"
                + " ON CONFLICT (tenant_id, kpi, subject_kind, subject_id, period_kind, period_start)"
                + " DO NOTHING")) {
      for (Plan plan : source) {
        UUID id = UUID.randomUUID();
        s.setObject(1, id);
        s.setDate(2, Date.valueOf(to.firstDay()));
        s.setTimestamp(3, Timestamp.from(now));
        s.setObject(4, actor);
        s.setObject(5, plan.id());
        if (s.executeUpdate() == 1) {
          copied++;
          if (closed(to)) {
            Plan copy =
                new Plan(
                    id,
                    plan.kpi(),
                    plan.subjectKind(),
                    plan.subjectId(),
                    to,
                    plan.target(),
                    now,
                    actor);
            audit.record(ACTION_COPIED, id.toString(), null, json(copy));
          }
        }
      }
    }
    return new CopyResult(from, to, copied, source.size() - copied);
  }

  /**
   * The attainment of every plan of the period: the KPI's actual value ({@link KpiSql}) ÷ the
   * target. The actual is known for employee plans of the KPIs {@link KpiSql} measures and for
   * employees it measures in the period (employed in it, or with facts in it); otherwise, and for
   * department plans (department measurement is not there yet), it is undefined.
   */
  public List<Attainment> attainment(Period period) throws SQLException {
    List<Plan> plans = list(period);
    boolean measurable =
        plans.stream()
            .anyMatch(
                p ->
                    p.subjectKind() == PlanSubjectKind.EMPLOYEE
                        && KpiSql.MEASURED.contains(p.kpi()));
    Map<String, BigDecimal> actuals = new HashMap<>();
    if (measurable) {
      for (Measurement m : new KpiSql(connection).measure(List.of(period))) {
        actuals.put(m.employeeId() + "|" + m.kpi().code(), m.value());
      }
    }
    List<Attainment> result = new ArrayList<>();
    for (Plan plan : plans) {
      BigDecimal actual =
          plan.subjectKind() == PlanSubjectKind.EMPLOYEE
              ? actuals.get(plan.subjectId() + "|" + plan.kpi().code())
              : null;
      result.add(Attainment.of(plan, actual));
    }
    return result;
  }

  // -----------------------------------------------------------------------------------------------

  /**
   * The errors {@link #set} refuses this input with, without reading or writing anything (a
   * concurrent {@code CONFLICT} aside): for checking a batch before its first write.
   */
  static List<UserError> validateSet(
      String kpiCode,
      PlanSubjectKind subjectKind,
      long subjectId,
      PeriodType periodKind,
      LocalDate periodStart,
      BigDecimal target) {
    List<UserError> errors = new ArrayList<>();
    Kpi kpi = validateKey(kpiCode, subjectKind, subjectId, periodKind, periodStart, errors);
    validateTarget(kpi, target, errors);
    return errors;
  }

  /** The connection the plans are read and written on (in the tenant's context). */
  Connection connection() {
    return connection;
  }

  private static Kpi validateKey(
      String kpiCode,
      PlanSubjectKind subjectKind,
      long subjectId,
      PeriodType periodKind,
      LocalDate periodStart,
      List<UserError> errors) {
    Kpi kpi = null;
    if (kpiCode == null || kpiCode.isBlank()) {
      errors.add(UserError.of(UserError.Code.REQUIRED, "Укажите показатель.", "kpi"));
    } else {
      kpi = Kpi.byCode(kpiCode).orElse(null);
      if (kpi == null) {
        errors.add(
            UserError.of(UserError.Code.NOT_FOUND, "Нет показателя «" + kpiCode + "».", "kpi"));
      } else if (!PLANNABLE.contains(kpi)) {
        errors.add(
            UserError.of(
                UserError.Code.INVALID,
                "Для показателя «" + kpi.nameRu() + "» план не задаётся.",
                "kpi"));
      }
    }
    if (subjectKind == null) {
      errors.add(
          UserError.of(UserError.Code.REQUIRED, "Укажите сотрудника или отдел.", "subjectKind"));
    } else if (kpi != null
        && kpi.scope() == KpiScope.DEPARTMENT
        && subjectKind != PlanSubjectKind.DEPARTMENT) {
      errors.add(
          UserError.of(
              UserError.Code.INVALID,
              "Показатель «" + kpi.nameRu() + "» — показатель отдела: план задаётся отделу.",
              "subjectKind"));
    }
    if (subjectId <= 0) {
      errors.add(
          UserError.of(
              UserError.Code.INVALID, "Неверный номер сотрудника или отдела.", "subjectId"));
    }
    if (periodKind == null) {
      errors.add(UserError.of(UserError.Code.REQUIRED, "Укажите вид периода.", "periodKind"));
    }
    if (periodStart == null) {
      errors.add(UserError.of(UserError.Code.REQUIRED, "Укажите период.", "periodStart"));
    } else if (periodKind != null
        && (periodStart.getDayOfMonth() != 1
            || (periodStart.getMonthValue() - 1) % periodKind.months() != 0)) {
      errors.add(
          UserError.of(
              UserError.Code.INVALID,
              "Период должен начинаться с первого дня "
                  + switch (periodKind) {
                    case MONTH -> "месяца";
                    case QUARTER -> "квартала";
                    case YEAR -> "года";
                  }
                  + ".",
              "periodStart"));
    }
    return kpi;
  }

  private static void validateTarget(Kpi kpi, BigDecimal target, List<UserError> errors) {
    if (target == null) {
      errors.add(UserError.of(UserError.Code.REQUIRED, "Укажите план.", "target"));
      return;
    }
    if (target.signum() < 0) {
      errors.add(
          UserError.of(UserError.Code.INVALID, "План не может быть отрицательным.", "target"));
      return;
    }
    BigDecimal plain = target.stripTrailingZeros();
    if (plain.scale() > TARGET_SCALE) {
      errors.add(
          UserError.of(
              UserError.Code.INVALID, "План — не более 4 знаков после запятой.", "target"));
      return;
    }
    if (plain.precision() - plain.scale() > TARGET_INTEGER_DIGITS) {
      errors.add(UserError.of(UserError.Code.INVALID, "План слишком велик.", "target"));
      return;
    }
    if (kpi == null) {
      return;
    }
    if (kpi.unit() == KpiUnit.COUNT && plain.scale() > 0) {
      errors.add(
          UserError.of(UserError.Code.INVALID, "План по количеству — целое число.", "target"));
    } else if (kpi.unit() == KpiUnit.MONEY && plain.scale() > 2) {
      errors.add(
          UserError.of(
              UserError.Code.INVALID, "План в деньгах — не более 2 знаков (копейки).", "target"));
    } else if (kpi.unit() == KpiUnit.PERCENT && target.compareTo(HUNDRED) > 0) {
      errors.add(
          UserError.of(UserError.Code.INVALID, "План в процентах — не более 100 %.", "target"));
    }
  }

  private ZoneId tenantZone() throws SQLException {
    return new KpiSql(connection).tenantZone();
  }

  private void requireTenantZone(Period period) throws SQLException {
    ZoneId zone = tenantZone();
    if (!period.zone().normalized().equals(zone.normalized())) {
      throw new IllegalArgumentException(
          "period " + period + " is not in the tenant's time zone " + zone);
    }
  }

  private Optional<Plan> find(Kpi kpi, PlanSubjectKind kind, long subjectId, Period period)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM kpi_plan WHERE kpi = ? AND subject_kind = ? AND subject_id = ?"
                + " AND period_kind = ? AND period_start = ? FOR UPDATE")) {
      s.setString(1, kpi.code());
      s.setString(2, kind.name());
      s.setLong(3, subjectId);
      s.setString(4, period.type().name());
      s.setDate(5, Date.valueOf(period.firstDay()));
      try (ResultSet rows = s.executeQuery()) {
        return rows.next() ? plan(rows, period.zone()) : Optional.empty();
      }
    }
  }

  /** Inserts the plan unless its key exists (then false, nothing written). */
  private boolean insert(Plan plan) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO kpi_plan (tenant_id, "
                + COLUMNS
                + ") VALUES (premia_current_tenant(), ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (tenant_id, kpi, subject_kind, subject_id, period_kind, period_start)"
                + " DO NOTHING")) {
      s.setObject(1, plan.id());
      s.setString(2, plan.kpi().code());
      s.setString(3, plan.subjectKind().name());
      s.setLong(4, plan.subjectId());
      s.setString(5, plan.period().type().name());
      s.setDate(6, Date.valueOf(plan.period().firstDay()));
      s.setBigDecimal(7, plan.target());
      s.setTimestamp(8, Timestamp.from(plan.updatedAt()));
      if (plan.updatedBy() == null) {
        s.setNull(9, Types.OTHER);
      } else {
        s.setObject(9, plan.updatedBy());
      }
      return s.executeUpdate() == 1;
    }
  }

  /** A stored plan; empty for a KPI code this version no longer knows (skipped, not failed). */
  private static Optional<Plan> plan(ResultSet row, ZoneId zone) throws SQLException {
    Optional<Kpi> kpi = Kpi.byCode(row.getString("kpi"));
    if (kpi.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Plan(
            row.getObject("id", UUID.class),
            kpi.get(),
            PlanSubjectKind.valueOf(row.getString("subject_kind")),
            row.getLong("subject_id"),
            new Period(
                PeriodType.valueOf(row.getString("period_kind")),
                row.getDate("period_start").toLocalDate(),
                zone),
            row.getBigDecimal("target"),
            row.getTimestamp("updated_at").toInstant(),
            row.getObject("updated_by", UUID.class)));
  }

  /** The plan as audit JSON (the codes and numbers only: no free text to escape). */
  static String json(Plan plan) {
    return "{\"kpi\":\""
        + plan.kpi().code()
        + "\",\"subject_kind\":\""
        + plan.subjectKind().name()
        + "\",\"subject_id\":"
        + plan.subjectId()
        + ",\"period_kind\":\""
        + plan.period().type().name()
        + "\",\"period_start\":\""
        + plan.period().firstDay()
        + "\",\"target\":"
        + plan.target().toPlainString()
        + "}";
  }
}
