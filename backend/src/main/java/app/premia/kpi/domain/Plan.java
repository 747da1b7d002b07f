package app.premia.kpi.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The target of one KPI for one employee or department in one period.
 *
 * @param id the plan's id
 * @param kpi the KPI planned
 * @param subjectKind employee or department
 * @param subjectId the Bitrix24 user or department id
 * @param period the period, in the tenant's time zone
 * @param target the target in the KPI's unit, at most 4 decimals, never negative
 * @param updatedAt when the target was last set
 * @param updatedBy who set it last (null: the system or an unknown actor)
 */
public record Plan(
    UUID id,
    Kpi kpi,
    PlanSubjectKind subjectKind,
    long subjectId,
    Period period,
    BigDecimal target,
    Instant updatedAt,
    UUID updatedBy) {

  public Plan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kpi, "kpi");
    Objects.requireNonNull(subjectKind, "subjectKind");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
