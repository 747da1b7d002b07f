package app.premia.kpi.api;

import java.util.Objects;

/**
 * One KPI of the catalogue as other contexts see it.
 *
 * @param code the stable code, e.g. {@code sales_volume}
 * @param unit what its number means
 * @param department true for a team KPI measured per department (team plan fulfilment, average
 *     sales per manager, staff turnover); false for an employee KPI
 * @param plannable whether a plan (target) may be set for it, so attainment exists
 * @param nameRu the Russian name
 * @param nameEn the English name
 * @param definitionRu the exact definition in Russian, as measured
 * @param definitionEn the exact definition in English
 */
public record KpiDescriptor(
    String code,
    KpiUnitKind unit,
    boolean department,
    boolean plannable,
    String nameRu,
    String nameEn,
    String definitionRu,
    String definitionEn) {

  public KpiDescriptor {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(unit, "unit");
  }
}
