/**
 * The KPI catalogue ({@link app.premia.kpi.domain.Kpi}) with each KPI's unit, scope and written
 * definition in Russian and English; calendar {@link app.premia.kpi.domain.Period periods} as
 * half-open instant ranges in the tenant's zone; and the {@link app.premia.kpi.domain.Measurement}
 * of one KPI for one employee and period.
 */
package app.premia.kpi.domain;
