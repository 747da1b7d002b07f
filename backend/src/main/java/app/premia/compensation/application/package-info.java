/**
 * Compensation use cases: schemes and versions (draft, publish), assignments, the template library
 * and its proposals, previews and what-if replays. Persistence through EclipseLink multitenant
 * entities (and row-level security); KPIs through {@code kpi.api.KpiFeed}.
 */
package app.premia.compensation.application;
