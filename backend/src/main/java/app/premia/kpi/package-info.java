/**
 * KPI measurement (issue #5): the catalogue of KPIs with their written definitions, calendar
 * periods in the tenant's time zone, the measurement of KPIs in SQL over the synced CRM facts, and
 * plans (targets) per employee or department per period with their attainment.
 *
 * <p>This context reads the {@code crm_*} tables with SQL; it imports no class of the {@code crm}
 * context. Definitions: {@code docs/domain/kpis.md}.
 */
package app.premia.kpi;
