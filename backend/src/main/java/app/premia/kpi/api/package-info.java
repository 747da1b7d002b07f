/**
 * What the KPI context publishes to later contexts (compensation, payout, regulation): the
 * catalogue of KPIs as plain descriptors and the {@link app.premia.kpi.api.KpiFeed} that reads a
 * tenant's measured values, plans and roster for a set of periods. Nothing here exposes the KPI
 * context's own domain classes.
 */
package app.premia.kpi.api;
