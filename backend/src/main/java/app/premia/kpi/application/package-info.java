/**
 * Measuring KPIs: {@link app.premia.kpi.application.KpiSql} aggregates the synced CRM facts in SQL
 * (never loading deals into Java objects) on a connection whose tenant settings are already set.
 */
package app.premia.kpi.application;
