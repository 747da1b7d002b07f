package app.premia.kpi.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The funnel conversion ({@link Kpi#FUNNEL_STAGE_CONVERSION}) of one stage of one pipeline for one
 * department (with its sub-departments) in one period.
 *
 * @param departmentId the portal's department id ({@code crm_department.id})
 * @param period the period measured
 * @param pipelineId the pipeline ({@code crm_deal.category_id}, 0 for the default one)
 * @param stageId the in-progress stage ({@code crm_stage.status_id})
 * @param value the share in percent, 4 decimals
 * @param entered deals that entered the stage in the period (the divisor)
 * @param converted of them, those that then reached a later stage (the dividend)
 */
public record FunnelMeasurement(
    long departmentId,
    Period period,
    int pipelineId,
    String stageId,
    BigDecimal value,
    long entered,
    long converted) {

  public FunnelMeasurement {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(stageId, "stageId");
    Objects.requireNonNull(value, "value");
  }
}
