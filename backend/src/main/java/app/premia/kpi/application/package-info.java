/**
 * Measuring KPIs: {@link app.premia.kpi.application.KpiSql} aggregates the synced CRM facts in SQL
 * (never loading deals into Java objects) on a connection whose tenant settings are already set;
 * {@link app.premia.kpi.application.Plans} keeps the plans (targets) in table {@code kpi_plan} and
 * computes attainment (actual ÷ plan) from those measurements.
 */
package app.premia.kpi.application;
