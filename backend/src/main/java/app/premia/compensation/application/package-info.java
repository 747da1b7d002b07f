/**
 * Compensation use cases: schemes and versions (draft, publish), assignments, the template library
 * and its proposals, previews and what-if replays; the payout exports ({@code PayoutExports}: the
 * run's XLSX, the 1C:ZUP import file, the BI feed — pure writers, no database). Persistence through
 * EclipseLink multitenant entities (and row-level security); KPIs through {@code kpi.api.KpiFeed}.
 */
package app.premia.compensation.application;
